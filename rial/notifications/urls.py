from django.urls import path

from rial.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/read/", views.notification_read, name="read"),
    path("notifications/settings/", views.notification_settings, name="settings"),
]
