"""Plain dataclasses shared by the core, the CLI and the UI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class RawArticle:
    """One article as read from a file, before cleaning and metadata detection.

    Fields left ``None`` are filled by detection from the text itself.
    """

    text: str
    path: str
    format: str
    encoding: str
    title: str | None = None
    date: str | None = None
    lang: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    ext_id: str | None = None
    #: a fallback source (feed title, site name) used when the text credits none
    site: str | None = None


@dataclass(slots=True)
class Article:
    """A cleaned article with its metadata, as stored in the library."""

    title: str
    text: str
    raw_text: str
    lang: str
    words: int
    content_hash: str
    path: str
    format: str
    encoding: str
    date: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    ext_id: str | None = None
    id: int | None = None
    read: bool = False
    starred: bool = False
    #: entity mentions; None until extraction has run (or when it failed)
    mentions: list[Mention] | None = None
    #: search index streams (title keys, body keys), computed with the article
    search: tuple[str, str] | None = None

    def to_json(self, *, with_text: bool = True) -> dict[str, Any]:
        """The CLI's JSON contract: id, title, date, lang, source, author, url, path, words, encoding[, text]."""
        data = {
            key: getattr(self, key)
            for key in ("id", "title", "date", "lang", "source", "author", "url", "path", "words", "encoding")
        }
        data["read"] = self.read
        data["starred"] = self.starred
        if with_text:
            data["text"] = self.text
        return data


@dataclass(slots=True)
class Mention:
    """One entity mention in an article's title or cleaned text.

    ``key`` identifies the entity it links to: a gazetteer id such as ``org:kamaz`` or,
    for entities the gazetteer does not know, ``TYPE:`` plus the script-independent key.
    """

    type: str  # ORG, PERSON, PLACE, PRODUCT, FIGURE
    field: str  # "title" or "text"
    start: int
    end: int
    surface: str
    name: str  # normal form in the mention's language: «Казахстан», "Sergey Kogogin"
    key: str
    #: the gazetteer's (English name, Russian name, aliases) when the entity is a known one
    canonical: tuple[str, str | None, tuple[str, ...]] | None = None


@dataclass(slots=True)
class Skip:
    """An input that was not imported, with a one-line reason a user can act on."""

    path: str
    reason: str
    detail: str = ""

    def message(self) -> str:
        return f"{self.path}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass(slots=True)
class ImportReport:
    """The outcome of one ``add``: what was added, what was already there, what was skipped."""

    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    files: int = 0
    #: problems that did not stop an article from being imported
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when anything was imported or already present."""
        return bool(self.added or self.duplicates)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["articles"] = len(self.added) + len(self.duplicates)
        data["skipped"] = [{"path": s.path, "reason": s.reason, "detail": s.detail} for s in self.skipped]
        return data
