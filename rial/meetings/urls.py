from django.urls import path

from rial.meetings.views import meetings

app_name = "meetings"
urlpatterns = [
    path("meetings/", meetings.meeting_list, name="list"),
    path("meetings/add/", meetings.meeting_edit, name="add"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("meetings/<int:pk>/mandates/", meetings.meeting_link_mandate_view, name="link_mandate"),
    path("meetings/documents/<int:pk>/", meetings.document_download, name="document"),
    path("meetings/questions/<int:pk>/answer/", meetings.question_answer_view, name="answer"),
]
