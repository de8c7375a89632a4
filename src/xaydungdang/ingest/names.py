"""Person names in running text: runs of capitalized syllables that start with a surname (Kinh
or of an ethnic minority), Ê Đê names that start with "Y" or "H'", and foreign names of
delegations (Lao, Cambodian) after a title or a form of address. Places come first: a province
(old or new), a place named like a person ("quận Hai Bà Trưng", "đường Lê Lợi", "tư tưởng Hồ
Chí Minh") or an organization is never a name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import gazetteer
from .gazetteer import EDE_FAMILY, FOREIGN_SURNAMES, NOT_GIVEN_AFTER_DOAN, SURNAMES

HONORIFICS = {"Ông", "Bà", "Đồng", "Anh", "Chị", "Ngài", "Cụ"}
# A word; an apostrophe (Ê Đê "H'Hen") or a hyphen (transliterations: "Lếch-lay") inside it.
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_CUES = re.compile(
    r"(?<!\w)(?:"
    + "|".join(sorted(map(re.escape, gazetteer.LOCATIVE_CUES), key=len, reverse=True))
    + r") (?=[^\W\d_])"
)
_ONE_LETTER = {"A", "Y"}  # Hmong middle names ("Giàng A Tủa"), Ê Đê "Y"
_VOWELS = re.compile(r"[aeiouy]+", re.IGNORECASE)
# A foreign name is read only after a form of address or a title next to it.
_FOREIGN_CUE = re.compile(
    r"(?:Ngài|ngài|[Ôô]ng|[Bb]à|[Đđ]ồng chí|Đại sứ|Thủ tướng|Chủ tịch|Tổng Bí thư|Bộ trưởng|"
    r"Phó Thủ tướng|Phó Chủ tịch|Trưởng [Đđ]oàn|Quốc vương|Tổng thống)"
    r"(?:\s+[^\s,;.]+){0,4}\s+$"
)


def name_word(word: str) -> bool:
    """Capitalized, not an abbreviation ("ĐBQH", "UBND" end a name)."""
    rest = word[1:].replace("'", "").replace("-", "")
    return word[0].isupper() and (not rest or not rest.isupper())


def _whole(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def place_masks(text: str) -> list[tuple[int, int]]:
    """Provinces and places named like persons (one Aho-Corasick pass), and the capitalized
    words after a locative cue ("xã Hồng Thái Tây"): at most two of them when a longer run
    goes on into what may be a name ("Đảng ủy xã Tân Phú Nguyễn Văn An")."""
    names = frozenset({*gazetteer.PROVINCES, *gazetteer.PERSON_LIKE_PLACES})
    spans = [
        (end - size + 1, end + 1)
        for end, size in gazetteer.automaton(names).iter(text)
        if _whole(text, end - size + 1, end + 1) and not _given_names(text, end - size + 1)
    ]
    for cue in _CUES.finditer(text):
        words: list[re.Match[str]] = []
        for m in WORD.finditer(text, cue.end()):
            if not name_word(m.group()) or (words and text[words[-1].end() : m.start()] != " "):
                break
            words.append(m)
        # "nông thôn Lương Văn Cảnh": a full name after the cue is a person, not a village.
        person = len(words) in (3, 4) and words[0].group() in SURNAMES
        if words and not person:
            keep = words if len(words) <= 3 else words[:2]
            spans.append((keep[0].start(), keep[-1].end()))
    return spans


_SURNAME_BEFORE = re.compile(r"(?:^|[^\w])([^\W\d_]+) $")


def _given_names(text: str, start: int) -> bool:
    """A place name right after a surname is a person's given names: "Phí Minh Hải",
    "Nguyễn Hòa Bình", "Trần Thái Bình"."""
    before = _SURNAME_BEFORE.search(text, max(0, start - 12), start)
    return before is not None and before.group(1) in SURNAMES


def _runs(text: str, masks: list[tuple[int, int]]) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = [[]]
    for w in WORD.finditer(text):
        word = w.group()
        if name_word(word) and not any(s <= w.start() < e for s, e in masks):
            if runs[-1] and text[runs[-1][-1].end() : w.start()] == " ":
                runs[-1].append(w)
            else:
                runs.append([w])
        else:
            runs.append([])
    return [r for r in runs if r]


def _vietnamese(run: list[str]) -> int | None:
    """Where the name starts in ``run``: at a surname with one to three words after it."""
    for i, word in enumerate(run):
        size = len(run) - i
        if word not in SURNAMES or not 2 <= size <= 4:
            continue
        if word == "Đoàn" and run[i + 1] in NOT_GIVEN_AFTER_DOAN:
            continue  # "Đoàn Kiểm tra", "Đoàn ĐBQH": a delegation
        if all(len(x) > 1 or x in _ONE_LETTER for x in run[i:]):
            return i
    return None


def _foreign(run: list[str], before: str) -> bool:
    """Lao and Khmer names: unaccented words, one of several syllables or a known surname, or
    a transliteration in hyphenated syllables ("Lếch-lay Sỉ-vi-lay")."""
    if not 2 <= len(run) <= 4 or not _FOREIGN_CUE.search(before):
        return False
    if all("-" in w for w in run):
        return True
    long = any(len(_VOWELS.findall(w)) >= 2 for w in run)
    return all(w.isascii() for w in run) and (long or any(w in FOREIGN_SURNAMES for w in run))


def find_names(text: str, masks: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    masks = [*masks, *place_masks(text)]
    for run in _runs(text, masks):
        lead = run[0].start()
        while run and run[0].group() in HONORIFICS:
            run = run[1:]
        words = [w.group() for w in run]
        if not words:
            continue
        ede = words[0] == "Y" or words[0].startswith("H'")
        if ede and 2 <= len(words) <= 4 and words[-1] in EDE_FAMILY:
            found.append((run[0].start(), run[-1].end()))  # Ê Đê: "Y Biêr Niê", "H'Hen Niê"
            continue
        at = _vietnamese(words)
        if at is not None:
            found.append((run[at].start(), run[-1].end()))
        elif _foreign(words, text[max(0, lead - 60) : run[0].start()]):
            found.append((run[0].start(), run[-1].end()))
    return found
