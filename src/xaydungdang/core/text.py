"""Vietnamese text utilities: normalization, folding for search, and a Vietnamese sort key.

- ``nfc`` gives NFC text with one tone-placement convention (the "new style": ``hòa``, ``khóa``,
  ``Ủy``), so that ``hoà``/``hòa`` and ``Uỷ``/``Ủy`` compare equal.
- ``fold`` is the search key: no diacritics, ``đ`` → ``d``, lower case, single spaces.
- ``name_sort_key`` orders personal names the Vietnamese way: given name, then middle names, then
  family name, with the Vietnamese alphabet (a ă â b c d đ e ê …) and tone order
  (none, huyền, hỏi, ngã, sắc, nặng), the same order as ICU's ``vi`` collation.
- ``text_sort_key`` is the same collation applied to any text in reading order (unit names).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Combining tone marks, in Vietnamese dictionary order (ICU vi): huyền, hỏi, ngã, sắc, nặng.
_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_TONE_RANK = {mark: i + 1 for i, mark in enumerate(_TONES)}
# Marks that make a distinct letter: breve (ă), circumflex (â ê ô), horn (ơ ư).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}

_WORD = re.compile(r"(?:\w|[\u0300-\u036f])+")
_SPACES = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _compose(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _tone_moves() -> dict[str, str]:
    """Old-style tone placement on open "oa", "oe", "uy" → new style (tone on the first vowel)."""
    moves: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                moves[f + _compose(s, tone)] = _compose(f, tone) + s
    return moves


_MOVES = _tone_moves()
_OLD_STYLE = re.compile(
    r"(?<![qQ\w])(\w*?)("
    + "|".join(sorted(map(re.escape, _MOVES), key=len, reverse=True))
    + r")(?!\w)"
)


def nfc(text: str) -> str:
    """NFC-normalize ``text`` and unify tone placement (``hoà`` → ``hòa``, ``Uỷ`` → ``Ủy``)."""
    text = unicodedata.normalize("NFC", text)
    return _OLD_STYLE.sub(_move_tone, text)


def _move_tone(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    if head[-1:] in ("q", "Q"):  # "quý", "quỳ": the u belongs to the consonant "qu"
        return match.group(0)
    return head + _MOVES[tail]


def clean(text: str) -> str:
    """User input as stored: NFC with the unified tone placement, no control characters,
    trimmed, single spaces."""
    return _SPACES.sub(" ", nfc(_CONTROLS.sub("", text))).strip()


def fold(text: str) -> str:
    """Search key: strip diacritics, map đ→d, lower-case, collapse spaces. Idempotent."""
    decomposed = unicodedata.normalize("NFD", _CONTROLS.sub("", text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped).casefold()).strip()


@functools.cache
def _char_weights(ch: str) -> tuple[int, int, int]:
    """(primary, secondary, tertiary) weights of one character."""
    lower = ch.lower()
    tertiary = 1 if ch != lower else 0
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], decomposed[1:]
    tone = 0
    letter = base
    for mark in marks:
        if mark in _TONE_RANK:
            tone = _TONE_RANK[mark]
        elif mark in _LETTER_MARKS:
            letter = unicodedata.normalize("NFC", letter + mark)
    if lower == "đ":
        letter = "đ"
    if letter in _LETTER_RANK:
        return 0x100 + _LETTER_RANK[letter], tone, tertiary
    if letter.isdigit():
        return 0x10 + int(letter) if letter in "0123456789" else 0x1A, tone, tertiary
    return 0x200 + ord(letter), tone, tertiary


def _hex(weights: list[int], width: int) -> str:
    return "".join(format(w, f"0{width}x") for w in weights)


def _levels(words: list[str]) -> str:
    """Multi-level key as a lowercase hex string: byte order equals Vietnamese collation order.

    Level 1 compares letters word by word (the word separator sorts lowest, so "An" < "Anh"),
    level 2 tones, level 3 case; each level ends with a separator lower than any weight in it.
    """
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for i, word in enumerate(words):
        if i:
            primary.append(1)
            secondary.append(1)
            tertiary.append(1)
        for ch in word:
            if unicodedata.combining(ch):  # a mark NFC could not compose: tone of the letter before
                if ch in _TONE_RANK and secondary:
                    secondary[-1] = _TONE_RANK[ch] + 1
                continue
            p, s, t = _char_weights(ch)
            primary.append(p)
            secondary.append(s + 1)
            tertiary.append(t + 1)
    return "".join((_hex(primary, 6), "000000", _hex(secondary, 1), "0", _hex(tertiary, 1), "0"))


@functools.lru_cache(maxsize=100_000)
def _group_levels(words: tuple[str, ...]) -> str:
    """``_levels`` of a part of a name: parts repeat (a few hundred given names), so cached."""
    return _levels(list(words))


def _tiebreak(words: list[str]) -> str:
    """The UTF-8 bytes of the text: makes the order total (equal keys only for equal text)."""
    return " ".join(words).encode("utf-8").hex()


def split_name(full_name: str) -> tuple[str, list[str], str]:
    """(family name, middle names, given name) of a name written in Vietnamese order."""
    words = _WORD.findall(clean(full_name))
    if not words:
        return "", [], ""
    if len(words) == 1:
        return "", [], words[0]
    return words[0], words[1:-1], words[-1]


def name_sort_key(full_name: str) -> str:
    """Sort key ordering by given name, then middle names, then family name (Vietnamese order).

    Each part is compared completely (letters, tones, case) before the next one is looked at;
    an absent part (no middle name) sorts before any present one.
    """
    family, middle, given = split_name(full_name)
    groups = ([given] if given else [], middle, [family] if family else [])
    levels = "".join(_group_levels(tuple(group)) for group in groups)
    return levels + _tiebreak([given, *middle, family])


def text_sort_key(text: str) -> str:
    """Vietnamese collation key of ``text`` in reading order (for unit names, titles)."""
    words = _WORD.findall(clean(text))
    return _levels(words) + _tiebreak(words)


def given_key(full_name: str) -> str:
    """The folded given name, then the folded full name: a search by given name is a prefix."""
    folded = fold(full_name)
    return f"{folded.rsplit(' ', 1)[-1]} {folded}"
