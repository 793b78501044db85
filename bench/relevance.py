"""Relevance of the search on a judged set (bench/relevance_data.py), on SQLite and PostgreSQL.

    python -m bench relevance                 # both databases
    python -m bench relevance --db sqlite

The judged records are indexed into an empty index (the benchmark database, see bench/search.py) and every
query is run through the search as the page runs it, limited to the two kinds the records have. Reported
per pair of query language → record language: recall@10 (the share of the relevant records of that language
among the first ten results), nDCG@10 (binary gains) and MRR@10 (the reciprocal rank of the first relevant
record of that language); and the zero-result rate (every query has relevant records).

Besides the search as it is, three variants show what each part brings, on the same records:
``no vocabulary`` (concepts removed), ``Snowball alone`` (the word-family rules off, no vocabulary) and
``every word`` (only results that contain every word, Snowball alone, no vocabulary: close to the search
before relaxed matching, which required every word).
"""

import math
import statistics
from collections import defaultdict
from contextlib import contextmanager

from bench.relevance_data import QUERIES, RECORDS

LANGUAGES = ("en", "es", "pt", "fr")
TOP = 10
KINDS = ["program", "document"]
TARGETS = {"within": 0.90, "across": 0.80, "zero": 0.02}


def documents():
    from rial.core.searchable import SearchDocument

    return [SearchDocument(kind=record.kind, key=f"rel-{record.key}", url=f"/benchmark/{record.key}/",
                           language=record.language, title=record.title, body=record.body) for record in RECORDS]


def index_records() -> None:
    from rial.search.index import index_documents

    index_documents(documents())


def remove_records() -> None:
    from rial.search.index import remove

    for kind in KINDS:
        remove(kind, [f"rel-{record.key}" for record in RECORDS if record.kind == kind])


def ranked_keys(text: str, complete_only: bool = False) -> tuple[list[str], int]:
    from rial.search.query import Filters, search

    results = search(q=text, filters=Filters(kind=list(KINDS)))
    hits = results.complete_hits if complete_only else results.hits
    total = results.full_matches if complete_only else results.total
    return [hit.url.split("/")[-2] for hit in hits], total


def _dcg(flags: list[bool]) -> float:
    return sum(1 / math.log2(position + 2) for position, flag in enumerate(flags) if flag)


def evaluate(complete_only: bool = False) -> dict:
    theme_records = defaultdict(list)
    for record in RECORDS:
        theme_records[record.theme].append(record)
    pairs: dict[tuple[str, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    overall: dict[str, list[float]] = defaultdict(list)
    zero, misses, totals = 0, [], []
    for query in QUERIES:
        keys, total = ranked_keys(query.text, complete_only)
        totals.append(total)
        top = keys[:TOP]
        relevant = [record for theme in query.themes for record in theme_records[theme]]
        zero += total == 0
        by_language = defaultdict(set)
        for record in relevant:
            by_language[record.language].add(record.key)
        for language, wanted in by_language.items():
            flags = [key in wanted for key in top]
            recall = sum(flags) / len(wanted)
            ideal = _dcg([True] * min(len(wanted), TOP))
            first = next((position for position, flag in enumerate(flags) if flag), None)
            scores = pairs[(query.language, language)]
            scores["recall"].append(recall)
            scores["ndcg"].append(_dcg(flags) / ideal)
            scores["mrr"].append(1 / (first + 1) if first is not None else 0.0)
            kind = "within" if language == query.language else "across"
            overall[f"{kind} recall"].append(recall)
            overall[f"{kind} ndcg"].append(_dcg(flags) / ideal)
            overall[f"{kind} mrr"].append(1 / (first + 1) if first is not None else 0.0)
            if recall < 1:
                missing = sorted(wanted - set(top))
                misses.append(f"{query.text!r} ({query.language}) misses {', '.join(missing)}")
        all_wanted = {record.key for record in relevant}
        flags = [key in all_wanted for key in top]
        overall["recall"].append(sum(flags) / len(all_wanted))
        overall["ndcg"].append(_dcg(flags) / _dcg([True] * min(len(all_wanted), TOP)))
    return {
        "pairs": {f"{q}→{r}": {name: statistics.fmean(values) for name, values in scores.items()} | {
            "n": len(scores["recall"])} for (q, r), scores in sorted(pairs.items())},
        "overall": {name: statistics.fmean(values) for name, values in overall.items()},
        "zero_rate": zero / len(QUERIES), "zero": zero, "queries": len(QUERIES), "records": len(RECORDS),
        "misses": misses, "totals": totals,
    }


@contextmanager
def variant(name: str):
    """The search as it is, or with a part switched off (the records are indexed again for it)."""
    from rial.search import stemming, text, vocabulary
    from rial.search.models import Concept

    saved_stem, saved_concepts = stemming.stem, None
    try:
        if name != "search":
            saved_concepts = list(Concept.objects.all())
            Concept.objects.all().delete()
            vocabulary.forget()
        if name in ("Snowball alone", "every word"):
            stemming.stem = stemming.snowball
        text._term_memo.clear()
        text._word_memo.clear()
        remove_records()
        index_records()
        yield
    finally:
        stemming.stem = saved_stem
        text._term_memo.clear()
        text._word_memo.clear()
        if saved_concepts is not None:
            Concept.objects.bulk_create(saved_concepts)
            vocabulary.forget()
        remove_records()


VARIANTS = ("search", "no vocabulary", "Snowball alone", "every word")


def run_variants() -> dict:
    reports = {}
    for name in VARIANTS:
        with variant(name):
            reports[name] = evaluate(complete_only=name == "every word")
    return reports


def table(runs: list[dict]) -> str:
    """Per database: the pairs table of the search as it is, then the variants' summary."""
    lines = []
    for run in runs:
        report = run["relevance"]["search"]
        lines.append(f"\n{run['db']} {run['version']} — {report['records']} records, {report['queries']} queries; "
                     f"zero results: {report['zero']} ({report['zero_rate']:.1%})\n")
        lines.append("| query → records | queries | recall@10 | nDCG@10 | MRR@10 |")
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        for pair, scores in report["pairs"].items():
            lines.append(f"| {pair} | {scores['n']} | {scores['recall']:.2f} | {scores['ndcg']:.2f} | "
                         f"{scores['mrr']:.2f} |")
        lines.append("")
        lines.append("| variant | recall@10 within a language | across languages | nDCG@10 within / across | "
                     "MRR@10 within / across | zero results |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, variant_report in run["relevance"].items():
            o = variant_report["overall"]
            lines.append(f"| {name} | {o['within recall']:.2f} | {o['across recall']:.2f} | "
                         f"{o['within ndcg']:.2f} / {o['across ndcg']:.2f} | {o['within mrr']:.2f} / "
                         f"{o['across mrr']:.2f} | {variant_report['zero_rate']:.1%} |")
        o = report["overall"]
        met = (o["within recall"] >= TARGETS["within"] and o["across recall"] >= TARGETS["across"]
               and report["zero_rate"] < TARGETS["zero"])
        lines.append(f"\nTargets (recall@10 ≥ {TARGETS['within']} within, ≥ {TARGETS['across']} across, zero results "
                     f"< {TARGETS['zero']:.0%}): {'met' if met else 'NOT met'}.")
    if len(runs) > 1:
        same = all(run["relevance"]["search"]["totals"] == runs[0]["relevance"]["search"]["totals"] for run in runs)
        lines.append(f"\nEvery judged query found the same number of records on {' and '.join(r['db'] for r in runs)}: "
                     f"{'yes' if same else 'NO'}.")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from bench.search import main as search_main

    return search_main(["--relevance-only", *argv])
