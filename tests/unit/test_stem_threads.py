"""Stemming from several threads at once (the app searches, warms up and imports in
threads): snowballstemmer stemmers are not thread-safe, so each thread has its own."""

from __future__ import annotations

import threading

from tui.core.search.terms import stem


def test_stemming_in_two_threads_at_once() -> None:
    words = [f"{w}{i}ing" for i in range(4000) for w in ("charg", "sell", "build")]
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []

    def run(part: int) -> None:
        try:
            results[part] = [stem(w) for w in words[part::2]]
        except BaseException as exc:  # noqa: BLE001 - the failure is what the test looks for
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(part,)) for part in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results[0][:2] == [stem(words[0]), stem(words[2])] and results[0][0] == "charg0"
