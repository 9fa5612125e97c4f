"""Phrase rules matched over word tokens, many rules in one pass.

A rule is one or more words; a trailing ``*`` on a word matches any ending (``prevent*``). Matching is
case-insensitive and on whole words. Between the words of a rule the text may have white space, a hyphen, or
nothing (``grass roots`` matches ``grass roots``, ``grass-roots`` and ``grassroots``).

One compiled regular expression, shaped as a trie of the rules, finds the places where some rule matches in full
(a single C-level scan of the text) and captures each place's *key*: its first token and the tokens after it
that could continue a rule (at most as many as the longest rule has words). Every rule that matches at a place
lies inside its key and depends only on the key's text, so which rules match a key, and where they end, is
worked out per distinct key (word by word, through the dictionaries of first words, exact and by the stems of
wildcard words), and the tagger remembers what each key says. A corpus repeats a small vocabulary of keys, so
the scan does almost all the work; the cost grows with the text and the number of places, not with the number
of rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

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
        """``(end, rule)`` for every rule that matches at the start of ``key`` (ends relative to it). Worked out
        each time: a caller that meets keys often remembers what it derives from them (``themes.score_texts``)."""
        first = _TOKEN.match(key)
        assert first is not None, key  # a key starts with a word
        rules = self._candidates(first.group().lower())
        ends = ((self._match_rest(key, first.end(), rule.words), rule) for rule in rules)
        return tuple((end, rule) for end, rule in ends if end is not None)

    def find(self, text: str) -> list[Match[T]]:
        """Every match, in order of position (several rules may match at one place)."""
        return [Match(start, start + end, rule) for start, key in self.scan(text) for end, rule in self.at(key)]

    @staticmethod
    def _match_rest(text: str, end: int, words: tuple[Word, ...]) -> int | None:
        for word in words[1:]:
            m = _NEXT_WORD.match(text, end)
            if m is None or not word.matches(m.group(1).lower()):
                return None
            end = m.end()
        return end
