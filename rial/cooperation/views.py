"""Pages of bilateral cooperation. Thin: each opens with a permission check and calls services.py."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rial.accounts.roles import roles_for
from rial.cooperation import analysis, certificates, exports, iati, services
from rial.cooperation.forms import (
    CallForm,
    EvaluationForm,
    ExecutionForm,
    ExpenseForm,
    NetworkFilterForm,
    OutcomeForm,
    ParticipantForm,
    PartnerSearchForm,
    ProposalForm,
    QuestionnaireForm,
    RateFormSet,
    ReportForm,
)
from rial.cooperation.models import Activity, Call, Evaluation, Participant, Proposal
from rial.cooperation.workflows import CALL
from rial.core import derived
from rial.core.amounts import format_amount
from rial.core.forms import add_service_error, add_service_message
from rial.core.permissions import authorize
from rial.core.storage import file_response
from rial.directory.models import Institution


def home(request: HttpRequest) -> HttpResponse:
    # The Secretariat also sees its draft calls here, so a call it prepares is one click away.
    can_manage = request.user.has_perm("cooperation.manage_call")

    @functools.cache  # read once even when both parts below are drawn
    def calls() -> dict:
        listed = list((Call.objects.all() if can_manage else Call.objects.public()).annotate(
            proposal_count=Count("proposals", filter=~Q(proposals__state=Proposal.State.DRAFT), distinct=True),
            activity_count=Count("activities", distinct=True)))
        return {"calls": listed, "open_calls": [call for call in listed if call.state == Call.State.OPEN],
                "activity_total": Activity.objects.public().exclude(state=Activity.State.CANCELLED).count()}

    roles = roles_for(request.user)
    mine = []
    if roles.focal_point_for:
        mine = (Proposal.objects.filter(Q(requesting_id__in=roles.focal_point_for) | Q(providing_id__in=roles.focal_point_for))
                .select_related("call", "requesting", "providing").order_by("-call__number", "title"))
    # What every reader sees (the Secretariat with its draft calls) is drawn once and kept until the next write.
    return render(request, "cooperation/home.html", {
        "overview_html": derived.fragment("cooperation-overview", "cooperation/includes/home_overview.html", calls,
                                          can_manage),
        "calls_html": derived.fragment("cooperation-calls", "cooperation/includes/home_calls.html", calls, can_manage),
        "my_proposals": mine, "can_manage": can_manage,
    })


def call_detail(request: HttpRequest, number: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.prefetch_related("rates__country"), number=number)
    if call.state == Call.State.DRAFT:
        authorize(request.user, "cooperation.manage_call", call)
    results = []
    if call.results_public:
        results = (call.proposals.published().select_related("requesting__country", "providing__country")
                   .prefetch_related("topics").order_by("rank", "title"))
    return render(request, "cooperation/call_detail.html", {
        "call": call, "results": results,
        "historic": call.activities.filter(proposal=None).select_related("first_party", "second_party"),
        "can_manage": request.user.has_perm("cooperation.manage_call", call),
        "can_evaluate": request.user.has_perm("cooperation.evaluate_call", call),
        "can_propose": call.accepts_proposals() and request.user.has_perm("cooperation.add_proposal"),
        "submitted": call.proposals.exclude(state=Proposal.State.DRAFT).count(),
        "next_states": [CALL.moves[name].target for name in CALL.possible(call.state) if name != "select"],
    })


def call_guidelines(request: HttpRequest, number: int) -> HttpResponseBase:
    """The call's guidelines file: public with the call's page; a draft call's only for the Secretariat."""
    call = get_object_or_404(Call, number=number)
    if call.state == Call.State.DRAFT:
        authorize(request.user, "cooperation.manage_call", call)
    return file_response(call.guidelines)


@login_required
def call_create(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "cooperation.manage_call")
    return _call_form(request, Call())


@login_required
def call_edit(request: HttpRequest, number: int) -> HttpResponse:
    call = get_object_or_404(Call, number=number)
    authorize(request.user, "cooperation.manage_call", call)
    if call.state not in services.CALL_EDITABLE_STATES:
        messages.error(request, _("A call can be edited only while it is a draft or open."))
        return redirect(call)
    return _call_form(request, call)


def _call_form(request: HttpRequest, call: Call) -> HttpResponse:
    form = CallForm(request.POST or None, request.FILES or None, instance=call)
    initial = [{"country": r.country, "airfare": r.airfare, "per_diem": r.per_diem}
               for r in call.rates.select_related("country")] if call.pk else []
    rates = RateFormSet(request.POST or None, initial=initial, prefix="rates")
    if request.method == "POST" and form.is_valid() and rates.is_valid():
        try:
            services.call_save(call=form.instance, user=request.user, rates=rates.rates(),
                               authority_evaluators=form.cleaned_data["authority_evaluators"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The call was saved."))
            return redirect(form.instance)
    return render(request, "cooperation/call_form.html", {"form": form, "rates": rates, "call": call})


@login_required
@require_POST
def call_transition(request: HttpRequest, number: int, state: str) -> HttpResponse:
    call = get_object_or_404(Call, number=number)
    authorize(request.user, "cooperation.manage_call", call)
    try:
        if state == Call.State.PUBLISHED:
            services.call_publish(call=call, user=request.user)
        else:
            services.call_set_state(call=call, user=request.user, state=state)
        messages.success(request, _("The call is now “%(state)s”.") % {"state": Call.State(state).label})
    except ValidationError as error:
        add_service_message(request, error)
    return redirect(call)


@login_required
def proposal_create(request: HttpRequest, number: int) -> HttpResponse:
    call = get_object_or_404(Call, number=number)
    authorize(request.user, "cooperation.add_proposal")
    if not call.accepts_proposals():
        messages.error(request, _("The %(call)s is not open for proposals.") % {"call": call})
        return redirect(call)
    return _proposal_form(request, call, Proposal(call=call))


@login_required
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("call"), pk=pk)
    authorize(request.user, "cooperation.change_proposal", proposal)
    return _proposal_form(request, proposal.call, proposal)


def _proposal_form(request: HttpRequest, call: Call, proposal: Proposal) -> HttpResponse:
    form = ProposalForm(request.POST or None, instance=proposal, call=call, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_save(proposal=form.instance, user=request.user, topics=form.cleaned_data["topics"],
                                   beneficiaries=form.cleaned_data["beneficiaries"])
        except PermissionDenied:
            form.add_error("requesting", _("You can only propose for a ministry you are focal point of."))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The proposal was saved. Its cost estimate is USD %(cost)s.")
                             % {"cost": format_amount(form.instance.cost_estimate)})
            return redirect(form.instance)
    return render(request, "cooperation/proposal_form.html", {"form": form, "call": call, "proposal": proposal})


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        Proposal.objects.select_related("call", "requesting__country", "providing__country", "commitment_confirmed_by",
                                        "program")
        .prefetch_related("topics", "beneficiaries"), pk=pk)
    authorize(request.user, "cooperation.view_proposal", proposal)
    user = request.user
    return render(request, "cooperation/proposal_detail.html", {
        "proposal": proposal,
        "can_edit": user.has_perm("cooperation.change_proposal", proposal) and proposal.call.accepts_proposals()
        and proposal.state in (Proposal.State.DRAFT, Proposal.State.SUBMITTED),
        "can_confirm": user.has_perm("cooperation.confirm_commitment", proposal) and proposal.call.accepts_proposals()
        and not proposal.commitment_confirmed,
        "evaluations": proposal.evaluations.select_related("evaluator") if user.has_perm("cooperation.manage_call") else [],
    })


@login_required
@require_POST
def proposal_submit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal, pk=pk)
    authorize(request.user, "cooperation.change_proposal", proposal)
    try:
        services.proposal_submit(proposal=proposal, user=request.user)
        messages.success(request, _("The proposal was submitted."))
    except ValidationError as error:
        add_service_message(request, error)
    return redirect(proposal)


@login_required
@require_POST
def proposal_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal, pk=pk)
    authorize(request.user, "cooperation.confirm_commitment", proposal)
    try:
        services.proposal_confirm_commitment(proposal=proposal, user=request.user)
        messages.success(request, _("Your ministry's commitment is confirmed."))
    except ValidationError as error:
        add_service_message(request, error)
    return redirect(proposal)


@login_required
def evaluation_list(request: HttpRequest, number: int) -> HttpResponse:
    call = get_object_or_404(Call, number=number)
    authorize(request.user, "cooperation.evaluate_call", call)
    proposals = (services.evaluable(call).select_related("requesting__country", "providing__country")
                 .prefetch_related("beneficiaries",
                                   Prefetch("evaluations", queryset=Evaluation.objects.filter(evaluator=request.user),
                                            to_attr="mine")).order_by("title"))
    rows = [(p, services.has_conflict(request.user, p)) for p in proposals]
    return render(request, "cooperation/evaluation_list.html", {
        "call": call, "to_score": [p for p, conflict in rows if not conflict],
        "conflicts": [p for p, conflict in rows if conflict]})


@login_required
def evaluation_score(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("call", "requesting", "providing"), pk=pk)
    authorize(request.user, "cooperation.evaluate_call", proposal.call)
    existing = proposal.evaluations.filter(evaluator=request.user).first()
    initial = {name: getattr(existing, name) for name in EvaluationForm.base_fields} if existing else None
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_record(proposal=proposal, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your scores were saved."))
            return redirect("cooperation:evaluation", number=proposal.call.number)
    return render(request, "cooperation/evaluation_form.html", {"form": form, "proposal": proposal,
                                                                "call": proposal.call})


@login_required
def selection(request: HttpRequest, number: int) -> HttpResponse:
    call = get_object_or_404(Call, number=number)
    authorize(request.user, "cooperation.manage_call", call)
    ranked = services.ranking(call)
    fitting = {p.pk for p in services.fitting_selection(call)}
    if request.method == "POST":
        chosen = [p for p in ranked if str(p.pk) in request.POST.getlist("proposal")]
        try:
            activities = services.call_select(call=call, user=request.user, proposals=chosen)
        except ValidationError as error:
            add_service_message(request, error)
        else:
            messages.success(request, ngettext("%(count)s proposal was selected.", "%(count)s proposals were selected.",
                                               len(activities)) % {"count": len(activities)})
            return redirect(call)
    return render(request, "cooperation/selection.html", {"call": call, "ranked": ranked, "fitting": fitting,
                                                          "fitting_cost": sum(p.cost_estimate for p in ranked
                                                                              if p.pk in fitting)})


def activity_list(request: HttpRequest) -> HttpResponse:
    activities = (Activity.objects.public().select_related("call", "first_party__country", "second_party__country")
                  .prefetch_related("topics").order_by("-year", "title"))
    return render(request, "cooperation/activity_list.html", {"activities": activities})


def _activity(pk: int) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related("call", "proposal", "first_party__country", "second_party__country"), pk=pk)
    return activity


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(pk)
    if not Activity.objects.public().filter(pk=pk).exists():
        authorize(request.user, "cooperation.view_activity_private", activity)
    user = request.user
    return render(request, "cooperation/activity_detail.html", {
        "activity": activity,
        "reports": activity.reports.select_related("institution"),
        "outcomes": activity.outcomes.select_related("institution", "adopted_program"),
        "participants": activity.participants.select_related("institution", "answer"),
        "topics": activity.topics.all(),
        "can_manage": user.has_perm("cooperation.manage_activity", activity),
        "can_report": user.has_perm("cooperation.file_report", activity),
        "expenses": exports.activity_expenses(activity),
    })


def _parties(activity: Activity):
    return Institution.objects.filter(pk__in=activity.party_ids()).order_by("name")


def _my_parties(activity: Activity, user):
    roles = roles_for(user)
    parties = _parties(activity)
    return parties if roles.is_secretariat else parties.filter(pk__in=roles.focal_point_for)


@login_required
def activity_execute(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(pk)
    authorize(request.user, "cooperation.manage_activity", activity)
    form = ExecutionForm(request.POST or None, initial={"agenda_carried_out": activity.proposal.agenda
                                                        if activity.proposal_id else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_record_execution(activity=activity, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The execution was recorded."))
            return redirect(activity)
    return render(request, "cooperation/activity_form.html", {"form": form, "activity": activity,
                                                              "heading": _("Record the execution")})


@login_required
def activity_expense(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(pk)
    authorize(request.user, "cooperation.manage_activity", activity)
    authorize(request.user, "fund.add_entry")
    form = ExpenseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_charge_expense(activity=activity, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The expense was charged to the fund."))
            return redirect(activity)
    return render(request, "cooperation/activity_form.html", {"form": form, "activity": activity,
                                                              "heading": _("Charge an expense to the fund")})


@login_required
@require_POST
def activity_complete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(pk)
    authorize(request.user, "cooperation.manage_activity", activity)
    try:
        services.activity_complete(activity=activity, user=request.user)
        messages.success(request, _("The activity is completed."))
    except ValidationError as error:
        add_service_message(request, error)
    return redirect(activity)


def _party_form(request: HttpRequest, pk: int, *, perm: str, form_class, heading: str, save) -> HttpResponse:
    activity = _activity(pk)
    authorize(request.user, perm, activity)
    form = form_class(request.POST or None, parties=_my_parties(activity, request.user)
                      if perm != "cooperation.manage_activity" else _parties(activity))
    if request.method == "POST" and form.is_valid():
        try:
            save(activity, form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(activity)
    return render(request, "cooperation/activity_form.html", {"form": form, "activity": activity, "heading": heading})


@login_required
def activity_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _party_form(request, pk, perm="cooperation.file_report", form_class=ReportForm,
                            heading=_("File your ministry's report"),
                            save=lambda activity, data: services.report_file(activity=activity, user=request.user, **data))


@login_required
def activity_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    return _party_form(request, pk, perm="cooperation.record_outcome", form_class=OutcomeForm,
                            heading=_("Record an outcome of the six-month follow-up"),
                            save=lambda activity, data: services.outcome_record(activity=activity, user=request.user,
                                                                                 **data))


@login_required
def activity_participant(request: HttpRequest, pk: int) -> HttpResponse:
    return _party_form(request, pk, perm="cooperation.manage_activity", form_class=ParticipantForm,
                            heading=_("Add a participant"),
                            save=lambda activity, data: services.participant_add(activity=activity, user=request.user,
                                                                                  **data))


@login_required
def questionnaire(request: HttpRequest, pk: int) -> HttpResponse:
    participant = get_object_or_404(Participant.objects.select_related("activity", "institution"), pk=pk)
    if not services.may_act_for_participant(request.user, participant):
        raise PermissionDenied
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.questionnaire_answer(participant=participant, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Thank you: your answers were saved."))
            return redirect(participant.activity)
    return render(request, "cooperation/questionnaire.html", {"form": form, "participant": participant})


@login_required
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    participant = get_object_or_404(Participant.objects.select_related("activity__first_party__country",
                                                                       "activity__second_party__country",
                                                                       "institution"), pk=pk)
    if not services.may_act_for_participant(request.user, participant):
        raise PermissionDenied
    if participant.activity.state not in (Activity.State.EXECUTED, Activity.State.COMPLETED):
        raise Http404
    response = HttpResponse(certificates.certificate_pdf(participant), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{participant.pk}.pdf"'
    return response


def impact(request: HttpRequest) -> HttpResponse:
    return render(request, "cooperation/impact.html", {"charts": analysis.impact_charts()})


def partners(request: HttpRequest) -> HttpResponse:
    form = PartnerSearchForm(request.GET or None)
    suggestions = None
    if form.is_valid():
        suggestions = analysis.suggest_partners(need=form.cleaned_data["need"], topics=form.cleaned_data["topics"],
                                                exclude_ids=roles_for(request.user).focal_point_for)
    return render(request, "cooperation/partners.html", {"form": form, "suggestions": suggestions})


def network(request: HttpRequest) -> HttpResponse:
    form = NetworkFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    graph = analysis.network(topic=filters.get("topic"), year_from=filters.get("year_from"),
                             year_to=filters.get("year_to"))
    return render(request, "cooperation/network.html", {"form": form, "graph": graph})


def export_activities(request: HttpRequest, fmt: str) -> HttpResponse:
    activities = exports.public_activities()
    if fmt == "xlsx":
        response = HttpResponse(exports.activities_xlsx(activities),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(exports.activities_csv(activities), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cooperation-activities.{fmt}"'
    return response


def iati_xml(request: HttpRequest) -> HttpResponse:
    return HttpResponse(iati.activities_xml(iati.iati_activities()), content_type="application/xml; charset=utf-8")
