"""A value several threads of a process ask for while it is being built is built once: the others wait and read it."""

import threading
import time

import pytest

from rial.core import derived, pagecache


def test_threads_asking_during_a_build_wait_for_it_instead_of_building_it_again(settings, tmp_path):
    settings.RIAL_PAGE_GENERATION_FILE = str(tmp_path / "generation")
    pagecache.changed()
    calls = []
    started = threading.Event()

    def build():
        calls.append(1)
        started.set()
        time.sleep(0.3)  # a slow map or list: the other threads ask meanwhile
        return "built"

    results = []

    def ask():
        results.append(derived.cached("test-single-build", build))

    first = threading.Thread(target=ask)
    first.start()
    started.wait(5)
    others = [threading.Thread(target=ask) for _ in range(5)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join(10)
    assert results == ["built"] * 6
    assert len(calls) == 1


def test_a_build_that_fails_leaves_the_next_caller_to_build(settings, tmp_path):
    settings.RIAL_PAGE_GENERATION_FILE = str(tmp_path / "generation")
    pagecache.changed()

    def fail():
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        derived.cached("test-failed-build", fail)
    assert derived.cached("test-failed-build", lambda: "built") == "built"
