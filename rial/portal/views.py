from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control

from rial.accounts.roles import ROLE_LABELS, roles_for
from rial.core import derived
from rial.directory.profile import sections_for
from rial.portal import glance
from rial.portal.sections import home_context


def home_figures(today) -> dict:
    """Everything the home page shows but its map (about 25 queries)."""
    context = home_context()
    context.update({
        "figures": glance.headline_figures(today, context["fund"]),
        "cycle": glance.current_cycle(today),
        "open_calls": glance.open_calls(),
        "newsletter": glance.latest_newsletter(),
    })
    return context


def home(request: HttpRequest) -> HttpResponse:
    """The network at a glance: headline figures, the current cycle, what is open and coming, the map."""
    today = timezone.localdate()
    # The same for every reader on a given day and language (nothing on it depends on who reads it): kept until
    # the next committed write (core.derived), so a signed-in reader or the first visit after a change is the
    # only one that runs its queries.
    def context() -> dict:
        return {**derived.cached("home", lambda: home_figures(today), today.isoformat()),
                "cooperation_map": glance.drawn("cooperation", "home-map", today)}

    # Drawing it is most of the page's work (eight sections, fifty links): drawn once and kept like its figures.
    # The figures and the map are read only when the body is drawn again: unpickling them from the cache (the map
    # with its shapes, 0.5 MB) cost more than the rest of a kept page.
    return render(request, "portal/home.html", {
        "body": derived.fragment("home-body", "portal/includes/home_body.html", context, today.isoformat())})


def network(request: HttpRequest) -> HttpResponse:
    """The network on three maps: cooperation between ministries, agreements in force, the fund's contributors."""
    today = timezone.localdate()
    maps = [(kind, glance.drawn(kind, kind, today)) for kind in ("cooperation", "agreements", "fund")]
    return render(request, "portal/network.html", {"maps": maps})


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement: the standard the platform meets, how it is checked, how to report a barrier."""
    return render(request, "portal/accessibility.html", {"contact": settings.CONTACT_EMAIL})


@cache_control(max_age=86400, public=True)
def robots(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", "Disallow: /accounts/",
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@login_required
def desk(request: HttpRequest) -> HttpResponse:
    """Where a signed-in person's work waits: each app lists what asks them to act (rial/core/desk.py).

    What an app finds in tables whose every write replaces the generation token (``public_desk_section``:
    mandates, programs, proposals, documents, consultations, registrations) is kept for this person, day and
    language until the next committed write, as the public pages' parts are; what a person changes by reading,
    in private tables (``desk_section``: their unread notifications, the threads they follow), is read on every
    visit."""
    user = request.user
    roles = roles_for(user)
    kept = derived.for_person_today("desk", lambda: sections_for("public_desk_section", user), user)
    return render(request, "portal/desk.html", {
        "sections": sorted(kept + sections_for("desk_section", user), key=lambda item: item.get("order", 100)),
        "role_labels": [ROLE_LABELS[name] for name in roles.names],
    })
