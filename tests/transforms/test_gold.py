"""Segmentation of every corpus in tests/data/corpora against its hand-checked gold file."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.evaluation import load_gold
from tests.conftest import CORPORA
from transforms.decoding import read_document
from transforms.evaluate import PRF, gold_sentences, sentence_boundary_prf
from transforms.records import Document, RawFile
from transforms.segment import segment_document

SENTENCE_F1_FLOOR = 0.99


def _read(corpus: Path, path: str) -> Document:
    doc = read_document(RawFile(path, (corpus / "raw" / path).read_bytes()))
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_articles_match_gold(corpus: Path) -> None:
    for gold_doc in load_gold(corpus / "gold.json")["documents"]:
        doc = _read(corpus, gold_doc["path"])
        assert doc.encoding == gold_doc["encoding"]
        articles = segment_document(doc)
        got = [
            {"title": a.title, "series": a.series, "author": a.author,
             "author_role": a.byline.role if a.byline else None,
             "credits": [f"{c.role}: {c.name}" for c in a.credits], "kinds": [p.kind.value for p in a.paragraphs]}
            for a in articles
        ]
        want = [
            {"title": a["title"], "series": a["series"], "author": a["author"], "author_role": a["author_role"],
             "credits": a.get("credits", []),
             "kinds": [p["kind"] for p in a["paragraphs"]]}
            for a in gold_doc["articles"]
        ]
        assert got == want


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_sentence_boundaries_match_gold(corpus: Path) -> None:
    n_predicted = 0
    for gold_doc in load_gold(corpus / "gold.json")["documents"]:
        doc = _read(corpus, gold_doc["path"])
        spans = [(s.char_start, s.char_end) for a in segment_document(doc) for s in a.sentences]
        prf = sentence_boundary_prf(doc.text, spans, gold_sentences(gold_doc))
        assert prf.f1 >= SENTENCE_F1_FLOOR, (gold_doc["path"], prf)
        n_predicted += len(spans)
    assert n_predicted > 0


def test_boundary_f1_counts_misses_and_extras() -> None:
    text = "One. Two. Three."
    assert sentence_boundary_prf(text, [(0, 4), (5, 9), (10, 16)], ["One.", "Two.", "Three."]).f1 == 1.0
    merged = sentence_boundary_prf(text, [(0, 9), (10, 16)], ["One.", "Two.", "Three."])
    assert merged == PRF(1.0, 2 / 3, 0.8)
