from django.urls import path

from rial.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/<int:pk>/", views.event_detail, name="detail"),
    path("events/<int:pk>/register/", views.register, name="register"),
    path("events/<int:pk>/delegation/", views.register_delegation, name="delegation"),
    path("events/<int:pk>/manage/", views.manage, name="manage"),
    path("events/registrations/<int:pk>/", views.registration_detail, name="registration"),
    path("events/registrations/<int:pk>/cancel/", views.registration_cancel, name="cancel"),
    path("events/registrations/<int:pk>/confirm/", views.registration_confirm, name="confirm"),
    path("events/registrations/<int:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("events/registrations/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path("events/certificates/", views.verify, name="verify_form"),
    path("events/certificates/<str:code>/", views.verify, name="verify"),
]
