"""Hostile article text: what a malicious or broken news file can put in front of a terminal.

Shared by the hardening tests and the fuzz run (as ingredients for mutations), so both try
the same attacks. Each sample is ``(name, text)``; :func:`hostile_article` builds one article
that carries all of them.
"""

from __future__ import annotations

ESC = "\x1b"

#: Rich/Textual markup that must show literally (never style, link or run an action)
MARKUP = "[bold]bold?[/bold] [/] [red on white]red[/] [link=https://evil.example/x]click[/link] [@click=app.quit]quit[/]"
#: ANSI CSI: colour, clear screen, cursor home, cursor moves, 8-bit CSI
CSI = f"{ESC}[31mred{ESC}[0m {ESC}[2J{ESC}[H{ESC}[10;10H{ESC}[?1049h \x9b31mc1red"
#: OSC 8 hyperlink, OSC 52 clipboard write, OSC 0 window title, DCS
OSC = (f"{ESC}]8;;https://evil.example{ESC}\\hyperlink{ESC}]8;;{ESC}\\ {ESC}]52;c;ZWNobyBwd25lZA=={ESC}\\ "
       f"{ESC}]0;pwned title\x07 {ESC}P+q544e{ESC}\\ \x9d52;c;Zm9v\x9c")
#: other C0 and C1 controls (NUL, BEL, BS, VT, FF, SO, US, DEL, NEL, SS2, ST)
CONTROLS = "a\x00b\x07c\x08d\x0be\x0cf\x0eg\x1fh\x7fi\x85j\x8ek\x9cl"
#: bidi overrides/isolates and zero-width characters (Trojan Source style)
BIDI = "admin\u202e\u2066// evil\u2069\u2066 x\u202c z\u200bero\u200cwidth\u2060\ufeff\u200e\u200f\u061c"
#: a long run of combining marks on one letter ("zalgo")
COMBINING = "Z" + "\u0336\u0301\u0327" * 400 + "algo"
#: emoji (with ZWJ sequences and skin tones) and CJK, which are two cells wide
WIDE = "电动汽车 比亚迪 🚗⚡ 👩‍🔬 👍🏽 🇨🇳 한국어 テスラ"

SAMPLES: list[tuple[str, str]] = [
    ("markup", MARKUP), ("csi", CSI), ("osc", OSC), ("controls", CONTROLS),
    ("bidi", BIDI), ("combining", COMBINING), ("wide", WIDE),
]

#: what each sample must still show on screen once made safe (a literal, visible part)
VISIBLE = {
    "markup": ["[bold]bold?[/bold]", "[link=https://evil.example/x]click[/link]", "[@click=app.quit]quit[/]"],
    "csi": ["red", "c1red"],
    "osc": ["hyperlink"],
    "controls": ["abcdefghijkl"],
    "bidi": ["admin// evil x zerowidth"],
    "combining": ["algo"],
    "wide": ["电动汽车 比亚迪", "🚗⚡", "テスラ"],
}
#: payloads that must never reach the screen, even as text
INVISIBLE = ["ZWNobyBwd25lZA==", "pwned title", "544e", "Zm9v"]


def hostile_title() -> str:
    return f"Hostile {MARKUP} {CSI} {OSC} {CONTROLS} {BIDI} {WIDE}"


def hostile_body() -> str:
    """Every sample as its own paragraph, between ordinary EV-news sentences."""
    parts = ["Tesla opened a charging hub in Berlin on Monday, the company said."]
    for name, text in SAMPLES:
        parts.append(f"{name}: {text}")
    parts.append("KAMAZ showed an electric truck in Moscow.")
    return "\n\n".join(parts)


def hostile_article() -> str:
    """A plain-text article file: the title line, then the body."""
    return f"{hostile_title()}\n\n{hostile_body()}\n"


def long_line(chars: int = 1_000_000) -> str:
    """A single line of ``chars`` characters (words, markup and escapes mixed in, no newline)."""
    unit = "Tesla [bold]Berlin[/] KAMAZ \x1b[31mMoscow\x1b[0m электробус 电动 "
    return (unit * (chars // len(unit) + 1))[:chars]


def big_article(chars: int = 10_000_000) -> str:
    """A ``chars``-character article of many ordinary paragraphs (a 10 MB file by default)."""
    para = ("BYD and Tesla cut prices again as electric car sales in China rose by a fifth; "
            "КАМАЗ начал выпуск электробусов для Москвы. ") * 4
    count = chars // (len(para.encode()) + 2) + 1
    return "Big article\n\n" + "\n\n".join(f"{i}. {para}" for i in range(count))
