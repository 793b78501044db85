"""What the portfolio adds to country and topic pages and to a person's desk (see rial/directory/profile.py)."""

from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.desk import desk_list, section
from rial.portfolio.models import Program

LIMIT = 10


def _section(programs, more_query: str) -> dict | None:
    programs = list(programs.select_related("ministry__country").order_by("name", "pk")[:LIMIT])
    if not programs:
        return None
    return {"title": _("Programs"), "template": "portfolio/includes/section.html", "order": 30,
            "context": {"programs": programs, "more_query": more_query}}


def country_section(country):
    return _section(Program.objects.published().filter(ministry__country=country, collection__isnull=True),
                    f"country={country.iso2}")


def topic_section(topic):
    programs = Program.objects.published().filter(collection__isnull=True).filter(
        pk__in=Program.objects.filter(Q(topics=topic) | Q(topics__parent=topic)).values("pk"))
    return _section(programs, f"topic={topic.slug}")


def public_desk_section(user) -> dict | None:
    """The Secretariat: programs to review and published programs not reviewed for twelve months; a
    focal point: their ministry's drafts and what the Secretariat returned (one query per list)."""
    roles = roles_for(user)
    programs = Program.objects.active().select_related("ministry__country", "revision_of")

    def item(program: Program) -> dict:
        url = reverse("portfolio:revision", args=[program.pk]) if program.revision_of_id else program.get_absolute_url()
        return {"label": program.name, "url": url, "meta": str(program.ministry), "demo": program.is_demo}

    def stale(program: Program) -> dict:
        return {**item(program), "overdue": True, "meta": _("last reviewed %(date)s") % {
            "date": date_format(program.last_reviewed_at) if program.last_reviewed_at else _("never")}}

    lists = []
    if roles.is_secretariat:
        queue = reverse("portfolio:review_queue")
        lists += [
            desk_list(_("Programs to review"), programs.filter(status=Program.Status.SUBMITTED).order_by("pk"), item,
                      more_url=queue, more_label=_("The review queue")),
            desk_list(_("Programs not reviewed for twelve months"),
                      Program.objects.due_for_review().select_related("ministry__country")
                      .order_by(F("last_reviewed_at").asc(nulls_first=True), "pk"), stale,
                      more_url=queue, more_label=_("The review queue")),
        ]
    if roles.focal_point_for:
        mine = programs.filter(ministry__in=roles.focal_point_for).order_by("-pk")
        lists += [
            desk_list(_("Returned to your ministry with comments"), mine.filter(status=Program.Status.RETURNED), item,
                      more_url=reverse("portfolio:mine"), more_label=_("Your ministry's programs")),
            desk_list(_("Drafts of your ministry"), mine.filter(status=Program.Status.DRAFT), item,
                      more_url=reverse("portfolio:mine"), more_label=_("Your ministry's programs")),
        ]
    return section(_("Programs"), lists, order=10)
