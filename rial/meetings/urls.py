from django.urls import path

from rial.meetings.views import calendar, consultations, meetings, reports

app_name = "meetings"
urlpatterns = [
    path("meetings/", meetings.meeting_list, name="list"),
    path("meetings/add/", meetings.meeting_edit, name="add"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("meetings/<int:pk>/mandates/", meetings.meeting_link_mandate_view, name="link_mandate"),
    path("meetings/documents/<int:pk>/", meetings.document_download, name="document"),
    path("meetings/questions/<int:pk>/answer/", meetings.question_answer_view, name="answer"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar.ics", calendar.calendar_ics, name="ical"),
    path("work-plans/", calendar.workplan_list, name="workplans"),
    path("work-plans/add/", calendar.workplan_add, name="workplan_add"),
    path("work-plans/<int:pk>/", calendar.workplan_detail, name="workplan"),
    path("work-plans/<int:pk>/revise/", calendar.workplan_revise_view, name="workplan_revise"),
    path("work-plans/<int:pk>/activities/add/", calendar.activity_edit, name="activity_add"),
    path("work-plans/<int:pk>/activities/<int:activity_pk>/", calendar.activity_edit, name="activity_edit"),
    path("consultations/", consultations.consultation_list, name="consultations"),
    path("consultations/add/", consultations.consultation_add, name="consultation_add"),
    path("consultations/<int:pk>/", consultations.consultation_detail, name="consultation"),
    path("consultations/<int:pk>/close/", consultations.consultation_close_view, name="consultation_close"),
    path("consultations/<int:pk>/document/", consultations.consultation_document, name="consultation_document"),
    path("working-group-reports/", reports.report_list, name="reports"),
    path("working-group-reports/add/", reports.report_add, name="report_add"),
    path("working-group-reports/<int:pk>/", reports.report_detail, name="report"),
    path("working-group-reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("working-group-reports/<int:pk>/regenerate/", reports.report_regenerate_view, name="report_regenerate"),
    path("working-group-reports/<int:pk>/carry/", reports.report_carry_view, name="report_carry"),
    path("working-group-reports/<int:pk>/report.docx", reports.report_docx_view, name="report_docx"),
    path("working-group-reports/<int:pk>/report.pdf", reports.report_pdf_view, name="report_pdf"),
]
