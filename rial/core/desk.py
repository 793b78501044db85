"""The building blocks of a person's desk (``/desk/``), where the work waiting for them is listed.

Each app contributes, in its ``sections.py``, ``public_desk_section(user)`` when its lists read only tables whose
writes replace the page cache's generation token (kept per person until the next committed write, see
``rial.portal.views.desk``), or ``desk_section(user)`` when they read a private table the person changes by
reading (``pagecache.PRIVATE_TABLES``: notifications) or their own reading state (followed threads): read on
every visit. Either returns ``None`` when nothing waits, or ``section(title, [desk_list(...), …], order=…)``
rendered by ``includes/desk_list.html`` — plain values (labels, addresses), which the cache can keep. A list
shows at most ``LIMIT`` records, fetched in one query (one more than shown tells whether there are more).
"""

from collections.abc import Callable, Iterable

LIMIT = 8


def desk_list(title, records: Iterable, item: Callable[[object], dict], *, more_url: str = "",
              more_label="") -> dict | None:
    """``records`` (a queryset, sliced here) as a list; ``item(record)`` gives ``label``, ``url`` and
    optionally ``meta``, ``overdue``, ``demo``. None when there is no record."""
    rows = list(records[:LIMIT + 1])
    if not rows:
        return None
    return {"title": title, "items": [item(record) for record in rows[:LIMIT]],
            "has_more": len(rows) > LIMIT, "more_url": more_url, "more_label": more_label}


def section(title, lists: Iterable[dict | None], *, order: int = 50) -> dict | None:
    lists = [entry for entry in lists if entry]
    if not lists:
        return None
    return {"title": title, "template": "includes/desk_list.html", "context": {"lists": lists}, "order": order}
