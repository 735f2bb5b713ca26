"""Accuracy evaluation against real gold data: ``python -m tui.eval {entities,linking}``.

``entities`` scores the extractor on factRuEval-2016 (test), NEREL v1.1 (test) and CoNLL-2003
English (test) by entity type, per document (sets of normalised names) and per mention
(exact spans). ``linking`` checks that the same entity in an aligned EN↔RU sentence pair
(WMT newstest) resolves to one library entity. The data sets live in ``../shared/corpora``
(or ``$EVNEWS_CORPORA``); like the benchmarks, none of this runs in the test suite.
"""

from __future__ import annotations

import os
from pathlib import Path

import tui


def corpora_root() -> Path:
    """``$EVNEWS_CORPORA``, else ``../shared/corpora`` beside the checkout."""
    env = os.environ.get("EVNEWS_CORPORA")
    if env:
        return Path(env)
    return Path(tui.__file__).resolve().parents[2] / "shared" / "corpora"
