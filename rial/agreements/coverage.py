"""Which agreements let a worker's periods in country A and country B be added up, and since when.

One function, :func:`coverage`, answers for the page and the API alike. A bilateral agreement applies
between its two parties from its entry into force. A multilateral one applies between two of its
parties only from the later of the two dates on which each applies it (its effective application, or
else its ratification or deposit, never before the agreement's entry into force), and only while
both are in. ``certain`` is false wherever a date or status that leads to the answer is unconfirmed.

:func:`pair_table` computes the same for every pair of countries at once (the matrix and the map),
from one query.
"""

import datetime
from dataclasses import dataclass, field
from itertools import combinations

from django.utils.translation import gettext as _

from rial.agreements.models import Agreement, AgreementParty, Status


@dataclass(frozen=True)
class PartyStart:
    since: datetime.date | None   # None: this party does not apply the agreement (yet)
    until: datetime.date | None
    certain: bool


@dataclass(frozen=True)
class Finding:
    agreement: Agreement
    applies: bool
    since: datetime.date | None
    certain: bool
    reason: str = ""              # why it does not apply (alternatives only)

    def as_json(self) -> dict:
        agreement = self.agreement
        data = {
            "title": agreement.title,
            "slug": agreement.slug,
            "kind": agreement.kind,
            "status": agreement.status,
            "since": self.since.isoformat() if self.since else None,
            "branches": agreement.branches,
            "totalization": agreement.totalization,
            "certain": self.certain,
            "source": agreement.source,
            "verified": agreement.verified,
        }
        if not self.applies:
            data["reason"] = self.reason
        return data


@dataclass
class Coverage:
    a: str
    b: str
    on: datetime.date
    agreements: list[Finding] = field(default_factory=list)
    alternatives: list[Finding] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.agreements)

    @property
    def totalization(self) -> bool:
        return any(finding.agreement.totalization for finding in self.agreements)

    def as_json(self) -> dict:
        return {
            "a": self.a, "b": self.b, "on": self.on.isoformat(), "covered": self.covered,
            "agreements": [finding.as_json() for finding in self.agreements],
            "alternatives": [finding.as_json() for finding in self.alternatives],
        }


def party_start(agreement: Agreement, party: AgreementParty) -> PartyStart:
    """From when (and until when) ``party`` applies ``agreement``, and whether that is confirmed."""
    until = min((d for d in (agreement.ended, party.ended) if d), default=None)
    if agreement.in_force is None or agreement.status == Status.SIGNED or party.status == Status.SIGNED:
        return PartyStart(None, until, agreement.status_certain and party.status_certain)
    certain = agreement.in_force_certain and agreement.status_certain and party.status_certain
    if agreement.kind != Agreement.Kind.MULTILATERAL:
        return PartyStart(agreement.in_force, until, certain)
    own = party.effective or party.ratified or party.deposited
    if own is not None:
        certain = certain and party.dates_certain
        # A ratification before the entry into force takes effect with it.
        return PartyStart(max(own, agreement.in_force), until, certain)
    return PartyStart(agreement.in_force, until, certain)


def country_rows(parties: list[AgreementParty], today: datetime.date) -> list[dict]:
    """A country's agreements as its page and its section show them: each party (``select_related("agreement")``)
    with when it applies and whether it applies ``today``."""
    rows = []
    for party in parties:
        start = party_start(party.agreement, party)
        applies = start.since is not None and start.since <= today and (start.until is None or today < start.until)
        rows.append({"agreement": party.agreement, "party": party, "start": start, "applies": applies})
    return rows


def finding_for(agreement: Agreement, first: AgreementParty, second: AgreementParty, on: datetime.date) -> Finding:
    start_a, start_b = party_start(agreement, first), party_start(agreement, second)
    certain = start_a.certain and start_b.certain
    if start_a.since is None or start_b.since is None:
        missing = first if start_a.since is None else second
        if agreement.status == Status.SIGNED or agreement.in_force is None:
            reason = _("Signed, not in force.")
            if agreement.status_note:
                reason = agreement.status_note
        else:
            reason = _("%(country)s does not apply it.") % {"country": missing.country.name}
        return Finding(agreement, False, None, certain, reason)
    since = max(start_a.since, start_b.since)
    until = min((d for d in (start_a.until, start_b.until) if d), default=None)
    if until is not None and on >= until:
        return Finding(agreement, False, since, certain,
                       _("It stopped applying on %(date)s.") % {"date": until.isoformat()})
    if on < since:
        return Finding(agreement, False, since, certain,
                       _("It applies between these two countries only from %(date)s.") % {"date": since.isoformat()})
    return Finding(agreement, True, since, certain)


def coverage(a: str, b: str, on: datetime.date) -> Coverage:
    """The agreements between the countries with ISO codes ``a`` and ``b`` on date ``on``.

    The caller has checked the codes (see forms.CoverageForm); this runs two queries whatever the data.
    """
    result = Coverage(a=a, b=b, on=on)
    agreements = (Agreement.objects.active().filter(parties__country__iso2=a).filter(parties__country__iso2=b)
                  .distinct().with_parties())
    for agreement in agreements:
        parties = {party.country.iso2: party for party in agreement.parties.all()}
        finding = finding_for(agreement, parties[a], parties[b], on)
        (result.agreements if finding.applies else result.alternatives).append(finding)
    # Sure answers first, then the earliest.
    result.agreements.sort(key=lambda f: (not f.certain, f.since or on))
    result.alternatives.sort(key=lambda f: (f.since is None, f.since or on))
    return result


# What a cell of the matrix says about a pair.
COVERED, COVERED_UNCERTAIN, PENDING, NONE = "covered", "uncertain", "pending", "none"


def pair_table(on: datetime.date) -> dict[frozenset, dict]:
    """For every pair of countries that share an agreement: its state on ``on`` and the findings."""
    table: dict[frozenset, dict] = {}
    for agreement in Agreement.objects.active().with_parties():
        for first, second in combinations(agreement.parties.all(), 2):
            finding = finding_for(agreement, first, second, on)
            cell = table.setdefault(frozenset((first.country.iso2, second.country.iso2)), {"findings": []})
            cell["findings"].append(finding)
    for cell in table.values():
        applying = [f for f in cell["findings"] if f.applies]
        if any(f.certain for f in applying):
            cell["state"] = COVERED
        elif applying:
            cell["state"] = COVERED_UNCERTAIN
        else:
            cell["state"] = PENDING
    return table
