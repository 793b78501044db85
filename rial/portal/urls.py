from django.urls import path

from rial.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("desk/", views.desk, name="desk"),
    path("network/", views.network, name="network"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
