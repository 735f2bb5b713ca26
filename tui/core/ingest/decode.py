"""Bytes to text: binary sniffing and encoding detection (charset-normalizer)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text we can read; ``reason`` is the short skip reason."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# Magic numbers of formats people keep next to their articles.
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
    b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0", b"SQLite format 3", b"RIFF", b"OggS",
    b"ID3", b"\x00\x00\x01\x00", b"wOFF", b"\xca\xfe\xba\xbe",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


# Three UTF-8 multi-byte characters in a row: in a single-byte encoding (cp1251, koi8-r, latin-1)
# that is an upper/lower-case letter followed by a symbol, three times over, which prose never is.
_UTF8_RUN = re.compile(rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}){3}")


def _looks_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: one byte lane is nearly constant (0x00 for Latin, 0x04 for Cyrillic)."""
    if len(head) < 4:
        return None
    for lane, codec in ((head[1::2], "utf-16-le"), (head[0::2], "utf-16-be")):
        if sum(b in (0, 4) for b in lane) >= 0.9 * len(lane):
            return codec
    return None


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes are UTF-8 with a few broken sequences, not another encoding."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    return good >= 4 * bad


def _stray_nuls(data: bytes) -> bool:
    """Valid UTF-8 text with a few NUL bytes (a damaged or padded file), not a binary format."""
    if data.count(b"\x00") > len(data) // 100:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`DecodeError`.

    UTF-8 (with or without BOM) is tried first because it is both the common case and
    self-validating; everything else goes through charset-normalizer.
    """
    if not data.strip():
        raise DecodeError("empty", "zero bytes" if not data else "only whitespace")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise DecodeError("invalid text", f"{name} with a bad sequence at byte {exc.start}") from None
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC):
        raise DecodeError("binary", "not a text file")
    if b"\x00" in head:
        codec = _looks_utf16(head)
        if codec is None:
            if _stray_nuls(data):
                return data.decode("utf-8"), "utf-8"  # sanitize() drops the NULs
            raise DecodeError("binary", "contains NUL bytes")
        try:
            return data.decode(codec), "utf-16"
        except UnicodeDecodeError:
            raise DecodeError("invalid text", "broken UTF-16") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            # Truncated or corrupted UTF-8 (or mixed encodings): guessing would store mojibake.
            raise DecodeError("invalid text", f"invalid UTF-8 at byte {exc.start}") from None
        if run := _UTF8_RUN.search(data):
            # Another encoding with UTF-8 pasted in: whichever way it is read, part of it is mojibake.
            raise DecodeError("invalid text", f"mixed encodings: UTF-8 at byte {run.start()}, "
                                              f"something else at byte {exc.start}") from None
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("binary", "no text encoding fits")
    return str(best), best.encoding.replace("_", "-")
