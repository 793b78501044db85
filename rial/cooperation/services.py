"""Workflow functions of bilateral cooperation: each checks permission and invariants, runs in a transaction
and leaves an audit row. Views, the API, the admin and the demo loader all call these."""

import datetime
import logging
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.cooperation import actions, notices
from rial.cooperation.models import (
    SCORE_MAX,
    SCORE_MIN,
    Activity,
    Call,
    DestinationRate,
    Evaluation,
    Modality,
    Outcome,
    Participant,
    Proposal,
    QuestionnaireAnswer,
    Report,
)
from rial.cooperation.workflows import ACTIVITY, CALL, PROPOSAL
from rial.core.amounts import format_amount
from rial.core.audit import save_logged
from rial.core.permissions import authorize
from rial.directory.models import Institution
from rial.fund import services as fund_services
from rial.fund.queries import Category as FundCategory
from rial.portfolio.models import Program

logger = logging.getLogger("rial.cooperation")
CENT = Decimal("0.01")

# The action recorded for each state call_set_state may move a call to.
CALL_STATE_ACTIONS = {Call.State.OPEN: actions.CALL_OPENED, Call.State.CLOSED: actions.CALL_CLOSED,
                      Call.State.PUBLISHED: actions.CALL_PUBLISHED}


# --- Calls --------------------------------------------------------------------------------------------------


def call_set_state(*, call: Call, user, state: str) -> Call:
    """Move a call along draft → open → closed (evaluation and publication have their own functions)."""
    authorize(user, "cooperation.manage_call", call)
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if state == Call.State.EVALUATED:
            raise ValidationError(_("A call is evaluated by selecting its results."))
        move = CALL.by_target(call.state, state)
        CALL.check(call, move)
        if state == Call.State.OPEN:
            if sum(call.weights.values()) != 100:
                raise ValidationError(_("The evaluation weights must add up to 100 before the call opens."))
            if not call.closes_on or not call.budget:
                raise ValidationError(_("Set the closing date and the budget before the call opens."))
            if not call.modalities:
                raise ValidationError(_("Allow at least one modality before the call opens."))
        CALL.move(call, move)
        save_logged(call, user=user, action=CALL_STATE_ACTIONS[state])
    return call


# Once proposals are in, changing these would change the rules they were written under.
CALL_FIELDS_FIXED_WHEN_OPEN = ("number", "year", "opens_on", "max_travellers", "max_days", "allows_provider_visit",
                               "allows_expert_visit", "allows_virtual")
CALL_EDITABLE_STATES = (Call.State.DRAFT, Call.State.OPEN)


def _check_call(call: Call, rates: list[dict]) -> None:
    errors: dict[str, list[str]] = {}
    if sum(call.weights.values()) != 100:
        errors.setdefault("weight_relevance", []).append(
            _("The evaluation weights must add up to 100 (now %(total)s).") % {"total": sum(call.weights.values())})
    if call.opens_on and call.closes_on and call.closes_on < call.opens_on:
        errors.setdefault("closes_on", []).append(_("The call must close on or after the day it opens."))
    if call.budget is not None and call.budget < 0:
        errors.setdefault("budget", []).append(_("The budget cannot be negative."))
    countries = [rate["country"] for rate in rates]
    if len(countries) != len(set(countries)):
        errors.setdefault("rates", []).append(_("Each destination can have only one rate."))
    for rate in rates:
        if rate["airfare"] is None or rate["per_diem"] is None or rate["airfare"] < 0 or rate["per_diem"] < 0:
            errors.setdefault("rates", []).append(
                _("Airfare and per diem for %(country)s must be amounts of zero or more.") % {"country": rate["country"]})
    if call.state == Call.State.OPEN and not call.modalities:
        errors.setdefault("allows_virtual", []).append(_("An open call must allow at least one modality."))
    if errors:
        raise ValidationError(errors)


def call_save(*, call: Call, user, rates, authority_evaluators=()) -> Call:
    """Create a call (as a draft) or edit one while it is a draft or open; ``rates`` replaces its destination rates
    (dicts with ``country``, ``airfare``, ``per_diem``). An open call keeps its number, opening date, modalities and
    limits: proposals were written under them."""
    authorize(user, "cooperation.manage_call", call if call.pk else None)
    creating = call.pk is None
    rates = list(rates)
    with transaction.atomic():
        if creating:
            call.state = Call.State.DRAFT
        else:
            stored = Call.objects.select_for_update().get(pk=call.pk)
            if stored.state not in CALL_EDITABLE_STATES:
                raise ValidationError(_("A call can be edited only while it is a draft or open: this one is “%(state)s”.")
                                      % {"state": stored.get_state_display()})
            call.state = stored.state
            if stored.state == Call.State.OPEN:
                changed = [name for name in CALL_FIELDS_FIXED_WHEN_OPEN if getattr(stored, name) != getattr(call, name)]
                if changed:
                    raise ValidationError({name: [_("This cannot change once the call is open.")] for name in changed})
        _check_call(call, rates)
        call.full_clean()
        save_logged(call, user=user, action=actions.CALL_CREATED if creating else actions.CALL_CHANGED,
                    related={"authority_evaluators": list(authority_evaluators)})
        kept = set()
        for rate in rates:
            obj, _created = DestinationRate.objects.update_or_create(
                call=call, country=rate["country"], defaults={"airfare": rate["airfare"], "per_diem": rate["per_diem"]})
            kept.add(obj.pk)
        call.rates.exclude(pk__in=kept).delete()
    return call


def call_publish(*, call: Call, user) -> Call:
    authorize(user, "cooperation.manage_call", call)
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        CALL.move(call, "publish")
        save_logged(call, user=user, action=actions.CALL_PUBLISHED)
    return call


# --- Proposals -----------------------------------------------------------------------------------------------


def destination_of(*, modality: str, requesting: Institution, providing: Institution):
    """Who travels where: officials go to the provider's country, experts to the requester's; virtual: nowhere."""
    if modality == Modality.PROVIDER_VISIT:
        return providing.country
    if modality == Modality.EXPERT_VISIT:
        return requesting.country
    return None


def estimate_cost(*, call: Call, modality: str, requesting: Institution, providing: Institution,
                  travellers: int, days: int) -> Decimal:
    """Economy airfare plus per diem × days, for each traveller, at the call's rates for the destination."""
    destination = destination_of(modality=modality, requesting=requesting, providing=providing)
    if destination is None:
        return Decimal("0.00")
    rate = DestinationRate.objects.filter(call=call, country=destination).first()
    if rate is None:
        raise ValidationError(_("The call sets no airfare and per diem for %(country)s: ask the Secretariat.")
                              % {"country": destination})
    return ((rate.airfare + rate.per_diem * days) * travellers).quantize(CENT, ROUND_HALF_UP)


def _check_proposal(proposal: Proposal, beneficiaries) -> None:
    call = proposal.call = Call.objects.get(pk=proposal.call_id)  # the call's state as stored now
    errors: dict[str, list[str]] = {}
    if not call.accepts_proposals():
        raise ValidationError(_("The %(call)s is not open for proposals: nothing was saved.") % {"call": call})
    if proposal.requesting_id == proposal.providing_id:
        errors.setdefault("providing", []).append(_("The providing ministry must be another ministry."))
    if proposal.modality and proposal.modality not in call.modalities:
        errors.setdefault("modality", []).append(_("This call does not allow that modality."))
    if proposal.travellers and proposal.travellers > call.max_travellers:
        errors.setdefault("travellers", []).append(
            _("This call allows at most %(n)s travellers.") % {"n": call.max_travellers})
    if proposal.days and proposal.days > call.max_days:
        errors.setdefault("days", []).append(_("This call allows at most %(n)s days.") % {"n": call.max_days})
    if proposal.days and len(proposal.agenda_days) > proposal.days:
        errors.setdefault("agenda", []).append(_("The agenda has more days than the activity."))
    if {b.pk for b in beneficiaries} & {proposal.requesting_id, proposal.providing_id}:
        errors.setdefault("beneficiaries", []).append(
            _("Further beneficiaries must be ministries other than the requester and the provider."))
    if proposal.program_id and not Program.objects.published().filter(pk=proposal.program_id).exists():
        errors.setdefault("program", []).append(_("Choose a published program of the portfolio."))
    if errors:
        raise ValidationError(errors)


def proposal_save(*, proposal: Proposal, user, topics, beneficiaries=()) -> Proposal:
    """Create or edit a proposal (until the call closes), recomputing its cost estimate from the call's rules."""
    creating = proposal.pk is None
    if creating:
        authorize(user, "cooperation.add_proposal")
    # The requesting ministry decides ownership: a focal point proposes only for their own ministry.
    authorize(user, "cooperation.change_proposal", proposal)
    if not creating and proposal.state not in (Proposal.State.DRAFT, Proposal.State.SUBMITTED):
        raise ValidationError(_("A proposal can no longer be changed once it has been evaluated or withdrawn."))
    topics = list(topics)
    beneficiaries = list(beneficiaries)
    if not topics:
        raise ValidationError({"topics": [_("Choose at least one topic.")]})
    with transaction.atomic():
        _check_proposal(proposal, beneficiaries)
        proposal.cost_estimate = estimate_cost(call=proposal.call, modality=proposal.modality,
                                               requesting=proposal.requesting, providing=proposal.providing,
                                               travellers=proposal.travellers, days=proposal.days)
        if not creating:
            # A changed proposal needs the provider to confirm again what it commits to.
            previous = Proposal.objects.select_for_update().get(pk=proposal.pk)
            if _commitment_terms(previous) != _commitment_terms(proposal):
                proposal.commitment_confirmed_at = None
                proposal.commitment_confirmed_by = None
        proposal.full_clean()
        save_logged(proposal, user=user, action=actions.PROPOSAL_CREATED if creating else actions.PROPOSAL_CHANGED)
        proposal.topics.set(topics)
        proposal.beneficiaries.set(beneficiaries)
        notices.proposal_counterpart(proposal)
    return proposal


def _commitment_terms(proposal: Proposal) -> tuple:
    return (proposal.providing_id, proposal.modality, proposal.travellers, proposal.days, proposal.agenda.strip())


def proposal_submit(*, proposal: Proposal, user) -> Proposal:
    authorize(user, "cooperation.change_proposal", proposal)
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().select_related("call").get(pk=proposal.pk)
        if not proposal.call.accepts_proposals():
            raise ValidationError(_("The %(call)s is closed: the proposal was not submitted.") % {"call": proposal.call})
        PROPOSAL.move(proposal, "submit")
        proposal.submitted_at = timezone.now()
        proposal.submitted_by = user
        save_logged(proposal, user=user, action=actions.PROPOSAL_SUBMITTED)
    return proposal


def proposal_confirm_commitment(*, proposal: Proposal, user) -> Proposal:
    """The providing ministry's focal point confirms it will host or send experts as the proposal says."""
    authorize(user, "cooperation.confirm_commitment", proposal)
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().select_related("call").get(pk=proposal.pk)
        if proposal.state not in (Proposal.State.DRAFT, Proposal.State.SUBMITTED) or not proposal.call.accepts_proposals():
            raise ValidationError(_("The commitment can only be confirmed while the call is open."))
        proposal.commitment_confirmed_at = timezone.now()
        proposal.commitment_confirmed_by = user
        save_logged(proposal, user=user, action=actions.PROPOSAL_COMMITMENT_CONFIRMED)
    return proposal


# --- Evaluation ----------------------------------------------------------------------------------------------


def has_conflict(user, proposal: Proposal) -> bool:
    """An evaluator from a ministry taking part in the proposal may not score it."""
    return bool(roles_for(user).institution_ids & proposal.party_ids())


def evaluable(call: Call):
    """Proposals that can be scored: submitted with the provider's confirmed commitment."""
    return call.proposals.filter(state=Proposal.State.SUBMITTED, commitment_confirmed_at__isnull=False)


def weighted_score(call: Call, scores: dict[str, int]) -> Decimal:
    """0–100: each 0–10 score times its weight (the weights add up to 100), divided by 10."""
    total = sum(Decimal(scores[name]) * weight for name, weight in call.weights.items())
    return (total / 10).quantize(CENT, ROUND_HALF_UP)


def evaluation_record(*, proposal: Proposal, user, relevance, opportunity, clarity, commitment,
                      comments: str = "") -> Evaluation:
    proposal = Proposal.objects.select_related("call").get(pk=proposal.pk)
    call = proposal.call
    authorize(user, "cooperation.evaluate_call", call)
    scores = {"relevance": relevance, "opportunity": opportunity, "clarity": clarity, "commitment": commitment}
    errors = {}
    for name, value in scores.items():
        if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
            errors[name] = [_("Give a whole number from %(low)s to %(high)s.") % {"low": SCORE_MIN, "high": SCORE_MAX}]
    if errors:
        raise ValidationError(errors)
    if call.state != Call.State.CLOSED:
        raise ValidationError(_("Proposals are scored after the call closes and before results are selected."))
    if has_conflict(user, proposal):
        raise ValidationError(_("You cannot score this proposal: your institution takes part in it."))
    if proposal.state != Proposal.State.SUBMITTED:
        raise ValidationError(_("Only submitted proposals are scored."))
    if not proposal.commitment_confirmed:
        raise ValidationError(_("This proposal cannot be evaluated: the providing ministry has not confirmed its commitment."))
    with transaction.atomic():
        evaluation = Evaluation.objects.filter(proposal=proposal, evaluator=user).first() or Evaluation(
            proposal=proposal, evaluator=user)
        for name, value in scores.items():
            setattr(evaluation, name, value)
        evaluation.comments = comments
        evaluation.weighted = weighted_score(call, scores)
        evaluation.full_clean()
        save_logged(evaluation, user=user, action=actions.EVALUATION_RECORDED)
        _update_ranking(call)
    return evaluation


def _update_ranking(call: Call) -> None:
    """Average weighted score per proposal; rank 1 is the best. Unscored proposals have no rank."""
    proposals = list(evaluable(call).annotate(mean=Avg("evaluations__weighted")).order_by("pk"))
    scored = sorted((p for p in proposals if p.mean is not None), key=lambda p: (-p.mean, p.pk))
    ranks = {p.pk: (Decimal(p.mean).quantize(CENT, ROUND_HALF_UP), position) for position, p in enumerate(scored, 1)}
    for proposal in proposals:
        proposal.score, proposal.rank = ranks.get(proposal.pk, (None, None))
    Proposal.objects.bulk_update(proposals, ["score", "rank"])


def ranking(call: Call) -> list[Proposal]:
    return list(evaluable(call).filter(rank__isnull=False).select_related("requesting__country", "providing__country")
                .order_by("rank"))


def fitting_selection(call: Call) -> list[Proposal]:
    """What fits the budget: take the proposals in rank order, skipping any that would exceed what is left."""
    left = call.budget or Decimal("0")
    chosen = []
    for proposal in ranking(call):
        if proposal.cost_estimate <= left:
            chosen.append(proposal)
            left -= proposal.cost_estimate
    return chosen


def _open_activity(proposal: Proposal, user) -> Activity:
    activity = Activity(call=proposal.call, proposal=proposal, first_party=proposal.requesting,
                        second_party=proposal.providing, title=proposal.title, modality=proposal.modality,
                        year=proposal.call.year, is_demo=proposal.is_demo)
    save_logged(activity, user=user, action=actions.ACTIVITY_PLANNED)
    activity.topics.set(proposal.topics.all())
    return activity


def call_select(*, call: Call, user, proposals) -> list[Activity]:
    """Select the results of a closed call within its budget, all at once: every selection is saved, or none."""
    authorize(user, "cooperation.manage_call", call)
    chosen_ids = {p.pk for p in proposals}
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        CALL.check(call, "select")
        ranked = {p.pk: p for p in ranking(call)}
        unknown = chosen_ids - set(ranked)
        if unknown:
            raise ValidationError(_("Only evaluated proposals of this call can be selected."))
        if not chosen_ids:
            raise ValidationError(_("Select at least one proposal."))
        total = sum((ranked[pk].cost_estimate for pk in chosen_ids), Decimal("0"))
        if call.budget is None or total > call.budget:
            raise ValidationError(_("The selection costs USD %(total)s, more than the call's budget of USD %(budget)s.")
                                  % {"total": format_amount(total), "budget": format_amount(call.budget)})
        activities = []
        for proposal in call.proposals.filter(state=Proposal.State.SUBMITTED).order_by("rank", "pk"):
            selected = proposal.pk in chosen_ids
            PROPOSAL.move(proposal, "select" if selected else "not_select")
            save_logged(proposal, user=user,
                        action=actions.PROPOSAL_SELECTED if selected else actions.PROPOSAL_NOT_SELECTED)
            if selected:
                activities.append(_open_activity(proposal, user))
        CALL.move(call, "select")
        save_logged(call, user=user, action=actions.CALL_EVALUATED)
        notices.proposals_decided(call.proposals.filter(state__in=[Proposal.State.SELECTED, Proposal.State.NOT_SELECTED])
                                  .select_related("call"))
    logger.info("call %s: %s proposals selected by %s", call.number, len(activities), user)
    return activities


# --- Execution, reports, follow-up ---------------------------------------------------------------------------


def activity_record_execution(*, activity: Activity, user, starts_on: datetime.date, ends_on: datetime.date,
                              travellers: str, agenda_carried_out: str) -> Activity:
    authorize(user, "cooperation.manage_activity", activity)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": [_("The activity cannot end before it starts.")]})
    if ends_on > timezone.localdate():
        raise ValidationError({"ends_on": [_("Record the execution once the activity has taken place.")]})
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        ACTIVITY.check(activity, "execute")
        activity.starts_on, activity.ends_on, activity.year = starts_on, ends_on, starts_on.year
        activity.travellers, activity.agenda_carried_out = travellers, agenda_carried_out
        ACTIVITY.move(activity, "execute")
        activity.full_clean()
        save_logged(activity, user=user, action=actions.ACTIVITY_EXECUTED)
    return activity


EXPENSE_CATEGORIES = (FundCategory.AIRFARE, FundCategory.PER_DIEM, FundCategory.BILATERAL)


def activity_charge_expense(*, activity: Activity, user, amount, currency: str, category: str,
                            date: datetime.date, description: str):
    """Charge what an activity actually cost to the fund's ledger (the fund refuses an overdraft)."""
    authorize(user, "cooperation.manage_activity", activity)
    activity = _fresh(activity)
    if activity.state == Activity.State.CANCELLED:
        raise ValidationError(_("A cancelled activity takes no expenses."))
    if category not in EXPENSE_CATEGORIES:
        raise ValidationError({"category": _("An activity's expenses are airfare, per diem or other bilateral costs.")})
    label = f"{'DEMO ' if activity.is_demo and not description.startswith('DEMO') else ''}{description}".strip()
    return fund_services.record_expense(user=user, amount=amount, currency=currency, category=category,
                                        paid_for=activity, date=date, description=label,
                                        is_demo=activity.is_demo)  # a demo activity's cost is demo money


def _fresh(activity: Activity) -> Activity:
    """The activity as stored now: a caller may hold a copy from before a state change."""
    return Activity.objects.select_related("call", "proposal").get(pk=activity.pk)


def _party(activity: Activity, institution: Institution) -> None:
    if institution.pk not in activity.party_ids():
        raise ValidationError(_("%(ministry)s did not take part in this activity.") % {"ministry": institution})


def report_file(*, activity: Activity, user, institution: Institution, summary: str) -> Report:
    activity = _fresh(activity)
    authorize(user, "cooperation.file_report", activity)
    roles = roles_for(user)
    if not roles.is_secretariat and institution.pk not in roles.focal_point_for:
        raise PermissionDenied("cooperation.file_report")
    _party(activity, institution)
    if activity.state == Activity.State.PLANNED:
        raise ValidationError(_("A report is filed after the activity has taken place."))
    if not summary.strip():
        raise ValidationError({"summary": [_("Write what was done and learned.")]})
    with transaction.atomic():
        report = Report.objects.filter(activity=activity, institution=institution).first() or Report(
            activity=activity, institution=institution)
        report.summary, report.filed_by, report.filed_at = summary, user, timezone.now()
        report.full_clean()
        save_logged(report, user=user, action=actions.REPORT_FILED)
    return report


def outcome_record(*, activity: Activity, user, institution: Institution, category: str, description: str,
                   evidence: str, adopted_program: Program | None = None) -> Outcome:
    activity = _fresh(activity)
    authorize(user, "cooperation.record_outcome", activity)
    roles = roles_for(user)
    if not roles.is_secretariat and institution.pk not in roles.focal_point_for:
        raise PermissionDenied("cooperation.record_outcome")
    _party(activity, institution)
    if activity.state not in (Activity.State.EXECUTED, Activity.State.COMPLETED):
        raise ValidationError(_("Outcomes are recorded after the activity has taken place."))
    with transaction.atomic():
        if adopted_program is not None and not Program.objects.published().filter(pk=adopted_program.pk).exists():
            raise ValidationError({"adopted_program": [_("Choose a published program of the portfolio.")]})
        outcome = Outcome(activity=activity, institution=institution, category=category, description=description,
                          evidence=evidence, adopted_program=adopted_program, recorded_by=user)
        outcome.full_clean()
        save_logged(outcome, user=user, action=actions.OUTCOME_RECORDED)
    return outcome


def activity_complete(*, activity: Activity, user) -> Activity:
    """Close an executed activity once every party ministry has filed its report."""
    authorize(user, "cooperation.manage_activity", activity)
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        ACTIVITY.check(activity, "complete")
        missing = activity.party_ids() - set(activity.reports.values_list("institution_id", flat=True))
        if missing:
            names = ", ".join(str(i) for i in Institution.objects.filter(pk__in=missing).order_by("name"))
            raise ValidationError(_("Reports are still missing from: %(names)s.") % {"names": names})
        ACTIVITY.move(activity, "complete")
        save_logged(activity, user=user, action=actions.ACTIVITY_COMPLETED)
    return activity


def participant_add(*, activity: Activity, user, institution: Institution, full_name: str, email: str = "") -> Participant:
    authorize(user, "cooperation.manage_activity", activity)
    _party(activity, institution)
    with transaction.atomic():
        participant = Participant(activity=activity, institution=institution, full_name=full_name, email=email)
        participant.full_clean()
        save_logged(participant, user=user, action=actions.PARTICIPANT_ADDED)
    return participant


def may_act_for_participant(user, participant: Participant) -> bool:
    """The participant (same email), a focal point of their ministry, or the Secretariat."""
    roles = roles_for(user)
    own = (bool(participant.email) and user.is_authenticated and bool(user.email)
           and user.email.lower() == participant.email.lower())
    return own or roles.is_secretariat or participant.institution_id in roles.focal_point_for


def questionnaire_answer(*, participant: Participant, user, objectives_met: int, usefulness: int, organisation: int,
                         will_apply: str = "") -> QuestionnaireAnswer:
    """A participant's answers, entered by themselves (matched by email) or by a focal point of their ministry."""
    if not may_act_for_participant(user, participant):
        raise PermissionDenied("cooperation.answer_questionnaire")
    if _fresh(participant.activity).state == Activity.State.PLANNED:
        raise ValidationError(_("The questionnaire opens after the activity."))
    with transaction.atomic():
        answer = QuestionnaireAnswer.objects.filter(participant=participant).first() or QuestionnaireAnswer(
            participant=participant)
        answer.objectives_met, answer.usefulness, answer.organisation = objectives_met, usefulness, organisation
        answer.will_apply = will_apply
        answer.full_clean()
        save_logged(answer, user=user, action=actions.QUESTIONNAIRE_ANSWERED)
    return answer


def missing_reports(today: datetime.date | None = None, *, within_days: int = 7):
    """(activity, institution id) pairs whose report is due within ``within_days`` or overdue."""
    today = today or timezone.localdate()
    activities = (Activity.objects.filter(state=Activity.State.EXECUTED, ends_on__isnull=False)
                  .select_related("call", "proposal").prefetch_related("reports", "proposal__beneficiaries"))
    for activity in activities:
        deadline = activity.report_deadline
        if deadline is None or deadline - today > datetime.timedelta(days=within_days):
            continue
        filed = {report.institution_id for report in activity.reports.all()}
        for institution_id in sorted(activity.party_ids() - filed):
            yield activity, institution_id
