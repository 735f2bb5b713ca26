"""Errors a reader raises for a whole file; the importer turns them into skip reasons."""


class ParseError(ValueError):
    """The file decoded as text but is not a readable article in its format."""
