"""Meeting pages: the public list and record, the Secretariat's edit page, delegations' written answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.core.audit import save_logged
from rial.core.forms import add_service_error, add_service_message
from rial.core.pagination import Paginator
from rial.core.permissions import authorize, authorize_unpublished
from rial.core.storage import file_response
from rial.meetings import actions
from rial.meetings.forms import (
    AnswerForm,
    ConclusionFormSet,
    DocumentFormSet,
    MandateLinkForm,
    MeetingFilterForm,
    MeetingForm,
    ParticipantFormSet,
    QuestionFormSet,
)
from rial.meetings.models import DelegationAnswer, GuidingQuestion, Meeting, MeetingDocument
from rial.meetings.services import evidence as evidence_services
from rial.meetings.services import meetings as meeting_services
from rial.meetings.services.evidence import evidence_of
from rial.meetings.services.meetings import answering_institutions


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.active().select_related("country")
    if not request.user.has_perm("meetings.change_meeting"):
        meetings = meetings.filter(is_published=True)
    filters = MeetingFilterForm(request.GET or None)
    if filters.is_valid():
        if filters.cleaned_data["kind"]:
            meetings = meetings.filter(kind=filters.cleaned_data["kind"])
        if filters.cleaned_data["year"]:
            meetings = meetings.filter(start_date__year=filters.cleaned_data["year"])
    page = Paginator(meetings.with_attendance().order_by("-start_date"), 50).get_page(request.GET.get("page"))
    return render(request, "meetings/meeting_list.html", {
        "page": page, "filters": filters, "can_add": request.user.has_perm("meetings.add_meeting"),
    })


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.active().select_related("country").prefetch_related("topics"), pk=pk)
    authorize_unpublished(request.user, "meetings.view_meeting", meeting)
    can_edit = request.user.has_perm("meetings.change_meeting", meeting)
    sees_answers = request.user.is_authenticated and bool(answering_institutions(request.user))
    questions = meeting.questions.all()
    if sees_answers:
        questions = questions.prefetch_related(
            Prefetch("answers", queryset=DelegationAnswer.objects.select_related("institution")))
    documents = meeting.documents.all() if can_edit else meeting.documents.filter(is_public=True)
    participants = meeting.participants.select_related("institution", "person")
    # Attendance and conclusions are facts of a meeting that has begun; before it, the participants are
    # only invited and any conclusion would be invented.
    held = meeting.start_date <= timezone.localdate()
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting,
        "held": held,
        "participants": participants,
        "attending": Meeting.objects.with_attendance().get(pk=meeting.pk),
        "questions": questions,
        "sees_answers": sees_answers,
        "documents": documents,
        "conclusions": meeting.conclusions.all() if held else [],
        "evidence": evidence_of(meeting, request.user),
        "link_form": MandateLinkForm(meeting=meeting) if can_edit else None,
        "can_edit": can_edit,
        "can_answer": request.user.has_perm("meetings.answer_question"),
        "can_see_history": request.user.has_perm("core.view_history"),
    })


def document_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    document = get_object_or_404(MeetingDocument.objects.select_related("meeting"), pk=pk)
    # A document not public, or of a meeting not published, does not exist for whoever may not see it.
    authorize_unpublished(request.user, "meetings.view_meeting", document.meeting)
    if not document.is_public:
        authorize_unpublished(request.user, "meetings.change_meeting", document.meeting)
    return file_response(document.file)


@login_required
def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.active(), pk=pk) if pk else Meeting()
    if pk:
        authorize_unpublished(request.user, "meetings.view_meeting", meeting)
    authorize(request.user, "meetings.change_meeting" if pk else "meetings.add_meeting", meeting if pk else None)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = MeetingForm(data, instance=meeting)
    formsets = {
        "participants": ParticipantFormSet(data, instance=meeting, prefix="participants"),
        "questions": QuestionFormSet(data, instance=meeting, prefix="questions"),
        "conclusions": ConclusionFormSet(data, instance=meeting, prefix="conclusions"),
        "documents": DocumentFormSet(data, files, instance=meeting, prefix="documents"),
    }
    if request.method == "POST" and form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
        # One transaction: the meeting and its parts are saved together or not at all.
        with transaction.atomic():
            meeting = form.save(commit=False)
            save_logged(meeting, user=request.user, action=actions.MEETING_SAVED)
            form.save_m2m()
            for formset in formsets.values():
                formset.instance = meeting
                formset.save()
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    return render(request, "meetings/meeting_edit.html", {"meeting": meeting, "form": form, "formsets": formsets})


@login_required
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(GuidingQuestion.objects.select_related("meeting"), pk=pk)
    authorize_unpublished(request.user, "meetings.view_meeting", question.meeting)
    authorize(request.user, "meetings.answer_question", question)
    institutions = answering_institutions(request.user)
    form = AnswerForm(request.POST or None, institutions=institutions)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_services.question_answer(question=question, institution=form.cleaned_data["institution"], user=request.user,
                            text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your delegation's answer was recorded."))
            return redirect(question.meeting)
    return render(request, "meetings/question_answer.html", {"question": question, "form": form})



@login_required
def meeting_link_mandate(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.active(), pk=pk)
    authorize_unpublished(request.user, "meetings.view_meeting", meeting)
    authorize(request.user, "meetings.change_meeting", meeting)
    if request.method != "POST":
        return redirect(meeting)
    form = MandateLinkForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            evidence_services.meeting_link_mandate(meeting=meeting, mandate=form.cleaned_data["mandate"],
                                 conclusion=form.cleaned_data["conclusion"], user=request.user)
        except ValidationError as error:
            add_service_message(request, error)
        else:
            messages.success(request, _("The mandate was linked to this meeting."))
    else:
        messages.error(request, _("Nothing was saved: choose a mandate of this meeting's conference cycle."))
    return redirect(meeting)
