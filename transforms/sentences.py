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
- A news agency's tag and a dash after a full stop (``RENO, Nev. (AP) — ...``) go on with the dateline.
- A parenthetical with no terminal punctuation inside, right after a sentence (an attribution or a source:
  ``"... opportunities." (Remarks at the 2018 summit)``, ``(Xinhua)``), belongs to the sentence before it.
- A run of punctuation with no letter or digit is no sentence: after a sentence it belongs to it (a stray closing
  quote), at the start of the text to the sentence after it (``…Governor promises action.``, a teaser cut at
  its start).

The splitter works on a plain string and returns ``(start, end)`` offsets into it, with surrounding white
space trimmed, so callers can map sentences back to the document.
"""

from __future__ import annotations

import re

import numpy as np

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
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LOOKBEHIND = 40  # how far back to look for the word before a full stop (keeps the search O(1))
_OPENING = "\"'“‘«(（[「『"
_ALNUM = re.compile(r"[^\W_]")
_LETTERS = re.compile(r"[A-Za-z]+")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


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
    return _plain_abbreviation(word)


def _plain_abbreviation(word: str) -> bool:
    """An initial ("J. Smith") or a known abbreviation ("Dr.", "Sept."): a word with no dot in it."""
    return (len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS


def _glued_full_stop(text: str, dot: int, end: int) -> bool:
    """A full stop at ``dot`` glued to the next word (at ``end``) ends a sentence only as a machine-translation
    glitch: a lower-case word of 2+ letters, then a capitalised word ("work.The")."""
    if not text[end].isupper():  # most glued full stops: 2.5, U.S.
        return False
    word = _word_before(text, dot) or ""
    return len(word) >= 2 and word.isalpha() and word.islower() and text[end + 1 : end + 2].islower()


_TERMINAL_CHARACTERS = ".!?…。！？"
_ASCII_TERMINALS = ".!?"
# ASCII letters by case ("l", "U"), anything else ".": a text (one byte per character) through this table holds
# "lUl" where a capital is glued between lower-case letters, as in "periodThe" (checked further in _glued_cut).
_CASES = bytes(ord("l") if 97 <= c <= 122 else ord("U") if 65 <= c <= 90 else ord(".") for c in range(256))


def _terminal_runs(text: str) -> list[int]:
    """Where each run of terminal punctuation starts: where ``_CANDIDATE.finditer`` would find its matches.

    Each character is looked for with ``str.find`` (a memchr-speed scan), which is 5-10x cheaper than letting the
    regular expression engine test its character class at every character."""
    found: list[int] = []
    ascii_text = text.isascii()
    for ch in _ASCII_TERMINALS if ascii_text else _TERMINAL_CHARACTERS:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    if ascii_text and ".." not in text and "!" not in text and "?" not in text:
        return found  # (the common case: full stops only, none next to another, found in order)
    found.sort()
    return [p for k, p in enumerate(found) if k == 0 or found[k - 1] != p - 1]


def glued_capitals(text: str) -> list[int]:
    """Where a capital sits between two lower-case ASCII letters ("periodThe"). A segmenter finds them in a whole
    document at once and hands each paragraph its own (see ``split_sentences``)."""
    return _glued_in_array(text) if len(text) >= _ARRAY_FROM else _glued_in_bytes(text)


# From this length the array scan is the cheaper one: its fixed cost (a few array operations, ~10 us) is about that
# of the byte scan of 4,000 characters; on a whole document (tens of thousands of characters) it costs a fifth.
_ARRAY_FROM = 4000


def _glued_in_bytes(text: str) -> list[int]:
    """``glued_capitals`` by a byte table (one byte per character: Latin-1, anything else "?")."""
    cases = text.encode("latin-1", "replace").translate(_CASES)
    found: list[int] = []
    i = cases.find(b"lUl")
    while i >= 0:
        found.append(i + 1)
        i = cases.find(b"lUl", i + 1)
    return found


def _glued_in_array(text: str) -> list[int]:
    """``glued_capitals`` by array operations on the text's code points (UTF-32: one element per character)."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    lower = (points - 97) < 26  # (unsigned: below "a" wraps round to a large number)
    glued = (points - 65) < 26
    glued[1:-1] &= lower[:-2]
    glued[1:-1] &= lower[2:]
    glued[:1] = glued[-1:] = False
    return np.flatnonzero(glued).tolist()


# A parenthetical after a sentence that is not a sentence itself (no terminal punctuation inside): an attribution
# or a source, "(Remarks at the 2018 summit in Qingdao)", "(Xinhua)". It ends the sentence before it.
_ATTRIBUTION = re.compile(r"(\([^()\n.!?。！？]{1,100}\))[ \t]*(?=$|[^\W\d_]|[\"“‘'(（])")


# A news agency's tag and the dash of a dateline, after an abbreviated state or country: ``RENO, Nev. (AP) —``.
_AGENCY_DASH = re.compile(r"\([A-Z][A-Za-z]{1,15}\)\s*[—–-]")


def split_sentences(text: str, capitals: list[int] | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``text``, trimmed of white space.

    ``capitals``: ``glued_capitals(text)``, when the caller has them (else they are found here).

    The hot path of segmentation (one call per paragraph, a few candidates each): the rules of the module's
    docstring are written out inline here, in the order they are listed, with the word-level judgements in helpers.
    """
    n = len(text)
    cuts: list[tuple[int, int]] = []  # (where a sentence ends, where the white space after it ends)
    for run in _terminal_runs(text):
        if text[run] == "." and text[run + 1 : run + 2] == " " and not text[run + 2 : run + 3].isspace():
            # the common case, as ``_CANDIDATE`` reads it: a full stop, a space, the next word
            punct, end, following = ".", run + 1, run + 2
        else:
            m = _CANDIDATE.match(text, run)
            assert m is not None  # a run of terminal punctuation starts a candidate
            punct = m.group(1)
            end, following = m.span(2)
        if following < n:  # at the end of the text every candidate ends a sentence
            if punct == ".":
                if following == end:  # glued to what follows: "2.5", "U.S.", "work.The"
                    if not _glued_full_stop(text, run, end):
                        continue
                else:
                    ch = text[following]
                    if not (ch.isupper() or ch.isdigit() or ch in _OPENING or _is_cjk(ch)):
                        continue
                    # the word before it, the common case inline (a plain word after a space: _plain_abbreviation)
                    dot = run
                    word = text[text.rfind(" ", dot - _LOOKBEHIND if dot > _LOOKBEHIND else 0, dot) + 1 : dot]
                    if ((len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS) if (
                            word.isalpha() and word.isascii()) else _is_abbreviation(text, dot, following):
                        continue
            elif _CJK_TERMINALS.isdisjoint(punct):  # ! ? … and runs such as "?!" or "......"
                ch = text[following]
                if following == end:  # glued: "mission?Without", "......It"
                    if not (ch.isupper() or ch in _OPENING):
                        continue
                elif not (ch.isupper() or ch.isdigit() or ch in _OPENING or _is_cjk(ch)):
                    continue
        if following < n and text[following] == "(":
            if _AGENCY_DASH.match(text, following):
                continue  # a dateline's state and agency: ``RENO, Nev. (AP) — A wildfire ...``
            attribution = _ATTRIBUTION.match(text, following)
            if attribution is not None:  # "... opportunities." (Remarks at the summit): one sentence
                if attribution.end() >= n:
                    continue
                end, following = attribution.end(1), attribution.end()
        cuts.append((end, following))
    glued = [p for p in (glued_capitals(text) if capitals is None else capitals) if _glued_cut(text, p)]
    if glued:  # a glued capital has no white space before it
        cuts = sorted((dict(cuts) | {p: p for p in glued}).items())
    cuts.append((n, n))

    # Each sentence runs from where the white space after the last one ends to the next cut (trimmed of white
    # space only at the text's own ends: a cut comes right after punctuation or a letter).
    spans: list[tuple[int, int]] = []
    start = 0
    for cut, following in cuts:
        s, e = start, cut
        if s < e and (text[s].isspace() or text[e - 1].isspace()):
            s, e = trim(text, s, e)
        if s < e:
            if text[s].isalnum() or _ALNUM.search(text, s, e) or (not spans and cut == n):  # (the same class)
                spans.append((s, e))
            elif spans:  # a stray closing quote or punctuation run belongs to the sentence before it
                spans[-1] = (spans[-1][0], e)
            else:  # ... and one that opens the text (``…Governor promises action``), to the next
                continue
        start = following
    return spans


def _glued_cut(text: str, pos: int) -> bool:
    """``text[pos]`` starts a capitalised word glued to a lower-case word of 3+ letters: "periodThe"."""
    start = pos
    while start > 0 and text[start - 1].isascii() and text[start - 1].islower():
        start -= 1
    return pos - start >= 3 and not (start > 0 and text[start - 1].isascii() and text[start - 1].isalpha())


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the white space at either end (``str.isspace``, as ``str.strip``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


MAX_SENTENCE_CHARS = 2000  # longer "sentences" (a missing boundary, a run-on line) are cut at white space


def cap_length(text: str, spans: list[tuple[int, int]], max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Cut every span longer than ``max_chars`` at the last white space before the limit (or at the limit)."""
    if len(text) <= max_chars:  # no span can be longer
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars + 1)
            cut = cut if cut > start else start + max_chars
            s, e = trim(text, start, cut)
            if s < e:
                out.append((s, e))
            start, _ = trim(text, cut, end)
        out.append((start, end))
    return out
