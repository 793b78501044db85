"""python -m bench [NAME …] [options]: the repository's benchmarks, by name (all of them without a name).

    python -m bench                  # every benchmark (`make bench`)
    python -m bench search           # search relevance and speed, SQLite and PostgreSQL, in one run
    python -m bench relevance        # search relevance only
    python -m bench stemming         # what the word-family rules join, and wrongly join
    python -m bench newsletter       # an issue to 10,000 subscribers (not part of `python -m bench` alone)
    python -m bench pages            # main pages and API lists at 1×, 10× and 100× the data on both databases:
                                     # queries, latency under load, cached page against nginx, first load
                                     # (the 100× build takes most of an hour; --scales 1,10 for a shorter run)
    python -m bench page-cpu URL     # CPU ms per uncached request of those pages, in-process (--build 10 first)
    python -m bench page-hit cpu|servers --database URL  # a cached page: CPU per hit, gunicorn against nginx
    python -m bench loadtest         # `make loadtest`: 50 clients × 60 s on PostgreSQL, a database outage, the
                                     # worker killed mid-task, the audit trail checked (--smoke: a short run)

Options after the name go to that benchmark (`python -m bench search --db sqlite --sizes 1000`). A new
benchmark is a module of this package with ``main(argv) -> int``, named in BENCHMARKS.
"""

import sys
from importlib import import_module

BENCHMARKS = {
    "search": "bench.search",
    "relevance": "bench.relevance",
    "stemming": "bench.stemming",
    "newsletter": "bench.newsletter",
    "pages": "bench.pages",
    "page-cpu": "bench.page_cpu",
    "loadtest": "bench.loadtest",
    "page-hit": "bench.page_hit",
}
# What `python -m bench` (`make bench`) alone runs (relevance is part of "search").
DEFAULT = ("stemming", "search", "pages")


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if argv and argv[0] in BENCHMARKS:
        return import_module(BENCHMARKS[argv[0]]).main(argv[1:])
    if argv:
        print(f"unknown benchmark {argv[0]!r}: choose among {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    status = 0
    for name in DEFAULT:
        status = import_module(BENCHMARKS[name]).main([]) or status
    return status


sys.exit(main(sys.argv[1:]))
