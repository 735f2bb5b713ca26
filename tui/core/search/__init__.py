"""Search across English and Russian: typos, transliteration, inflection, concepts and entities.

``Searcher(library).search("moskvich")`` — see engine.py for how it ranks. The index is
built at import time (index.py); nothing here scans article text per keystroke.
"""

from .engine import Searcher, SearchHit
from .highlight import Match

__all__ = ["Match", "SearchHit", "Searcher"]
