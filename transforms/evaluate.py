"""Scoring segmentation against a hand-checked gold file.

A gold file (JSON) lists a corpus's documents and, for each, its articles in reading order::

    {"documents": [{"path": str,
                    "articles": [{"title": str, "series": str | null, "author": str | null,
                                  "paragraphs": [{"kind": "body" | "thesis_point",
                                                  "sentences": [str, ...]}, ...]}, ...]}, ...]}

Sentence boundaries are compared as the character offsets where sentences end, after locating each gold
sentence in the normalised text in reading order; precision, recall and F1 follow the usual definitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, predicted: set[Any], gold: set[Any]) -> PRF:
        hits = len(predicted & gold)
        p = hits / len(predicted) if predicted else float(not gold)
        r = hits / len(gold) if gold else float(not predicted)
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def locate(text: str, pieces: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of each piece in ``text``, searched in order; raises ValueError for a piece not found."""
    spans, pos = [], 0
    for piece in pieces:
        start = text.find(piece, pos)
        if start < 0:
            raise ValueError(f"gold text not found after offset {pos}: {piece[:60]!r}")
        spans.append((start, start + len(piece)))
        pos = start + len(piece)
    return spans


def gold_sentences(gold_document: dict[str, Any]) -> list[str]:
    return [s for a in gold_document["articles"] for p in a["paragraphs"] for s in p["sentences"]]


def sentence_boundary_prf(text: str, predicted: Sequence[tuple[int, int]], gold: Sequence[str]) -> PRF:
    gold_ends = {end for _, end in locate(text, gold)}
    return PRF.of({end for _, end in predicted}, gold_ends)
