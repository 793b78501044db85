from django.urls import path

from rial.forums import views

app_name = "forums"
urlpatterns = [
    path("forum/", views.forum_list, name="list"),
    path("forum/threads/<int:pk>/", views.thread_detail, name="thread"),
    path("forum/threads/<int:pk>/reply/", views.reply, name="reply"),
    path("forum/threads/<int:pk>/follow/", views.thread_follow, name="thread_follow"),
    path("forum/threads/<int:pk>/read/", views.thread_mark_read, name="thread_read"),
    path("forum/threads/<int:pk>/moderate/", views.thread_moderate, name="thread_moderate"),
    path("forum/posts/<int:pk>/moderate/", views.post_moderate, name="post_moderate"),
    path("forum/<slug:slug>/", views.forum_detail, name="forum"),
    path("forum/<slug:slug>/new/", views.thread_add, name="thread_add"),
    path("forum/<slug:slug>/follow/", views.forum_follow, name="forum_follow"),
]
