from django.urls import path

from rial.directory import views

app_name = "directory"
urlpatterns = [
    path("countries/", views.country_list, name="countries"),
    path("countries/<str:iso2>/", views.country_detail, name="country"),
    path("institutions/", views.institution_list, name="institutions"),
    path("institutions/<slug:slug>/", views.institution_detail, name="institution"),
    path("institutions/<slug:slug>/edit/", views.institution_edit, name="institution_edit"),
    path("institutions/<slug:slug>/focal-points/", views.institution_focal_points, name="focal_points"),
    path("institutions/<slug:slug>/focal-points/<int:pk>/end/", views.focal_point_end, name="focal_point_end"),
]
