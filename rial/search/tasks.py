"""Background work of the search (django-tasks): re-indexing the records that name a renamed topic or country.

A topic's labels are indexed in every record of that topic, and some apps write country names into their
records' text: a rename changes hundreds of entries, too many to rewrite in the request that renamed it.
"""

import logging

from django_tasks import task

from rial.directory.models import Country
from rial.search import index
from rial.search.sources import sources
from rial.topics.models import Topic

logger = logging.getLogger("rial.search")


@task()
def reindex_mentioning(*, topic_id: int | None = None, country_id: int | None = None) -> int:
    """Index again every record a source says names this topic or country (its
    ``documents_mentioning``); returns how many entries were written."""
    topic = Topic.objects.filter(pk=topic_id).first() if topic_id is not None else None
    country = Country.objects.filter(pk=country_id).first() if country_id is not None else None
    if topic is None and country is None:
        return 0
    written, failed = 0, []
    for source in sources():
        try:
            written += index.index_documents(source.documents_mentioning(topic=topic, country=country))
        except Exception:
            # One source's failure must not keep the others' records stale.
            logger.exception("search: could not re-index the records of %s naming %s", source.name,
                             topic or country)
            failed.append(source.name)
    if failed:
        raise RuntimeError(f"search: re-indexing failed for {', '.join(failed)}")
    return written
