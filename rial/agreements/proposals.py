"""Focal points propose corrections and missing agreements for their country; the Secretariat reviews them.

A proposal is submitted with its source. The Secretariat accepts it (a missing agreement is then added
to the records, verified against that source), returns it for more information (the focal point submits
it again) or rejects it with a reason; the focal point may withdraw it while it is open. Each move is one
named function that checks permission and state through ``PROPOSAL`` (rial/core/workflow.py), runs in one
transaction, records a ``ProposalTransition`` and tells the other side through ``notify``.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rial.accounts.roles import roles_for
from rial.agreements import actions
from rial.agreements.models import Agreement, AgreementParty, Proposal, ProposalTransition, Status
from rial.core.audit import save_logged
from rial.core.workflow import Move, Workflow
from rial.directory.models import Country, Institution
from rial.directory.recipients import people_of, recipient_for_user
from rial.notifications.services import notify

logger = logging.getLogger("rial.agreements")

S = Proposal.State
PROPOSAL = Workflow(field="state", states=S, moves={
    "resubmit": Move({S.RETURNED}, S.SUBMITTED, gettext_lazy("submit again"), "agreements.resubmit_proposal"),
    "accept": Move({S.SUBMITTED}, S.ACCEPTED, gettext_lazy("accept"), "agreements.review_proposal"),
    "return": Move({S.SUBMITTED}, S.RETURNED, gettext_lazy("return for more information"),
                   "agreements.review_proposal"),
    "reject": Move({S.SUBMITTED}, S.REJECTED, gettext_lazy("reject"), "agreements.review_proposal"),
    "withdraw": Move({S.SUBMITTED, S.RETURNED}, S.WITHDRAWN, gettext_lazy("withdraw"),
                     "agreements.withdraw_proposal"),
})

DECISION_ACTIONS = {"accept": actions.PROPOSAL_ACCEPTED, "return": actions.PROPOSAL_RETURNED,
                    "reject": actions.PROPOSAL_REJECTED}

# The day the reference data (data/agreements.csv) was last checked against its sources.
REFERENCE_REVIEWED = datetime.date(2026, 12, 6)


def records_reviewed() -> datetime.date:
    """The last day the records were reviewed: the reference check or the Secretariat's latest decision."""
    latest = Proposal.objects.filter(state__in=[S.ACCEPTED, S.REJECTED]).aggregate(latest=Max("decided_at"))["latest"]
    if latest is None:
        return REFERENCE_REVIEWED
    return max(REFERENCE_REVIEWED, timezone.localdate(latest))


def proposer_ministry(user, country: Country) -> Institution | None:
    """The ministry of ``country`` for which ``user`` is a focal point, if any."""
    return (Institution.objects.filter(pk__in=roles_for(user).focal_point_for, country=country)
            .order_by("pk").first())


def _record(proposal: Proposal, *, action: str, previous: str, user, comment: str = "") -> None:
    ProposalTransition.objects.create(proposal=proposal, action=action, from_state=previous,
                                      to_state=proposal.state, user=user, comment=comment)


def _tell_secretariat(proposal: Proposal, event: str) -> None:
    secretariat = Institution.objects.filter(kind=Institution.Kind.SECRETARIAT).values_list("pk", flat=True)
    notify(kind="agreements.proposal.submitted", key=f"agreements.proposal.{event}:{proposal.pk}",
           recipients=people_of(list(secretariat)), template="agreements/email/proposal_submitted",
           context={"proposal": proposal}, target=proposal)


def _tell_proposer(proposal: Proposal, event: str) -> None:
    recipient = recipient_for_user(proposal.proposed_by)
    if recipient is not None:
        notify(kind="agreements.proposal.decided", key=f"agreements.proposal.{event}:{proposal.pk}",
               recipients=[recipient], template="agreements/email/proposal_decided",
               context={"proposal": proposal}, target=proposal)


def _clean_text(value: str, field: str, message: str, errors: dict) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = message
    return value


def proposal_create(*, user, kind: str, country: Country, description: str, source: str, source_url: str = "",
                    agreement: Agreement | None = None, partner: Country | None = None, title: str = "",
                    signed: datetime.date | None = None, in_force: datetime.date | None = None) -> Proposal:
    """A focal point proposes a correction to an agreement of their country, or an agreement missing from it."""
    if not user.has_perm("agreements.propose_change"):
        raise PermissionDenied("agreements.propose_change")
    ministry = proposer_ministry(user, country)
    if ministry is None:
        raise PermissionDenied(_("You are not a focal point for %(country)s.") % {"country": country.name})
    errors: dict = {}
    description = _clean_text(description, "description", _("Say what should change, or what the agreement covers."), errors)
    source = _clean_text(source, "source", _("Name the source where a reader can check it."), errors)
    if kind == Proposal.Kind.CORRECTION:
        if agreement is None:
            errors["agreement"] = _("Choose the agreement to correct.")
        elif not agreement.parties.filter(country=country).exists():
            errors["agreement"] = _("%(country)s is not a party to this agreement.") % {"country": country.name}
        partner, title, signed, in_force = None, "", None, None
    elif kind == Proposal.Kind.NEW:
        agreement = None
        if partner is None:
            errors["partner"] = _("Choose the other country of the agreement.")
        elif partner == country:
            errors["partner"] = _("Choose two different countries.")
        if signed and in_force and in_force < signed:
            errors["in_force"] = _("The entry into force cannot precede the signature.")
    else:
        errors["kind"] = _("Choose the kind of proposal.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        proposal = Proposal(kind=kind, country=country, institution=ministry, agreement=agreement, partner=partner,
                            title=(title or "").strip(), signed=signed, in_force=in_force, description=description,
                            source=source, source_url=(source_url or "").strip(), proposed_by=user)
        proposal.full_clean()
        save_logged(proposal, user=user, action=actions.PROPOSAL_SUBMITTED)
        _record(proposal, action="submit", previous="", user=user)
        _tell_secretariat(proposal, "submitted")
    logger.info("agreement proposal %s submitted by %s", proposal.pk, user)
    return proposal


def proposal_resubmit(*, proposal: Proposal, user, description: str, source: str, source_url: str = "") -> Proposal:
    """The focal point answers the Secretariat's questions and submits the proposal again."""
    errors: dict = {}
    description = _clean_text(description, "description", _("Say what should change, or what the agreement covers."), errors)
    source = _clean_text(source, "source", _("Name the source where a reader can check it."), errors)
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        previous = PROPOSAL.move(proposal, "resubmit", user=user)
        if errors:
            raise ValidationError(errors)
        proposal.description, proposal.source, proposal.source_url = description, source, (source_url or "").strip()
        proposal.full_clean()
        save_logged(proposal, user=user, action=actions.PROPOSAL_RESUBMITTED)
        _record(proposal, action="resubmit", previous=previous, user=user)
        count = proposal.transitions.count()
        _tell_secretariat(proposal, f"resubmitted.{count}")
    return proposal


def _decide(proposal: Proposal, *, user, action: str, comment: str = "", comment_required: bool = False) -> Proposal:
    comment = (comment or "").strip()
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        previous = PROPOSAL.move(proposal, action, user=user)
        if comment_required and not comment:
            raise ValidationError({"comment": _("Say why: the focal point will read it.")})
        proposal.review_comment = comment
        if action in ("accept", "reject"):
            proposal.decided_at = timezone.now()
        if action == "accept" and proposal.kind == Proposal.Kind.NEW:
            proposal.agreement = _add_agreement(proposal, user=user)
        save_logged(proposal, user=user, action=DECISION_ACTIONS[action])
        _record(proposal, action=action, previous=previous, user=user, comment=comment)
        _tell_proposer(proposal, f"{action}.{proposal.transitions.count()}")
    logger.info("agreement proposal %s: %s by %s", proposal.pk, action, user)
    return proposal


def proposal_accept(*, proposal: Proposal, user, comment: str = "") -> Proposal:
    return _decide(proposal, user=user, action="accept", comment=comment)


def proposal_return(*, proposal: Proposal, user, comment: str) -> Proposal:
    return _decide(proposal, user=user, action="return", comment=comment, comment_required=True)


def proposal_reject(*, proposal: Proposal, user, comment: str) -> Proposal:
    return _decide(proposal, user=user, action="reject", comment=comment, comment_required=True)


def proposal_withdraw(*, proposal: Proposal, user) -> Proposal:
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        previous = PROPOSAL.move(proposal, "withdraw", user=user)
        save_logged(proposal, user=user, action=actions.PROPOSAL_WITHDRAWN)
        _record(proposal, action="withdraw", previous=previous, user=user)
    return proposal


def _add_agreement(proposal: Proposal, *, user) -> Agreement:
    """The missing agreement, added as the source the Secretariat checked says: bilateral, verified."""
    first, second = proposal.country, proposal.partner
    base = slugify(f"{first.iso2}-{second.iso2}")
    slug, number = base, 1
    while Agreement.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    status = Status.IN_FORCE if proposal.in_force else Status.SIGNED
    source = proposal.source if not proposal.source_url else f"{proposal.source} ({proposal.source_url})"
    agreement = Agreement(
        slug=slug, kind=Agreement.Kind.BILATERAL, status=status, signed=proposal.signed, in_force=proposal.in_force,
        title_en=proposal.title or f"{first.name_en} – {second.name_en}",
        title_es=f"{first.name_es} – {second.name_es}", title_pt=f"{first.name_pt} – {second.name_pt}",
        title_fr=f"{first.name_fr} – {second.name_fr}",
        source=source[:300], verified=True, notes=proposal.description,
    )
    agreement.full_clean()
    save_logged(agreement, user=user, action=actions.AGREEMENT_PROPOSAL_ACCEPTED)
    for country in (first, second):
        AgreementParty.objects.create(agreement=agreement, country=country, status=status,
                                      source=agreement.source, verified=True)
    return agreement


def report_missing_url() -> str:
    """Where someone who knows of a missing agreement tells the Secretariat."""
    return reverse("agreements:proposal_new")
