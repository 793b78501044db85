"""Keep what a server process loads on its first requests out of the garbage collector's full collections.

``rial/wsgi.py`` freezes what start-up loaded (``gc.freeze()``), but much is loaded on the first requests: each
language's catalog, each page's templates, the search vocabulary, the URL resolvers' caches. Left in the collected
generations, those ~50,000 objects are walked by every full collection, which then lands in the middle of some
request: measured on the search API at 100,000 records (SQLite), p95 38 ms and p99 61–67 ms with the freeze at
start-up only, 29–31 ms and 33 ms with a second freeze after the first requests (docs/performance.md).
"""

import gc
import threading

# By then the usual pages and languages have been served once; what a rarer page loads later stays collectable.
WARM_UP_REQUESTS = 200


def freeze_after_warm_up(application, requests: int = WARM_UP_REQUESTS):
    """The WSGI ``application``, which collects garbage once and freezes what is left when its ``requests``-th
    request arrives (the earlier requests are done by then, so what is frozen is what the process keeps: a
    request running in another thread at that moment keeps its objects frozen, a one-off of a few kilobytes)."""
    served = 0
    lock = threading.Lock()

    def warmed(environ, start_response):
        nonlocal served
        if served < requests:
            with lock:
                served += 1
                if served == requests:
                    gc.collect()
                    gc.freeze()
        return application(environ, start_response)

    return warmed
