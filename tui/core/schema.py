"""The library's SQLite schema and its migrations, one script per version."""

from __future__ import annotations

#: Identifies an evnews-tui library file (``PRAGMA application_id``): "EVNW".
APPLICATION_ID = 0x45564E57

#: MIGRATIONS[n] upgrades a library from version n to n + 1. Append, never edit.
MIGRATIONS: list[str] = [
    # 0 -> 1: articles with user state, duplicate copies, import log
    """
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title        TEXT NOT NULL,
        date         TEXT,
        lang         TEXT NOT NULL,
        source       TEXT,
        author       TEXT,
        url          TEXT,
        path         TEXT NOT NULL,
        format       TEXT NOT NULL,
        encoding     TEXT NOT NULL,
        ext_id       TEXT,
        words        INTEGER NOT NULL,
        text         TEXT NOT NULL,
        raw_text     TEXT NOT NULL,
        added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        read         INTEGER NOT NULL DEFAULT 0,
        starred      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_by_date ON articles (date DESC, id DESC);
    CREATE INDEX articles_by_lang ON articles (lang);
    CREATE TABLE imports (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        finished_at TEXT,
        paths       TEXT NOT NULL,
        added       INTEGER NOT NULL DEFAULT 0,
        duplicates  INTEGER NOT NULL DEFAULT 0,
        skipped     INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE import_items (
        import_id  INTEGER NOT NULL REFERENCES imports (id),
        path       TEXT NOT NULL,
        status     TEXT NOT NULL,
        reason     TEXT,
        article_id INTEGER
    );
    CREATE TABLE article_copies (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        path       TEXT NOT NULL,
        url        TEXT,
        ext_id     TEXT,
        UNIQUE (article_id, path)
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 1 -> 2: entities, the keys that link to them, their names per language, mentions
    """
    CREATE TABLE entities (
        id      INTEGER PRIMARY KEY,
        type    TEXT NOT NULL,
        name    TEXT NOT NULL,
        name_en TEXT,
        name_ru TEXT,
        curated INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_by_type ON entities (type);
    CREATE TABLE entity_keys (
        key       TEXT PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE
    );
    CREATE TABLE entity_names (
        entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        name      TEXT NOT NULL,
        lang      TEXT NOT NULL,
        count     INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, name)
    );
    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        field      TEXT NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        surface    TEXT NOT NULL
    );
    CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id);
    CREATE INDEX mentions_by_article ON mentions (article_id, field, start);
    ALTER TABLE articles ADD COLUMN entities_done INTEGER NOT NULL DEFAULT 0;
    """,
    # 2 -> 3: the search index (word keys of title and body, entity tokens)
    """
    CREATE VIRTUAL TABLE search USING fts5 (title, body, entities, tokenize = 'unicode61', detail = full);
    CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search, row);
    ALTER TABLE articles ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
    """,
    # 3 -> 4: feed subscriptions, their tags, and the entries seen in each (with the summary
    # and which text the article shows: the feed's content, the linked page's full text, or the summary)
    """
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        name          TEXT,
        title         TEXT,
        site_url      TEXT,
        added_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        min_interval  INTEGER,
        etag          TEXT,
        last_modified TEXT,
        last_fetched  TEXT,
        last_ok       TEXT,
        last_error    TEXT,
        errors        INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_tags (
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        PRIMARY KEY (feed_id, tag)
    );
    CREATE TABLE feed_items (
        feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guid       TEXT NOT NULL,
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        url        TEXT,
        summary    TEXT,
        shown      TEXT,
        note       TEXT,
        seen_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        PRIMARY KEY (feed_id, guid)
    );
    CREATE INDEX feed_items_by_article ON feed_items (article_id);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
