"""Benchmarks: ``python -m tui.bench {import,…} [--json]``. Figures go in the README.

Benchmarks read real text from ``../shared/corpora`` (or ``$EVNEWS_CORPORA``) and never
run in the test suite: speed is measured here, not asserted in tests.
"""

from __future__ import annotations

import os
from pathlib import Path


def corpora_dir() -> Path:
    """``$EVNEWS_CORPORA``, else ``../shared/corpora`` beside the checkout."""
    env = os.environ.get("EVNEWS_CORPORA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "corpora"
