from django.urls import path

from rial.agreements import proposal_views, views

app_name = "agreements"
urlpatterns = [
    path("agreements/", views.agreement_list, name="home"),
    path("agreements/coverage/", views.coverage_lookup, name="coverage"),
    path("agreements/export/", views.agreement_export, name="export"),
    path("agreements/matrix/", views.coverage_matrix, name="matrix"),
    path("agreements/import/", views.agreement_import, name="import"),
    path("agreements/country/<str:iso2>/", views.country_agreements, name="country"),
    path("agreements/proposals/", proposal_views.proposal_list, name="proposals"),
    path("agreements/proposals/new/", proposal_views.proposal_new, name="proposal_new"),
    path("agreements/proposals/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("agreements/proposals/<int:pk>/<str:action>/", proposal_views.proposal_move, name="proposal_move"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="detail"),
]
