"""The evnews-tui core: ingest, cleaning, store (and later entities and search).

Nothing under ``tui.core`` may import Textual; ``tests/unit/test_core_isolation.py``
enforces it so the CLI, benchmarks and workers stay light and UI-agnostic.
"""
