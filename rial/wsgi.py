import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")
django_application = get_wsgi_application()

from rial.core.pagecache import serve_stored_pages  # noqa: E402 - settings and apps are ready only now
from rial.core.warm_up import freeze_after_warm_up  # noqa: E402

# A stored anonymous page is answered before Django's handler (request object, request signals, middleware
# chain), by the same rule and key as the page cache's middleware; everything else reaches Django untouched.
# What the first requests load (catalogs, templates, the search vocabulary) is frozen like start-up's, below.
application = freeze_after_warm_up(serve_stored_pages(django_application))

# What start-up loaded lives as long as the process: keep it out of the garbage collector's full
# collections, which would otherwise walk all of it (about 30 ms) in the middle of some request.
gc.freeze()
