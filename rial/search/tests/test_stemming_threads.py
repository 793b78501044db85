"""Stemming from many threads at once (gunicorn serves requests on threads): every thread gets the stems a
single thread gets. A Snowball stemmer keeps the word it works on in itself, so one shared between threads
mixed two words up and failed the search request with an IndexError or KeyError."""

import threading

from rial.search import stemming

WORDS = {
    "es": ["profesional", "formación", "empleadores", "inspecciones", "trabajadoras", "capacitación",
           "seguridad", "protección", "informalidad", "juventudes", "negociaciones", "sindicales"],
    "pt": ["profissional", "formação", "empregadores", "inspeções", "trabalhadoras", "capacitação"],
    "en": ["professional", "training", "employers", "inspections", "workers", "informality"],
    "fr": ["professionnelle", "formation", "employeurs", "inspections", "travailleuses", "informalité"],
}


def test_threads_stemming_at_once_get_the_single_thread_stems():
    expected = {(language, word): stemming.stem(word, language) for language, words in WORDS.items()
                for word in words}
    failures: list[str] = []

    def stem_many():
        try:
            for _round in range(300):
                for (language, word), stem in expected.items():
                    got = stemming.stem(word, language)
                    if got != stem:
                        failures.append(f"{word}: {got} != {stem}")
        except Exception as error:  # noqa: BLE001 - a crash is the failure this test looks for
            failures.append(repr(error))

    threads = [threading.Thread(target=stem_many) for _thread in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
