"""Phrase rules matched over word tokens, many rules in one pass.

A rule is one or more words; a trailing ``*`` on a word matches any ending (``prevent*``). Matching is
case-insensitive and on whole words. Between the words of a rule the text may have white space, a hyphen, or
nothing (``grass roots`` matches ``grass roots``, ``grass-roots`` and ``grassroots``).

One compiled regular expression, shaped as a trie of the rules' first words, finds the tokens that can start a
rule (a single C-level scan of the text); only those are looked up in the dictionaries of first words (exact, and
by the stems of wildcard words) and followed word by word. The cost grows with the text and the number of
candidate tokens, not with the number of rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from transforms.errors import TaxonomyError

T = TypeVar("T")

_WORD = re.compile(r"\w+\*?")
_NEXT_WORD = re.compile(r"(?:\s+|\s*-\s*)(\w+)")  # the separator a rule allows, then the next whole token


# Symbols of a rule's spelling besides its letters: the end of an exact word, a wildcard ending, a separator.
_WORD_END, _ANY_ENDING, _GAP = "\x00", "\x01", "\x02"
_MAX_REMEMBERED = 100_000
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
        # The first token of every place where some rule matches in full; the rules are then told apart in Python.
        rules_by_first = [*self._exact.values(), *self._stems.values()]
        spellings = [_symbols(r.words) for rs in rules_by_first for r in rs]
        pattern = r"\b(?=" + trie_pattern(spellings) + r")\w+" if spellings else r"(?!)"
        self._first = re.compile(pattern)  # over lower-cased text: 2x faster than re.IGNORECASE
        self._first_ignorecase = re.compile(pattern, re.IGNORECASE)

    def _candidates(self, token: str) -> list[Rule[T]]:
        found = self._seen.get(token)
        if found is None:  # few distinct tokens start a match: remember each one's rules (up to a bound)
            found = self._lookup(token)
            if len(self._seen) < _MAX_REMEMBERED:
                self._seen[token] = found
        return found

    def _lookup(self, token: str) -> list[Rule[T]]:
        found = list(self._exact.get(token, ()))
        for n in self._stem_lengths:
            if n > len(token):
                break
            found.extend(self._stems.get(token[:n], ()))
        return found

    def find(self, text: str) -> list[Match[T]]:
        """Every match, in order of position (several rules may match at one place)."""
        matches: list[Match[T]] = []
        lowered = text.lower()
        if len(lowered) == len(text):
            scan = self._first.finditer(lowered)
        else:  # a few characters (such as "İ") grow when lower-cased: keep offsets into the original text
            scan, lowered = self._first_ignorecase.finditer(text), text
        for m in scan:
            start, end = m.span()
            for rule in self._candidates(m.group(0).lower()):
                rule_end = self._match_rest(lowered, end, rule.words)
                if rule_end is not None:
                    matches.append(Match(start, rule_end, rule))
        return matches

    @staticmethod
    def _match_rest(text: str, end: int, words: tuple[Word, ...]) -> int | None:
        for word in words[1:]:
            m = _NEXT_WORD.match(text, end)
            if m is None or not word.matches(m.group(1).lower()):
                return None
            end = m.end()
        return end
