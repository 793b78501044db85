from django.urls import path

from rial.agreements import views

app_name = "agreements"
urlpatterns = [
    path("agreements/", views.agreement_list, name="home"),
    path("agreements/coverage/", views.coverage_lookup, name="coverage"),
    path("agreements/export/", views.agreement_export, name="export"),
    path("agreements/matrix/", views.coverage_matrix, name="matrix"),
    path("agreements/import/", views.agreement_import, name="import"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="detail"),
]
