"""python -m bench: the search benchmark (`make bench`). The newsletter one runs on its own: python -m bench.newsletter."""

import sys

from bench.search import main

sys.exit(main(sys.argv[1:]))
