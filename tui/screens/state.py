"""The app reopens where you left it: filters, sort and the open article, kept in the library."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.store import Library, LibraryError
from ..core.views import SORTS, Filters

KEY = "ui_state"


def load_state(db_path: Path) -> tuple[Filters, int | None]:
    try:
        with Library.open(db_path, create=False) as library:
            data = json.loads(library.get_meta(KEY) or "{}")
            open_id = data.get("open")
            if not isinstance(open_id, int) or library.get(open_id) is None:
                open_id = None
    except (LibraryError, ValueError, TypeError):
        return Filters(), None
    filters = Filters(
        query=str(data.get("query", ""))[:500],
        lang=data.get("lang") if data.get("lang") in ("en", "ru") else None,
        entity=data.get("entity") if isinstance(data.get("entity"), int) else None,
        entity_name=str(data.get("entity_name", ""))[:200],
        feed=str(data.get("feed") or "")[:200] if str(data.get("feed") or "").startswith(("feed:", "tag:")) else "",
        feed_name=str(data.get("feed_name", ""))[:200],
        sort=data.get("sort") if data.get("sort") in SORTS else "date",
    )
    return filters, open_id


def save_state(db_path: Path, filters: Filters, open_id: int | None) -> None:
    try:
        with Library.open(db_path, create=False) as library:
            library.set_meta(KEY, json.dumps({**vars(filters), "open": open_id}, ensure_ascii=False))
    except LibraryError:
        pass  # state is a convenience; never let it break reading
