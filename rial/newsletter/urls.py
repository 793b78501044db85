from django.urls import path

from rial.newsletter.feeds import IssuesFeed
from rial.newsletter.views import editor, public

app_name = "newsletter"
urlpatterns = [
    path("newsletter/", public.archive, name="archive"),
    path("newsletter/feed.xml", IssuesFeed(), name="feed"),
    path("newsletter/subscribe/", public.subscribe, name="subscribe"),
    path("newsletter/confirm/<str:token>/", public.confirm, name="confirm"),
    path("newsletter/unsubscribe/<int:subscriber>/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("newsletter/<int:number>/", public.issue_detail, name="issue"),
    # The Secretariat's pages.
    path("newsletter/manage/", editor.manage, name="manage"),
    path("newsletter/new/", editor.issue_edit, name="create"),
    path("newsletter/<int:number>/edit/", editor.issue_edit, name="edit"),
    path("newsletter/<int:number>/compose/", editor.compose, name="compose"),
    path("newsletter/<int:number>/items/add/", editor.item_add, name="item_add"),
    path("newsletter/<int:number>/items/new/", editor.item_edit, name="item_new"),
    path("newsletter/items/<int:pk>/edit/", editor.item_edit, name="item_edit"),
    path("newsletter/items/<int:pk>/move/", editor.item_move, name="item_move"),
    path("newsletter/items/<int:pk>/remove/", editor.item_remove, name="item_remove"),
    path("newsletter/<int:number>/preview/<str:language>/", editor.preview, name="preview"),
    path("newsletter/<int:number>/preview/<str:language>/text/", editor.preview_text, name="preview_text"),
    path("newsletter/<int:number>/send/", editor.send, name="send"),
    path("newsletter/<int:number>/test/", editor.send_test, name="test"),
    path("newsletter/<int:number>/progress/", editor.progress, name="progress"),
    path("newsletter/<int:number>/resume/", editor.resume, name="resume"),
    path("newsletter/<int:number>/resend-interrupted/", editor.resend_interrupted, name="resend"),
]
