from django.urls import path

from rial.cooperation import views
from rial.cooperation.feeds import ResultsFeed

app_name = "cooperation"
urlpatterns = [
    path("cooperation/", views.home, name="home"),
    path("cooperation/calls/new/", views.call_create, name="call_create"),
    path("cooperation/calls/<int:number>/", views.call_detail, name="call"),
    path("cooperation/calls/<int:number>/edit/", views.call_edit, name="call_edit"),
    path("cooperation/calls/<int:number>/guidelines/", views.call_guidelines, name="call_guidelines"),
    path("cooperation/calls/<int:number>/state/<str:state>/", views.call_transition, name="call_transition"),
    path("cooperation/calls/<int:number>/propose/", views.proposal_create, name="proposal_create"),
    path("cooperation/calls/<int:number>/evaluation/", views.evaluation_list, name="evaluation"),
    path("cooperation/calls/<int:number>/selection/", views.selection, name="selection"),
    path("cooperation/proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("cooperation/proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("cooperation/proposals/<int:pk>/submit/", views.proposal_submit, name="proposal_submit"),
    path("cooperation/proposals/<int:pk>/confirm/", views.proposal_confirm, name="proposal_confirm"),
    path("cooperation/proposals/<int:pk>/score/", views.evaluation_score, name="score"),
    path("cooperation/activities/", views.activity_list, name="activities"),
    path("cooperation/activities/<int:pk>/", views.activity_detail, name="activity"),
    path("cooperation/activities/<int:pk>/execution/", views.activity_execute, name="execute"),
    path("cooperation/activities/<int:pk>/expense/", views.activity_expense, name="expense"),
    path("cooperation/activities/<int:pk>/complete/", views.activity_complete, name="complete"),
    path("cooperation/activities/<int:pk>/report/", views.activity_report, name="report"),
    path("cooperation/activities/<int:pk>/outcome/", views.activity_outcome, name="outcome"),
    path("cooperation/activities/<int:pk>/participants/", views.activity_participant, name="participant_add"),
    path("cooperation/participants/<int:pk>/questionnaire/", views.questionnaire, name="questionnaire"),
    path("cooperation/participants/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path("cooperation/impact/", views.impact, name="impact"),
    path("cooperation/partners/", views.partners, name="partners"),
    path("cooperation/network/", views.network, name="network"),
    path("cooperation/activities.csv", views.export_activities, {"fmt": "csv"}, name="export_csv"),
    path("cooperation/activities.xlsx", views.export_activities, {"fmt": "xlsx"}, name="export_xlsx"),
    path("cooperation/iati.xml", views.iati_xml, name="iati"),
    path("cooperation/results.atom", ResultsFeed(), name="results_feed"),
]
