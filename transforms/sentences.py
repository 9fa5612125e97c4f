"""Sentence boundaries inside one paragraph.

Rules, in the order they are applied to each candidate boundary:

- Terminal punctuation (``. ! ? …`` and runs such as ``......``), optionally followed by closing quotes or
  brackets, ends a sentence when the next non-space character can start one (a capital letter, a digit, an
  opening quote or bracket, a CJK character). A lowercase continuation (``..." he said``) does not.
- Chinese terminal punctuation (``。！？``) always ends a sentence.
- Known abbreviations (``Dr.``, ``Sept.``, ``No. 1``), single-letter initials (``J. Smith``) and dotted
  abbreviations (``U.S.``, ``e.g.``) do not end a sentence, except a dotted one followed by a typical
  sentence opener (``... in the U.S. The ...``).
- Decimals and figures (``2.5``, ``3.5%``) never match: a full stop inside a number has no space after it.
- Machine-translation glitches: ``?``/``!``/an ellipsis glued to a capital (``mission?Without``,
  ``......It``), a full stop glued to a capitalised word (``work.The``), and a lowercase word glued to a
  capitalised one with no punctuation at all (``exposure periodThe frequent``).
- Semicolons (``;`` and ``；``) and colons never end a sentence.

The splitter works on a plain string and returns ``(start, end)`` offsets into it, with surrounding white
space trimmed, so callers can map sentences back to the document.
"""

from __future__ import annotations

import re

ABBREVIATIONS: frozenset[str] = frozenset({
    # titles and ranks
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "gov", "sen", "rep", "rev", "hon", "pres",
    # months
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # references and companies
    "no", "nos", "vol", "vols", "art", "sec", "ch", "fig", "figs", "pp", "para", "approx", "dept", "est", "inc",
    "ltd", "co", "corp", "bros", "vs", "cf", "al",
})
# Words that, after a dotted abbreviation such as "U.S.", show that a new sentence has begun.
_SENTENCE_OPENERS: frozenset[str] = frozenset({
    "the", "a", "an", "it", "this", "that", "these", "those", "there", "they", "we", "he", "she", "i", "in", "on",
    "at", "but", "and", "however", "meanwhile",
})

_CJK_TERMINALS = frozenset("。！？")
# A candidate boundary: a run of terminal punctuation, then closing quotes or brackets, then white space. The scan
# is the hot loop: it starts with one character class (not an alternation), written ``[...][...]*`` rather than
# ``[...]+``, so that the engine can skip to the first character (2-3x faster).
_CANDIDATE = re.compile(r"([.!?…。！？][.!?…。！？]*)[\"'”’»)\]）」』]*(\s*)")
# A capitalised word right after a lower-case letter: "periodThe". Checked further in _glued_cut. The pattern
# starts with its capital so that the engine skips straight to capitals (3x faster than starting at [a-z]).
_CAMEL = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LOOKBEHIND = 40  # how far back to look for the word before a full stop (keeps the search O(1))
_OPENING = "\"'“‘«(（[「『"
_ALNUM = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[A-Za-z]+")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _can_start_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENING or _is_cjk(ch)


def _ends_sentence(text: str, punct: str, start: int, end: int, following: int) -> bool:
    """Whether a run of terminal punctuation ``punct`` at ``start``, with its closing quotes reaching to ``end``
    and white space to ``following``, ends a sentence."""
    if following >= len(text) or not _CJK_TERMINALS.isdisjoint(punct):
        return True
    if following == end:
        # Glued to the next word: only a machine-translation glitch makes this a boundary.
        nxt = text[end]
        if punct == ".":
            word = _word_before(text, start) or ""
            return (
                len(word) >= 2 and word.isalpha() and word.islower()
                and nxt.isupper() and text[end + 1 : end + 2].islower()
            )
        return nxt.isupper() or nxt in _OPENING
    if not _can_start_sentence(text[following]):
        return False
    if punct != ".":
        return True
    return not _is_abbreviation(text, start, following)


def _word_before(text: str, end: int) -> str | None:
    """The run of ASCII letters and dots that ends at ``end`` and starts with a letter (looking back at most
    ``_LOOKBEHIND`` characters), or None."""
    window = max(0, end - _LOOKBEHIND)
    word = text[text.rfind(" ", window, end) + 1 or window : end]
    if word.isalpha() and word.isascii():  # the common case: a plain word after a space
        return word
    found = _WORD_BEFORE.search(text, window, end)
    return found.group(1) if found else None


def _is_abbreviation(text: str, dot: int, next_start: int) -> bool:
    word = _word_before(text, dot)
    if word is None:
        return False
    if "." in word:  # dotted abbreviation: U.S., e.g., i.e.
        following = _LETTERS.match(text, next_start)
        return not (following and following.group(0).lower() in _SENTENCE_OPENERS)
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    return word.lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``text``, trimmed of white space."""
    cuts = [m.start(2) for m in _CANDIDATE.finditer(text)
            if _ends_sentence(text, m.group(1), m.start(), m.start(2), m.end())]
    glued = [m.start() for m in _CAMEL.finditer(text) if _glued_cut(text, m.start())]
    if glued:
        cuts = sorted(set(cuts).union(glued))
    cuts.append(len(text))

    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        s, e = _trim(text, start, cut)
        start = cut
        if s >= e:
            continue
        if spans and not _ALNUM.search(text, s, e):
            # A stray closing quote or punctuation run belongs to the sentence before it.
            spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    return spans


def _glued_cut(text: str, pos: int) -> bool:
    """``text[pos]`` starts a capitalised word glued to a lower-case word of 3+ letters: "periodThe"."""
    start = pos
    while start > 0 and text[start - 1].isascii() and text[start - 1].islower():
        start -= 1
    return pos - start >= 3 and not (start > 0 and text[start - 1].isascii() and text[start - 1].isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


MAX_SENTENCE_CHARS = 2000  # longer "sentences" (a missing boundary, a run-on line) are cut at white space


def cap_length(text: str, spans: list[tuple[int, int]], max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Cut every span longer than ``max_chars`` at the last white space before the limit (or at the limit)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars + 1)
            cut = cut if cut > start else start + max_chars
            s, e = _trim(text, start, cut)
            if s < e:
                out.append((s, e))
            start, _ = _trim(text, cut, end)
        out.append((start, end))
    return out
