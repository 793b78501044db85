"""The one filtered list of published programs behind the page, the API and the exports."""

from django.db.models import Q, QuerySet
from modeltranslation.utils import get_language

from rial.core.languages import LANGUAGE_CODES
from rial.portfolio.models import Program
from rial.topics.models import Topic

TEXT_FIELDS = ("name", "summary", "objectives", "results")


def text_filter(text: str) -> Q:
    """Every word must appear in some language of some text field (accents are the search app's job)."""
    query = Q()
    for word in text.split()[:10]:
        word_q = Q()
        for field in TEXT_FIELDS:
            for lang in LANGUAGE_CODES:
                word_q |= Q(**{f"{field}_{lang}__icontains": word})
        word_q |= Q(ministry__name_en__icontains=word) | Q(ministry__name_es__icontains=word)
        query &= word_q
    return query


def filter_programs(queryset: QuerySet, *, q: str = "", country=None, topic: Topic | None = None,
                    population=None, cooperation: bool = False) -> QuerySet:
    if country is not None:
        queryset = queryset.filter(ministry__country=country)
    if topic is not None:
        # An area (e.g. Employment) finds the programs of its subtopics too.
        queryset = queryset.filter(Q(topics=topic) | Q(topics__parent=topic))
    if population is not None:
        queryset = queryset.filter(populations=population)
    if cooperation:
        queryset = queryset.filter(offered_for_cooperation=True)
    if q.strip():
        queryset = queryset.filter(text_filter(q))
    if topic is not None or population is not None or q.strip():
        # Joins across many-to-many relations may repeat a program; keep each once.
        queryset = Program.objects.filter(pk__in=queryset.values("pk"))
    return queryset


def public_programs(cleaned: dict | None = None, *, collection=None) -> QuerySet:
    cleaned = cleaned or {}
    base = Program.objects.published()
    base = base.filter(collection=collection) if collection is not None else base.filter(collection__isnull=True)
    filtered = filter_programs(base, q=cleaned.get("q") or "", country=cleaned.get("country"),
                               topic=cleaned.get("topic"), population=cleaned.get("population"),
                               cooperation=bool(cleaned.get("cooperation")))
    # The country's name copied on the program (Program.country_sort_*) orders as the join would, along an index.
    code = get_language()  # modeltranslation's: the active language if it is one of ours, else the default
    return filtered.for_list().order_by(f"country_sort_{code}", f"name_{code}", "pk")
