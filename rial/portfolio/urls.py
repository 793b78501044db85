from django.urls import path

from rial.portfolio import views

app_name = "portfolio"
urlpatterns = [
    path("programs/", views.program_list, name="list"),
    path("programs/new/", views.program_create, name="create"),
    path("programs/mine/", views.my_programs, name="mine"),
    path("programs/review/", views.review_queue, name="review_queue"),
    path("programs/compare/", views.compare, name="compare"),
    path("programs/import/", views.program_import, name="import"),
    path("programs/export.<str:fmt>", views.program_export, name="export"),
    path("programs/collections/<slug:slug>/", views.collection_detail, name="collection"),
    path("programs/<int:pk>/", views.program_detail, name="detail"),
    path("programs/revisions/<int:pk>/", views.revision_detail, name="revision"),
    path("programs/<int:pk>/edit/", views.program_edit, name="edit"),
    path("programs/<int:pk>/submit/", views.program_submit, name="submit"),
    path("programs/<int:pk>/publish/", views.program_publish, name="publish"),
    path("programs/<int:pk>/return/", views.program_return, name="return"),
    path("programs/<int:pk>/confirm-review/", views.program_confirm_review, name="confirm_review"),
]
