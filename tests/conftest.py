"""Shared fixtures: an isolated environment, temporary libraries, the seeds, ../shared/corpora."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.importer import ensure_seeded
from tui.core.paths import bundled_articles_dir
from tui.core.store import Library

REPO = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("EVNEWS_CORPORA", REPO.parent / "shared" / "corpora"))
SEEDS = {
    "kama": "000_fe566e868f15ac09.txt",
    "qoshcar": "002_c6ad3ea2c322e58e.txt",
    "kamaz": "003_4448bc2307b7f0f9.txt",
}


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own HOME, data and config dirs: the user's real library is never touched."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir(exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("EVNEWS_DB", raising=False)
    return home


@pytest.fixture
def seeds_dir() -> Path:
    return bundled_articles_dir()


@pytest.fixture
def seed_text(seeds_dir: Path) -> Callable[[str], str]:
    return lambda key: (seeds_dir / SEEDS[key]).read_text(encoding="utf-8")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """An empty library (not seeded)."""
    with Library.open(tmp_path / "lib" / "library.sqlite3") as lib:
        yield lib


@pytest.fixture
def seeded(library: Library) -> Library:
    """A library holding the bundled corpus, as on first launch."""
    ensure_seeded(library)
    return library


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not available")
    return CORPORA


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str, str]]:
    """Run ``evnews-tui ARGS`` in-process against a temporary library; return (code, stdout, stderr)."""
    monkeypatch.setenv("EVNEWS_DB", str(tmp_path / "cli" / "library.sqlite3"))

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors and --help/--version
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return run
