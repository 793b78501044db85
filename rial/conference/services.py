"""Workflow functions of the conference cycle: the troika at a date, mandate follow-up, evidence.

Each write checks the permission (django-rules), the invariants, runs in one transaction and records who
acted through ``save_logged``. Views, the API, the admin and commands all call these functions.
"""

import datetime
from dataclasses import dataclass

from rial.conference.models import Conference, Troika
from rial.directory.models import Country


@dataclass(frozen=True)
class TroikaAt:
    """The troika in office on a date: the chair pro tempore, the previous and the next chair."""

    conference: Conference | None
    chair: Country | None
    previous_chair: Country | None
    next_chair: Country | None


def troika_on(date: datetime.date) -> TroikaAt:
    """The troika on ``date``, derived from the conferences (the host of the last conference chairs).

    The next chair is the host of the following conference when it is recorded, or else the future chair
    the sources record for the current conference.
    """
    conferences = {conference.number: conference
                   for conference in Conference.objects.select_related("chair").order_by("number")}
    held = [conference for conference in conferences.values() if conference.began_on <= date]
    if not held:
        return TroikaAt(None, None, None, None)
    current = held[-1]
    # Conferences II-IX are not recorded: only the conferences next in number are neighbours.
    previous = conferences.get(current.number - 1)
    following = conferences.get(current.number + 1)
    recorded = Troika.objects.filter(conference=current).select_related(
        "current_chair", "previous_chair", "future_chair").first()
    chair = current.chair or (recorded.current_chair if recorded else None)
    previous_chair = previous.chair if previous and previous.chair else (recorded.previous_chair if recorded else None)
    next_chair = following.chair if following and following.chair else (recorded.future_chair if recorded else None)
    return TroikaAt(current, chair, previous_chair, next_chair)
