from django.urls import path

from rial.core import views

app_name = "core"
urlpatterns = [
    path("history/<str:app_label>/<str:model_name>/<int:pk>/", views.record_history, name="history"),
    path("history/<str:app_label>/<str:model_name>/<int:pk>/restore/<int:history_id>/",
         views.restore_version, name="restore"),
]
