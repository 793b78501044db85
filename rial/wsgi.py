import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial.settings")
application = get_wsgi_application()

# What start-up loaded lives as long as the process: keep it out of the garbage collector's full
# collections, which would otherwise walk all of it (about 30 ms) in the middle of some request.
gc.freeze()
