"""evnews-tui: a terminal reader for bilingual English/Russian EV industry news."""

__version__ = "0.1.0"

#: Textual's frame-rate cap for the app (TEXTUAL_FPS; Textual's default is 60). Frames are
#: drawn only when something changed; a higher cap lets a key's search results follow its
#: echo sooner (the frame after an idle one waits one to two frame periods in Textual's timer).
MAX_FPS = 240
