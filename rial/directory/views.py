from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.core import derived
from rial.core.forms import add_service_error, add_service_message
from rial.core.permissions import authorize
from rial.directory import services
from rial.directory.forms import DesignationForm, InstitutionContactForm
from rial.directory.models import Country, FocalPointDesignation, Institution, Position
from rial.directory.profile import sections_for
from rial.directory.services import focal_point_designate, institution_update_contact


def country_list(request: HttpRequest) -> HttpResponse:
    countries = Country.objects.annotate(
        ministry_count=Count("institutions", filter=Q(institutions__kind=Institution.Kind.MINISTRY))
    ).order_by("kind", "name")
    return render(request, "directory/country_list.html", {
        "member_states": [c for c in countries if c.kind == Country.Kind.MEMBER_STATE],
        "others": [c for c in countries if c.kind != Country.Kind.MEMBER_STATE],
    })


def country_sections(country: Country) -> list[dict]:
    """What the other apps show about the country (``country_section``), each section drawn: its title and html.
    A section depends on the country alone (its templates read nothing but ``section``), never on the reader."""
    return [{"title": section["title"], "html": render_to_string(section["template"], {"section": section["context"]})}
            for section in sections_for("country_section", country)]


def country_detail(request: HttpRequest, iso2: str) -> HttpResponse:
    country = get_object_or_404(Country, iso2=iso2.upper())

    def body() -> dict:
        institutions = (
            country.institutions.active()
            .prefetch_related(
                "names",
                Prefetch("focal_points", queryset=FocalPointDesignation.objects.current().select_related("person"),
                         to_attr="current_focal_points"),
            )
            .order_by("kind", "name")
        )
        return {"country": country, "institutions": institutions, "sections": country_sections(country)}

    # About twenty queries and every activity, meeting and agreement of the country drawn: the same for every
    # reader in a language on a given day, so drawn once and kept until the next committed write (core.derived).
    return render(request, "directory/country_detail.html", {
        "country": country,
        "body": derived.fragment("country-body", "directory/includes/country_body.html", body, country.iso2,
                                 timezone.localdate().isoformat()),
    })


def institution_list(request: HttpRequest) -> HttpResponse:
    institutions = Institution.objects.active().exclude(kind=Institution.Kind.MINISTRY).order_by("kind", "name")
    return render(request, "directory/institution_list.html", {"institutions": institutions})


def institution_detail(request: HttpRequest, slug: str) -> HttpResponse:
    institution = get_object_or_404(Institution.objects.active().select_related("country"), slug=slug)
    focal_points = FocalPointDesignation.objects.current().filter(institution=institution).select_related("person")
    positions = Position.objects.current().filter(institution=institution).select_related("person")
    return render(request, "directory/institution_detail.html", {
        "institution": institution,
        # The name in use first (no end date), then former names, latest first.
        "names": institution.names.order_by(F("valid_until").desc(nulls_first=True),
                                            F("valid_from").desc(nulls_last=True)),
        "focal_points": focal_points,
        "positions": positions,
        "can_edit": request.user.has_perm("directory.change_institution", institution),
        "can_designate": request.user.has_perm("directory.add_focalpointdesignation", institution),
        "can_see_history": request.user.has_perm("core.view_history"),
    })


@login_required
def institution_edit(request: HttpRequest, slug: str) -> HttpResponse:
    institution = get_object_or_404(Institution.objects.active(), slug=slug)
    authorize(request.user, "directory.change_institution", institution)
    form = InstitutionContactForm(request.POST or None, instance=institution)
    if request.method == "POST":
        if form.is_valid():
            institution_update_contact(institution=institution, user=request.user,
                                       data={name: form.cleaned_data[name] for name in form.fields})
            messages.success(request, _("The contact details were saved."))
            return redirect(institution)
        # A ModelForm writes cleaned values onto the instance; throw them away, nothing is saved.
        institution.refresh_from_db()
    return render(request, "directory/institution_edit.html", {"institution": institution, "form": form})


@login_required
def institution_focal_points(request: HttpRequest, slug: str) -> HttpResponse:
    """The focal points of an institution: designate a colleague, end a designation."""
    institution = get_object_or_404(Institution.objects.active(), slug=slug)
    authorize(request.user, "directory.add_focalpointdesignation", institution)
    form = DesignationForm(request.POST or None, institution=institution)
    if request.method == "POST" and form.is_valid():
        try:
            focal_point_designate(institution=institution, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("%(name)s is now a focal point of %(institution)s.") % {
                "name": form.cleaned_data["person"].full_name, "institution": institution.name})
            return redirect("directory:focal_points", slug=slug)
    designations = (FocalPointDesignation.objects.current().filter(institution=institution)
                    .select_related("person", "designated_by").order_by("person__full_name"))
    return render(request, "directory/focal_points.html", {
        "institution": institution, "form": form, "designations": designations,
    })


@login_required
@require_POST
def focal_point_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    designation = get_object_or_404(FocalPointDesignation.objects.select_related("person"), pk=pk,
                                    institution__slug=slug)
    authorize(request.user, "directory.change_focalpointdesignation", designation)
    try:
        services.focal_point_end(designation=designation, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("%(name)s is no longer a focal point.") % {"name": designation.person.full_name})
    return redirect("directory:focal_points", slug=slug)
