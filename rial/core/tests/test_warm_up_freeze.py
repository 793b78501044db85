"""A server process freezes what its first requests loaded, once, and answers every request as before."""

import gc

from rial.core.warm_up import freeze_after_warm_up


def test_what_the_first_requests_loaded_is_frozen_once():
    loaded = []

    def application(environ, start_response):
        loaded.append(["a template", []])  # what a first request keeps, as a catalog or template would
        start_response("200 OK", [])
        return [b"ok"]

    warmed = freeze_after_warm_up(application, requests=3)
    try:
        answers = [warmed({}, lambda status, headers: None) for _request in range(2)]
        frozen_before = gc.get_freeze_count()
        answers.append(warmed({}, lambda status, headers: None))
        frozen_after_warm_up = gc.get_freeze_count()
        answers += [warmed({}, lambda status, headers: None) for _request in range(3)]
        assert answers == [[b"ok"]] * 6
        assert frozen_after_warm_up > frozen_before  # the third request froze what the process held
        assert gc.is_tracked(loaded[0]) and all(held is not loaded[0] for held in gc.get_objects())  # frozen
        # Once: what later requests keep stays with the collector (the freeze count itself may fall, as frozen
        # objects whose last reference goes are freed).
        assert any(held is loaded[-1] for held in gc.get_objects())
    finally:
        gc.unfreeze()
