"""Where things live: the library database, the user's config, the bundled data."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "evnews-tui"
DB_ENV = "EVNEWS_DB"


def bundled_data_dir() -> Path:
    """The ``data/`` folder: inside the wheel as ``tui/data``, beside ``tui/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "data", package.parent / "data"):
        if (candidate / "articles").is_dir():
            return candidate
    raise FileNotFoundError("the bundled data folder is missing from this installation")


def bundled_articles_dir() -> Path:
    """The bundled seed corpus imported on first launch."""
    return bundled_data_dir() / "articles"


def config_dir() -> Path:
    """The user's config folder (user gazetteer, lexicon and settings go here)."""
    return Path(user_config_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The library file in the platform data directory."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "library.sqlite3"


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins over ``$EVNEWS_DB``, which wins over the platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()
