"""Phrase rules matched over word tokens, many rules in one pass.

A rule is one or more words; a trailing ``*`` on a word matches any ending (``prevent*``). Matching is
case-insensitive and on whole words. Between the words of a rule the text may have white space, a hyphen, or
nothing (``grass roots`` matches ``grass roots``, ``grass-roots`` and ``grassroots``).

Two ways to the same matches:

- ``find_all`` (the pipeline's path) matches many texts at once: one Aho-Corasick automaton (ahocorasick_rs, a
  DFA in Rust, over the UTF-8 bytes) finds the rules' literal spellings (words joined by a space or a hyphen, up to a
  wildcard) in the texts joined by "\\x00", and word boundaries and wildcard endings are worked out on arrays,
  so Python meets only the matches. A text it cannot read exactly (white space other than single spaces between
  words; characters that grow when lower-cased, such as "İ") goes through ``find``.
- ``find`` (one text) uses one compiled regular expression shaped as a trie of the rules: it finds the places
  where some rule matches in full and captures each place's *key* (its first token and the tokens that could
  continue a rule); which rules match at a key, and where they end, is worked out word by word (``at``).

``tests/transforms/test_phrases.py`` checks ``find`` against each rule tried alone as a regular expression, and
``find_all`` against ``find``, on generated rules and texts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import numpy as np
import numpy.typing as npt

from transforms.columns import lexsort
from transforms.errors import TaxonomyError

T = TypeVar("T")

_WORD = re.compile(r"\w+\*?")
_TOKEN = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"(?:\s+|\s*-\s*)(\w+)")  # the separator a rule allows, then the next whole token


# Symbols of a rule's spelling besides its letters: the end of an exact word, a wildcard ending, a separator.
_WORD_END, _ANY_ENDING, _GAP = "\x00", "\x01", "\x02"
MAX_REMEMBERED_KEYS = 100_000
_SYMBOLS = {_WORD_END: r"\b", _ANY_ENDING: r"\w*", _GAP: r"(?:\s+|\s*-\s*)"}


def trie_pattern(spellings: Iterable[Sequence[str]]) -> str:
    """A regular expression matching any of ``spellings`` (sequences of characters and the symbols above),
    shaped as a trie so that the engine branches on one character at a time instead of trying every rule."""
    trie: dict[str, Any] = {}
    for spelling in spellings:
        node = trie
        for symbol in spelling:
            node = node.setdefault(symbol, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [_SYMBOLS.get(c) or re.escape(c) for c in sorted(node) if c]
        branches = [b + render(node[c]) for b, c in zip(branches, sorted(c for c in node if c), strict=True)]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return render(trie)


def _symbols(words: tuple[Word, ...]) -> list[str]:
    out: list[str] = []
    for k, word in enumerate(words):
        if k:
            out.append(_GAP)
        out += [*word.stem, _ANY_ENDING if word.wildcard else _WORD_END]
    return out


@dataclass(frozen=True, slots=True)
class Word:
    stem: str
    wildcard: bool

    def matches(self, token: str) -> bool:
        return token.startswith(self.stem) if self.wildcard else token == self.stem


@dataclass(frozen=True, slots=True)
class Rule(Generic[T]):
    text: str  # the rule as written
    words: tuple[Word, ...]
    payload: T  # what the caller attaches (a theme and a weight, say)


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int
    end: int
    rule: Rule[T]


def parse_rule(text: str) -> tuple[Word, ...]:
    """The words of a rule; raises TaxonomyError for a rule that is empty or has a misplaced ``*``."""
    parts = [p for p in re.split(r"[\s\-]+", text.strip().lower()) if p]
    if not parts:
        raise TaxonomyError(f"empty phrase rule {text!r}")
    words = []
    for part in parts:
        if not _WORD.fullmatch(part):
            raise TaxonomyError(
                f"bad phrase rule {text!r}: words are letters and digits, with an optional trailing * (bad wildcard)"
            )
        words.append(Word(part.rstrip("*"), part.endswith("*")))
    return tuple(words)


def _joined(words: tuple[Word, ...]) -> tuple[Word, ...] | None:
    """The one-word spelling of a multi-word rule (``grass roots`` -> ``grassroots``), when it has one."""
    if len(words) < 2 or any(w.wildcard for w in words[:-1]):
        return None
    return (Word("".join(w.stem for w in words), words[-1].wildcard),)


class PhraseMatcher(Generic[T]):
    """Finds every occurrence of every rule in a text."""

    def __init__(self, rules: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[Rule[T]]] = {}
        self._stems: dict[str, list[Rule[T]]] = {}
        for text, payload in rules:
            words = parse_rule(text)
            for spelling in (words, _joined(words)):
                if spelling is None:
                    continue
                rule = Rule(text, spelling, payload)
                first = spelling[0]
                (self._stems if first.wildcard else self._exact).setdefault(first.stem, []).append(rule)
        self._stem_lengths = sorted({len(s) for s in self._stems})
        self._seen: dict[str, list[Rule[T]]] = {}
        all_rules = [r for rs in (*self._exact.values(), *self._stems.values()) for r in rs]
        # A place: the first token where some rule matches in full (lookahead), capturing the key, then that token
        # (so the scan goes on from the next token: rules that start inside a key are found at their own place).
        whole = trie_pattern(_symbols(r.words) for r in all_rules)
        later = trie_pattern(_symbols((w,)) for r in all_rules for w in r.words[1:])
        longest = max((len(r.words) for r in all_rules), default=1)
        rest = rf"(?:{_SYMBOLS[_GAP]}(?={later})\w+){{0,{longest - 1}}}" if later else ""
        pattern = rf"\b(?={whole})(?=(\w+{rest}))\w+" if all_rules else r"(?!)"
        self._places = re.compile(pattern)  # over lower-cased text: 2x faster than re.IGNORECASE
        self._places_ignorecase = re.compile(pattern, re.IGNORECASE)
        # The rules in the order ``at`` tries them at one place (exact first words, then stems, shortest first).
        self.rules: tuple[Rule[T], ...] = tuple(sorted(
            all_rules, key=lambda r: (r.words[0].wildcard, len(r.words[0].stem) if r.words[0].wildcard else 0)))
        self._literals = _Literals([r.words for r in self.rules])
        self._rule_index = self._index_rules()

    def _index_rules(self) -> dict[int, int]:
        """Each rule's position in ``rules``, by the rule object's identity (``find``'s matches carry the object)."""
        return {id(rule): k for k, rule in enumerate(self.rules)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickled (a taxonomy goes to worker processes and to Dask workers): the rules are new objects, so
        the index by identity is made anew."""
        self.__dict__.update(state)
        self._rule_index = self._index_rules()

    def _candidates(self, token: str) -> list[Rule[T]]:
        found = self._seen.get(token)
        if found is None:  # few distinct tokens start a match: remember each one's rules (up to a bound)
            found = self._lookup(token)
            if len(self._seen) < MAX_REMEMBERED_KEYS:
                self._seen[token] = found
        return found

    def _lookup(self, token: str) -> list[Rule[T]]:
        found = list(self._exact.get(token, ()))
        for n in self._stem_lengths:
            if n > len(token):
                break
            found.extend(self._stems.get(token[:n], ()))
        return found

    def scan(self, text: str) -> list[tuple[int, str]]:
        """``(start, key)`` of every place in ``text`` where some rule matches, in order; ``at(key)`` tells which."""
        lowered = text.lower()
        if len(lowered) == len(text):
            return [(m.start(), m.group(1)) for m in self._places.finditer(lowered)]
        # A few characters (such as "İ") grow when lower-cased: keep offsets into the original text.
        return [(m.start(), m.group(1)) for m in self._places_ignorecase.finditer(text)]

    def at(self, key: str) -> tuple[tuple[int, Rule[T]], ...]:
        """``(end, rule)`` for every rule that matches at the start of ``key`` (ends relative to it), worked out
        each time (only the candidate rules of a key's first token are remembered)."""
        first = _TOKEN.match(key)
        assert first is not None, key  # a key starts with a word
        rules = self._candidates(first.group().lower())
        ends = ((self._match_rest(key, first.end(), rule.words), rule) for rule in rules)
        return tuple((end, rule) for end, rule in ends if end is not None)

    def find(self, text: str) -> list[Match[T]]:
        """Every match, in order of position (several rules may match at one place)."""
        return [Match(start, start + end, rule) for start, key in self.scan(text) for end, rule in self.at(key)]

    def find_all(self, texts: Sequence[str]) -> Matches:
        """``find`` over each of ``texts`` at once, as columns (see ``Matches``).

        Texts are scanned together by one Aho-Corasick automaton (ahocorasick_rs, in Rust) for the rules'
        literal spellings, and word boundaries are checked on arrays, so Python meets only the matches.
        The few texts it cannot read exactly (white space other than single spaces between words, characters
        that grow when lower-cased) go through ``find``.
        """
        joined = "\x00".join(texts)  # no rule reaches across: "\x00" is neither a word character nor a gap
        lowered, grown = joined.lower(), []  # (the same as each text lower-cased: "\x00" is not case-ignorable)
        if len(lowered) == len(joined):  # lower-casing never shortens: no text grew
            offsets = _offsets(texts)
        else:
            each = [t.lower() for t in texts]
            grown = [i for i, (t, low) in enumerate(zip(texts, each, strict=True)) if len(t) != len(low)]
            offsets = _offsets(each)
        found, odd_texts = self._literals.scan(lowered, offsets, self._verify)
        slow = sorted({*odd_texts, *grown})
        if slow:
            extra = [(i, m.start, m.end, self._rule_index[id(m.rule)]) for i in slow for m in self.find(texts[i])]
            found = found.replaced(np.array(slow, np.int64), extra)
        if grown:  # their offsets are into the text as written
            found = found.read_in([low if len(low) == len(t) else t for t, low in zip(texts, each, strict=True)])
        return found

    def _verify(self, text: str, start: int, rule: int) -> int | None:
        """Where ``self.rules[rule]`` ends when it matches at ``start`` of lower-cased ``text``, else None."""
        first = _TOKEN.match(text, start)
        words = self.rules[rule].words
        if first is None or not words[0].matches(first.group()):
            return None
        return self._match_rest(text, first.end(), words)

    @staticmethod
    def _match_rest(text: str, end: int, words: tuple[Word, ...]) -> int | None:
        for word in words[1:]:
            m = _NEXT_WORD.match(text, end)
            if m is None or not word.matches(m.group(1).lower()):
                return None
            end = m.end()
        return end


# White space the literal spellings do not cover (a text holding any goes through ``find``): white space other than
# a space, a space before a space or a hyphen, a hyphen before a space. In UTF-8, as the automaton reads them.
# (Every character ``str.isspace`` accepts, but the space: a test checks the list against Python's.)
_SPACES_BUT_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + (
    "\u2028\u2029\u202f\u205f\u3000")
_ODD_GAPS = (*(ch.encode("utf-8") for ch in _SPACES_BUT_SPACE), b"  ", b" -", b"- ")
_MAX_SPELLINGS = 64  # a rule of n words has 2**(n-1) literal spellings (space or hyphen between words)


class _Literals:
    """The rules as literal strings for one Aho-Corasick scan.

    A rule whose words are exact, or whose last word only has a wildcard, is spelled out with a space or a hyphen
    between its words (``grass roots``, ``grass-roots``); its first word must start a word, an exact last word
    must end one, and a wildcard ending runs to the end of the word. Any other rule (a wildcard inside it) is
    spelled by its first stem only and checked by ``verify``.
    """

    def __init__(self, rules: Sequence[tuple[Word, ...]]) -> None:
        by_literal: dict[str, list[int]] = {}
        checked: list[bool] = []
        for k, words in enumerate(rules):
            whole = not any(w.wildcard for w in words[:-1]) and 2 ** (len(words) - 1) <= _MAX_SPELLINGS
            checked.append(not whole)
            stems = [w.stem for w in words] if whole else [words[0].stem]
            for gaps in itertools.product(" -", repeat=len(stems) - 1):
                literal = stems[0] + "".join(g + s for g, s in zip(gaps, stems[1:], strict=True))
                by_literal.setdefault(literal, []).append(k)
        self.literals = list(by_literal)
        self._automaton: Any = None
        # Per literal, its rules: flattened, with where each literal's run starts and how long it is.
        self._first = np.array([0, *itertools.accumulate(len(v) for v in by_literal.values())][:-1], np.int64)
        self._count = np.array([len(v) for v in by_literal.values()], np.int64)
        self._rules = np.array([k for v in by_literal.values() for k in v], np.int64)
        self._length = np.array([len(lit) for lit in self.literals], np.int64)
        self._wildcard_end = np.array([words[-1].wildcard for words in rules], bool)
        self._checked = np.array(checked, bool)

    @property
    def automaton(self) -> Any:
        """The literals' Aho-Corasick automaton (ahocorasick_rs, a DFA over UTF-8 bytes), built on first use: it
        cannot be pickled, and a taxonomy travels to Dask workers by pickle."""
        if self._automaton is None:
            import ahocorasick_rs  # here, not at the top: a run with nothing to tag does not pay for importing it

            self._automaton = ahocorasick_rs.BytesAhoCorasick(
                [lit.encode("utf-8") for lit in self.literals] + list(_ODD_GAPS),
                implementation=ahocorasick_rs.Implementation.DFA)
        return self._automaton

    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__ | {"_automaton": None}

    def scan(
        self, joined: str, offsets: npt.NDArray[np.int64], verify: Callable[[str, int, int], int | None]
    ) -> tuple[Matches, list[int]]:
        """Every match in ``joined`` (lower-cased texts joined by "\\x00", each starting at its entry of
        ``offsets``), and which texts have white space the spellings do not cover."""
        if not self.literals or not len(offsets):
            none = np.zeros(0, np.int64)
            return Matches(none, none, none, none, joined, offsets), []
        data = joined.encode("utf-8")
        # (literal, start, end) of every occurrence of every literal, overlapping ones included, flattened, in
        # bytes; the same pass finds the odd gaps (their patterns come after the literals').
        found = np.fromiter(itertools.chain.from_iterable(self.automaton.find_matches_as_indexes(
            data, overlapping=True)), np.int64).reshape(-1, 3)
        gap = found[:, 0] >= len(self.literals)
        gaps, found = found[gap, 1], found[~gap]
        # Each literal found stands for each of its rules.
        literal = found[:, 0]
        n = self._count[literal]
        rule = self._rules[np.repeat(self._first[literal] - np.cumsum(n) + n, n) + np.arange(n.sum())]
        start, after = np.repeat(found[:, 1], n), np.repeat(found[:, 2], n)
        # Word boundaries, looked up only around the matches (never over the whole text).
        text = _Bytes(data)
        keep = ~text.is_word_at(start - 1)
        wildcard, checked = self._wildcard_end[rule], self._checked[rule]
        keep &= wildcard | checked | ~text.is_word_at(after)
        start, end, rule, wildcard, checked = start[keep], after[keep], rule[keep], wildcard[keep], checked[keep]
        end[wildcard] = text.word_ends(end[wildcard])
        if not text.ascii:  # byte offsets -> character offsets: less the continuation bytes before
            continuation = np.flatnonzero((text.codes & 0xC0) == 0x80)
            start, end, gaps = (x - np.searchsorted(continuation, x) for x in (start, end, gaps))
        odd_texts = np.unique(np.searchsorted(offsets, gaps, side="right") - 1).tolist() if len(gaps) else []
        verified = np.ones(len(start), bool)
        for i in np.flatnonzero(checked).tolist():
            e = verify(joined, int(start[i]), int(rule[i]))
            verified[i] = e is not None
            end[i] = e or 0
        start, end, rule = start[verified], end[verified], rule[verified]
        unit = np.searchsorted(offsets, start, side="right") - 1
        base = offsets[unit]
        return Matches(unit, start - base, end - base, rule, joined, offsets).sorted(), odd_texts


def _offsets(texts: Sequence[str]) -> npt.NDArray[np.int64]:
    """Where each of ``texts`` starts when they are joined by one character."""
    offsets = np.zeros(len(texts), np.int64)
    np.cumsum(np.fromiter(map(len, texts), np.int64, count=len(texts))[:-1] + 1, out=offsets[1:])
    return offsets


@dataclass(frozen=True, slots=True)
class Matches:
    """Matches in many texts, as columns: the text (its index), start and end in it, and the rule (its index in
    ``PhraseMatcher.rules``). Sorted by text, then as ``find`` orders a text's matches: by start, longest first,
    then in the order of the rules. ``source`` holds the texts as the matcher read them (lower-cased), joined by
    "\\x00", each starting at its entry of ``offsets``."""

    text: npt.NDArray[np.int64]
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    rule: npt.NDArray[np.int64]
    source: str
    offsets: npt.NDArray[np.int64]

    def sorted(self) -> Matches:
        # By place in the joined text (= by text, then start), longest first, then by rule.
        order = lexsort((self.rule, self.start - self.end, self.offsets[self.text] + self.start))
        return Matches(self.text[order], self.start[order], self.end[order], self.rule[order], self.source,
                       self.offsets)

    def read_in(self, texts: Sequence[str]) -> Matches:
        """These matches, with ``texts`` as their source."""
        return Matches(self.text, self.start, self.end, self.rule, "\x00".join(texts), _offsets(texts))

    def replaced(self, texts: npt.NDArray[np.int64], rows: list[tuple[int, int, int, int]]) -> Matches:
        """These matches with those in ``texts`` replaced by ``rows`` (text, start, end, rule)."""
        keep = ~np.isin(self.text, texts)
        extra = np.array(rows, np.int64).reshape(-1, 4)
        text, start, end, rule = (np.concatenate([c[keep], extra[:, k]]) for k, c in enumerate(
            (self.text, self.start, self.end, self.rule)))
        return Matches(text, start, end, rule, self.source, self.offsets).sorted()


def _is_word_character(ch: str) -> bool:
    """A word character, as ``re``'s ``\\w`` sees it."""
    return ch.isalnum() or ch == "_"


# Word characters among bytes: ASCII ones; a byte of a longer character is looked at by character.
_ASCII_WORD = np.array([_is_word_character(chr(c)) for c in range(128)] + [False] * 128)
_WINDOW = 8  # bytes looked at, at once, for where a wildcard's word ends (most endings are shorter)
# Per byte value, its lowest bit that is 0 (8: none): where the first non-word character of a window is.
_FIRST_ZERO_BIT = np.array([next((i for i in range(8) if not value >> i & 1), 8) for value in range(256)], np.int64)


class _Bytes:
    """The UTF-8 bytes of a text, for word tests at byte positions (ASCII by table, others by character)."""

    __slots__ = ("ascii", "codes", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.ascii = data.isascii()
        # Padded with bytes that are not word characters, so a look just before the start (at -1) or past the end
        # (a window reaching beyond it) reads one.
        self.codes = np.frombuffer(data + bytes(_WINDOW), np.uint8)

    def is_word_at(self, at: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Whether the character that holds each byte ``at`` is a word character (``_is_word_character``)."""
        byte = self.codes[at]
        out: npt.NDArray[np.bool_] = _ASCII_WORD[byte]
        if not self.ascii:
            for k in np.flatnonzero(byte >= 0x80).tolist():
                out[k] = _is_word_character(self._character_at(int(at[k])))
        return out

    def _character_at(self, at: int) -> str:
        while self.data[at] & 0xC0 == 0x80:  # a continuation byte: back to the character's first byte
            at -= 1
        return self.data[at : at + 4].decode("utf-8", "ignore")[0]

    def word_ends(self, at: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Where the word that goes on at each of ``at`` ends (the first byte, at or after it, of a non-word
        character): looked for in a window of 8 bytes after each, then, for the few longer words, in windows twice
        as wide each time (a word of n bytes costs log n passes)."""
        word = self.is_word_at((at[:, None] + np.arange(_WINDOW)).ravel()).reshape(-1, _WINDOW)
        first = _FIRST_ZERO_BIT[np.packbits(word, axis=1, bitorder="little")[:, 0]]
        ends = at + first  # past the window when all of it is word characters
        todo = np.flatnonzero(first == _WINDOW)
        width = 2 * _WINDOW
        while len(todo):
            window = np.minimum(ends[todo, None] + np.arange(width), len(self.codes) - 1)  # the padding ends words
            word = self.is_word_at(window.ravel()).reshape(-1, width)
            first = np.argmin(word, axis=1)  # the first non-word character (0 if none)
            done = ~word[np.arange(len(todo)), first]
            ends[todo] += np.where(done, first, width)
            todo, width = todo[~done], 2 * width
        return ends


