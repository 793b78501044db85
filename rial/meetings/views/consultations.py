"""Electronic consultation pages: the Secretariat opens and closes, the consulted authorities answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.accounts.roles import roles_for
from rial.core.forms import add_service_error, add_service_message
from rial.core.permissions import authorize
from rial.core.storage import file_response
from rial.meetings.forms import ConsultationAnswerForm, ConsultationForm
from rial.meetings.models import Consultation
from rial.meetings.services import consultation as consultation_services
from rial.meetings.services.consultation import (
    acting_institutions,
    consultation_answer,
    consultation_open,
    default_authorities,
)


@login_required
def consultation_list(request: HttpRequest) -> HttpResponse:
    roles = roles_for(request.user)
    consultations = Consultation.objects.all()
    if not roles.is_secretariat:
        consultations = consultations.filter(consulted__in=roles.speaks_for).distinct()
    return render(request, "meetings/consultation_list.html", {
        "consultations": consultations, "can_add": request.user.has_perm("meetings.add_consultation")})


@login_required
def consultation_add(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "meetings.add_consultation")
    form = ConsultationForm(request.POST or None, request.FILES or None,
                            initial={"consulted": [institution.pk for institution in default_authorities()]})
    if request.method == "POST" and form.is_valid():
        try:
            consultation = consultation_open(consultation=form.save(commit=False),
                                             consulted=list(form.cleaned_data["consulted"]), user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The consultation is open; it closes by itself at the deadline."))
            return redirect(consultation)
    return render(request, "meetings/consultation_form.html", {"form": form})


@login_required
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation.objects.prefetch_related("consulted"), pk=pk)
    authorize(request.user, "meetings.see_consultation", consultation)
    institutions = acting_institutions(request.user, consultation)
    form = ConsultationAnswerForm(request.POST or None, institutions=institutions)
    if request.method == "POST":
        authorize(request.user, "meetings.answer_consultation", consultation)
        if form.is_valid():
            try:
                consultation_answer(consultation=consultation, institution=form.cleaned_data["institution"],
                                    answer=form.cleaned_data["answer"], comment=form.cleaned_data["comment"],
                                    user=request.user)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your answer was recorded."))
                return redirect(consultation)
    answers = {answer.institution_id: answer for answer in consultation.answers.select_related("answered_by")}
    rows = [(institution, answers.get(institution.pk)) for institution in consultation.consulted.all()]
    return render(request, "meetings/consultation_detail.html", {
        "consultation": consultation, "rows": rows, "form": form if institutions else None,
        "can_close": request.user.has_perm("meetings.change_consultation", consultation),
    })


@login_required
@require_POST
def consultation_close(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    authorize(request.user, "meetings.change_consultation", consultation)
    try:
        consultation_services.consultation_close(consultation=consultation, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("The consultation was closed and its outcome recorded."))
    return redirect(consultation)


@login_required
def consultation_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    consultation = get_object_or_404(Consultation, pk=pk)
    authorize(request.user, "meetings.see_consultation", consultation)
    return file_response(consultation.document)
