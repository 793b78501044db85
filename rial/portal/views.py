from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from rial.accounts.roles import ROLE_LABELS, roles_for
from rial.directory.profile import sections_for
from rial.portal.sections import home_context


def home(request):
    """The network at a glance: what the platform offers, and the latest from each area."""
    return render(request, "portal/home.html", home_context())


@login_required
def desk(request):
    """Where a signed-in person's work waits: each app lists what asks them to act (``desk_section``)."""
    roles = roles_for(request.user)
    return render(request, "portal/desk.html", {
        "sections": sections_for("desk_section", request.user),
        "role_labels": [ROLE_LABELS[name] for name in roles.names],
    })
