"""Phrase rules matched over word tokens, many rules in one pass.

A rule is one or more words; a trailing ``*`` on a word matches any ending (``prevent*``). Matching is
case-insensitive and on whole words. Between the words of a rule the text may have white space, a hyphen, or
nothing (``grass roots`` matches ``grass roots``, ``grass-roots`` and ``grassroots``).

The text is split into ``\\w+`` tokens once; each token is looked up in a dictionary of first words (exact, and
by the stems of wildcard words), so the cost grows with the text, not with the number of rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from transforms.errors import TaxonomyError

T = TypeVar("T")

_TOKEN = re.compile(r"\w+")
_WORD = re.compile(r"\w+\*?")
_SEPARATOR = re.compile(r"\s+|\s*-\s*")


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

    def _candidates(self, token: str) -> list[Rule[T]]:
        found = list(self._exact.get(token, ()))
        for n in self._stem_lengths:
            if n > len(token):
                break
            found.extend(self._stems.get(token[:n], ()))
        return found

    def find(self, text: str) -> list[Match[T]]:
        """Every match, in order of position (several rules may match at one place)."""
        tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
        matches: list[Match[T]] = []
        for i, (start, _, token) in enumerate(tokens):
            for rule in self._candidates(token):
                end = self._match_rest(text, tokens, i, rule.words)
                if end is not None:
                    matches.append(Match(start, end, rule))
        return matches

    @staticmethod
    def _match_rest(text: str, tokens: list[tuple[int, int, str]], i: int, words: tuple[Word, ...]) -> int | None:
        end = tokens[i][1]
        for k, word in enumerate(words[1:], start=1):
            if i + k >= len(tokens):
                return None
            start, next_end, token = tokens[i + k]
            if not word.matches(token) or not _SEPARATOR.fullmatch(text, end, start):
                return None
            end = next_end
        return end
