from django.shortcuts import render

from rial.directory.models import Country, Institution


def home(request):
    """The network at a glance."""
    return render(request, "portal/home.html", {
        "member_state_count": Country.objects.filter(kind=Country.Kind.MEMBER_STATE).count(),
        "ministry_count": Institution.objects.active().ministries().count(),
        "partner_count": Institution.objects.active().filter(kind=Institution.Kind.PARTNER).count(),
    })
