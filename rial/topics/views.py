from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from rial.directory.profile import sections_for
from rial.topics.models import Topic


def topic_list(request: HttpRequest) -> HttpResponse:
    areas = Topic.objects.areas().prefetch_related("children")
    return render(request, "topics/topic_list.html", {"areas": areas})


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic.objects.select_related("parent"), slug=slug)
    return render(request, "topics/topic_detail.html", {
        "topic": topic,
        "children": topic.children.all(),
        "sections": topic_sections(topic),
    })


def topic_sections(topic: Topic) -> list[dict]:
    """What other apps know about this topic (mandates over time, programs, documents…)."""
    return sections_for("topic_section", topic)
