"""python -m bench: every benchmark of the repository (today: search)."""

import sys

from bench.search import main

sys.exit(main(sys.argv[1:]))
