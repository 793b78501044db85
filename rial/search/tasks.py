"""Background work of the search (django-tasks): re-indexing the records that name a renamed topic or country,
or a concept of the vocabulary whose labels changed.

A topic's labels are indexed in every record of that topic, and some apps write country names into their
records' text; a concept's token is indexed wherever its labels appear: a change touches hundreds of entries,
too many to rewrite in the request that made it.
"""

import logging

from django_tasks import task

from rial.directory.models import Country
from rial.search import index, vocabulary
from rial.search.engines import Match, get_engine
from rial.search.models import Concept, SearchEntry, concept_token
from rial.search.sources import sources
from rial.search.text import LANGUAGES, terms
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


# More concepts than this changed at once (a new vocabulary file loaded): every entry is read again rather
# than looking up each concept's records.
MANY_CONCEPTS = 20
ALL = 10**9  # every match


@task()
def reindex_concepts(*, slugs: list[str]) -> int:
    """Index again the records that name these concepts (by their old labels: the entries carrying the concept's
    token; by their new ones: the entries holding a label's terms); returns how many records were read again."""
    vocabulary.forget()
    return index.refresh_entries(entries_naming(slugs))


def entries_naming(slugs: list[str]) -> list[tuple[str, str]]:
    entries = SearchEntry.objects.all()
    if len(slugs) <= MANY_CONCEPTS:
        engine, ids = get_engine(), set()
        for concept in Concept.objects.filter(slug__in=slugs):
            for language in LANGUAGES:
                for label in concept.labels(language):
                    label_terms = vocabulary.content_terms(terms(label, language), language)
                    if label_terms:
                        clauses = tuple((item,) for item in dict.fromkeys(label_terms))
                        match = Match(clauses, least=len(clauses))
                        ids.update(row.id for row in engine.ranked(match, [], ALL))
        for matching in engine.covering([(concept_token(slug),) for slug in slugs], 0):
            ids.update(matching)
        entries = entries.filter(id__in=ids)
    return list(entries.values_list("kind", "key"))
