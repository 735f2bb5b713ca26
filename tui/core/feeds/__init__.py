"""Feeds: subscriptions (store), HTTP (fetch), documents (parse, charset), full text of
linked pages (fulltext), refreshing into the library (refresh) and OPML in and out (opml).

Nothing here imports Textual; the CLI and the app call :func:`refresh_feeds`.
"""

from .fetch import Fetcher, FetchError, FetchSettings
from .opml import OpmlError, read_opml, write_opml
from .refresh import FeedResult, RefreshReport, refresh_feeds
from .store import Feed, FeedError, add_feed, find_feeds, list_feeds, remove_feed

__all__ = ["Feed", "FeedError", "FeedResult", "FetchError", "FetchSettings", "Fetcher", "OpmlError", "RefreshReport",
           "add_feed", "find_feeds", "list_feeds", "read_opml", "refresh_feeds", "remove_feed", "write_opml"]
