from django.shortcuts import render

from rial.portal.sections import home_context


def home(request):
    """The network at a glance: what the platform offers, and the latest from each area."""
    return render(request, "portal/home.html", home_context())
