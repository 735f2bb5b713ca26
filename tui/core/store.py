"""The article library: one SQLite file (WAL), versioned schema, never rewritten behind the user's back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .models import Article
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

_LIST_COLUMNS = "id, title, date, lang, source, author, url, path, format, encoding, ext_id, words, content_hash, read, starred"
_ORDERS = {
    "date": "date IS NULL, date DESC, id DESC",
    "title": "title COLLATE NOCASE, id",
    "source": "source IS NULL, source COLLATE NOCASE, date DESC, id DESC",
    "added": "id DESC",
}


class LibraryError(RuntimeError):
    """The library file cannot be used; the message is one line for the user."""


def damaged(path: Path, exc: BaseException | str) -> LibraryError:
    """The error for a library file SQLite reports as corrupt."""
    return LibraryError(f"{path} is damaged ({exc}); it was left untouched: restore a backup, or move it away "
                        "and a new library starts (sqlite3's .recover can salvage what is left)")


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """True for SQLite's "malformed"/"not a database" errors (not for "locked" or "busy")."""
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(exc)


class Library:
    """An open library. One instance per thread; SQLite handles the rest (WAL + busy timeout)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._verified = False

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Library:
        """Open (and if needed create or migrate) the library at ``path``.

        A file that is not an evnews-tui library, or one from a newer version, raises
        :class:`LibraryError` without being modified.
        """
        path = Path(path)
        if path.is_dir():
            raise LibraryError(f"{path} is a directory, not a library file")
        if not path.exists():
            if not create:
                raise LibraryError(f"no library at {path}")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"cannot create {path.parent}: {exc.strerror}") from None
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LibraryError(f"cannot open {path}: {exc}") from None
        try:
            _check_and_migrate(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(path, conn)

    def close(self) -> None:
        self.conn.close()

    def verify(self) -> None:
        """Raise :class:`LibraryError` if SQLite finds the file damaged (``PRAGMA quick_check``).

        Run before bulk writes (imports): writing into a damaged file can lose what is left.
        It reads the whole file (about 0.1 s per 100 MB), so opening a library does not, and
        it runs once per connection (a feed refresh imports feed after feed).
        """
        if self._verified:
            return
        try:
            problem = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None
        if problem != "ok":
            raise damaged(self.path, problem)
        self._verified = True

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``: writers queue on the busy timeout instead of failing."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- meta --------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def bump_generation(self) -> None:
        """Mark the search index as changed (searchers reload their vocabulary)."""
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES ('index_generation', '1') "
            "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    # -- articles ----------------------------------------------------------------------------
    def insert(self, article: Article) -> tuple[int, bool]:
        """Store ``article``; return ``(id, True)``, or ``(existing id, False)`` for a duplicate.

        A duplicate from a new path is remembered as a copy of the stored article, so
        nothing the user imported is lost and the list shows the article once.
        """
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (content_hash, title, date, lang, source, author, url, path,"
            " format, encoding, ext_id, words, text, raw_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.content_hash, article.title, article.date, article.lang, article.source,
                article.author, article.url, article.path, article.format, article.encoding,
                article.ext_id, article.words, article.text, article.raw_text,
            ),
        )
        if cur.rowcount:
            return cur.lastrowid, True
        existing = self.conn.execute("SELECT id, path FROM articles WHERE content_hash = ?", (article.content_hash,)).fetchone()
        if existing[1] != article.path:
            self.conn.execute(
                "INSERT OR IGNORE INTO article_copies (article_id, path, url, ext_id) VALUES (?, ?, ?, ?)",
                (existing[0], article.path, article.url, article.ext_id),
            )
        return existing[0], False

    def copies(self, article_id: int) -> list[dict[str, str | None]]:
        """Other places the same article was imported from."""
        rows = self.conn.execute("SELECT path, url FROM article_copies WHERE article_id = ? ORDER BY rowid", (article_id,))
        return [{"path": path, "url": url} for path, url in rows]

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def stats(self) -> dict[str, int]:
        """Article counts: ``total`` and one per language."""
        counts = dict(self.conn.execute("SELECT lang, count(*) FROM articles GROUP BY lang").fetchall())
        return {"total": sum(counts.values()), "en": counts.get("en", 0), "ru": counts.get("ru", 0), "other": counts.get("other", 0)}

    def list_articles(self, *, lang: str | None = None, order: str = "date", limit: int | None = None,
                      entities: list[int] | None = None) -> list[Article]:
        """Articles without their text (for lists), newest first by default; with
        ``entities``, only those mentioning any of them."""
        sql = f"SELECT {_LIST_COLUMNS} FROM articles WHERE 1"
        params: list[object] = []
        if lang:
            sql += " AND lang = ?"
            params.append(lang)
        if entities is not None:
            sql += f" AND id IN (SELECT article_id FROM mentions WHERE entity_id IN ({','.join('?' * len(entities))}))"
            params.extend(entities)
        sql += f" ORDER BY {_ORDERS.get(order, _ORDERS['date'])}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_row_to_article(row) for row in self.conn.execute(sql, params)]

    def get(self, article_id: int) -> Article | None:
        """One article with its cleaned and original text."""
        row = self.conn.execute(f"SELECT {_LIST_COLUMNS}, text, raw_text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        article = _row_to_article(row[:-2])
        article.text, article.raw_text = row[-2], row[-1]
        return article

    def set_flag(self, article_id: int, flag: str, value: bool) -> None:
        """Set the user's ``read`` or ``starred`` flag."""
        if flag not in ("read", "starred"):
            raise ValueError(flag)
        self.conn.execute(f"UPDATE articles SET {flag} = ? WHERE id = ?", (int(value), article_id))


def _row_to_article(row: tuple) -> Article:
    (id_, title, date, lang, source, author, url, path, fmt, encoding, ext_id, words, chash, read, starred) = row
    return Article(
        id=id_, title=title, date=date, lang=lang, source=source, author=author, url=url, path=path,
        format=fmt, encoding=encoding, ext_id=ext_id, words=words, content_hash=chash,
        text="", raw_text="", read=bool(read), starred=bool(starred),
    )


def _check_and_migrate(conn: sqlite3.Connection, path: Path) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_CORRUPT" or "malformed" in str(exc):
            raise damaged(path, exc) from None
        raise LibraryError(f"{path} is not an evnews-tui library ({exc}); it was left untouched") from None
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise LibraryError(f"{path} is not an evnews-tui library (another program's database); it was left untouched")
    if version > SCHEMA_VERSION:
        raise LibraryError(f"{path} was made by a newer evnews-tui (schema {version} > {SCHEMA_VERSION}); please upgrade")
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if is_damage(exc):
            raise damaged(path, exc) from None
        raise LibraryError(f"{path} cannot be used ({exc})") from None
