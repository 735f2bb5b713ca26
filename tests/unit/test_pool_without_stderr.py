"""A process pool started where sys.stderr has no file descriptor, as inside the app
(Textual replaces sys.stderr): importing a big file from the app must still work."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import io, sys
from tui.core.models import RawArticle
from tui.core.parallel import Preparer

class Captured(io.StringIO):  # what Textual puts in sys.stderr's place
    def fileno(self):
        return -1

if __name__ == "__main__":
    sys.stderr = Captured()
    raws = [RawArticle(text=f"Truck maker {i} opens a plant\\n\\nElectric trucks number {i} were built in Kazan.",
                       path=f"a{i}.txt", format="text", encoding="utf-8") for i in range(70)]
    with Preparer(2, entities=False) as preparer:
        prepared = list(preparer.map(raws))
    print(len(prepared), type(prepared[0]).__name__)
"""


def test_a_pool_starts_without_a_stderr_descriptor() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert result.stdout.split() == ["70", "Article"], result.stderr[-2000:]
