from django.urls import path

from rial.library import views

app_name = "library"
urlpatterns = [
    path("library/", views.document_list, name="list"),
    path("library/review/", views.review_queue, name="review_queue"),
    path("library/new/", views.document_edit, name="create"),
    path("library/<int:pk>/", views.document_detail, name="detail"),
    path("library/<int:pk>/edit/", views.document_edit, name="edit"),
    path("library/<int:pk>/files/", views.file_upload, name="upload"),
    path("library/<int:pk>/publish/", views.document_publish, name="publish"),
    path("library/<int:pk>/submit/", views.document_submit, name="submit"),
    path("library/<int:pk>/return/", views.document_return, name="return"),
    path("library/<int:pk>/unpublish/", views.document_unpublish, name="unpublish"),
    path("library/files/<int:pk>/download/", views.file_download, name="download"),
]
