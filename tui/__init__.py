"""evnews-tui: a terminal reader for bilingual English/Russian EV industry news."""

__version__ = "0.1.0"
