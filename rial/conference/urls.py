from django.urls import path

from rial.conference import views

app_name = "conference"
urlpatterns = [
    path("conference/", views.home, name="home"),
    path("conference/<int:number>/", views.conference_detail, name="conference"),
    path("conference/plans/<int:pk>/", views.plan_detail, name="plan"),
    path("conference/plans/<int:pk>/status/", views.plan_set_status, name="plan_status"),
    path("conference/groups/<int:pk>/", views.group_detail, name="group"),
    path("conference/mandates/<int:pk>/", views.mandate_detail, name="mandate"),
    path("conference/mandates/<int:pk>/edit/", views.mandate_edit, name="mandate_edit"),
    path("conference/mandates/<int:pk>/follow-up/", views.mandate_follow_up, name="mandate_follow_up"),
    path("conference/mandates/<int:pk>/reports/add/", views.mandate_report_add, name="mandate_report_add"),
    path("conference/mandates/<int:pk>/evidence/add/", views.mandate_evidence_add, name="mandate_evidence_add"),
    path("conference/documents/<int:pk>/file/", views.document_file, name="document_file"),
    path("conference/declarations/<int:pk>/", views.declaration_detail, name="declaration"),
    path("conference/declarations/<int:pk>/edit/", views.declaration_edit, name="declaration_edit"),
    path("conference/<int:number>/declarations/new/", views.declaration_create, name="declaration_create"),
    path("conference/import/", views.plan_upload, name="import"),
    path("conference/import/<int:pk>/", views.plan_import_status, name="import_status"),
    path("conference/import/save/", views.plan_import_save, name="import_save"),
]
