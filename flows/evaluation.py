"""Run segmentation and tagging over a corpus with a gold file and score it (``corpus-pipeline evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flows.io import read_regular
from transforms.decoding import read_document
from transforms.errors import InputError
from transforms.evaluate import Tally, score_document
from transforms.records import Document, RawFile
from transforms.segment import segment_document
from transforms.themes import Taxonomy, tag_articles


def load_gold(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(read_regular(path)))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"the gold file {path} cannot be read: {exc}") from exc


def evaluate_corpus(raw_dir: Path, gold: dict[str, Any], taxonomy: Taxonomy) -> Tally:
    """Scores summed over the gold file's documents, read from ``raw_dir``."""
    total = Tally()
    for gold_document in gold["documents"]:
        path = gold_document["path"]
        try:
            data = read_regular(raw_dir / path)
        except OSError as exc:
            raise InputError(f"{raw_dir / path} (named in the gold file) cannot be read: {exc.strerror}") from exc
        doc = read_document(RawFile(path, data))
        if not isinstance(doc, Document):
            raise InputError(f"{path} is in the gold file but was rejected: {doc.message}")
        articles = segment_document(doc)
        scores = tag_articles(taxonomy, articles)
        primary = {a.article_id: s[0].theme_id if (s := scores[a.article_id]) else None for a in articles}
        total.add(score_document(doc.text, articles, primary, gold_document))
    return total


def corpora_under(folder: Path) -> list[Path]:
    """Every ``<name>/`` under ``folder`` that holds a ``raw/`` dir and a ``gold.json``."""
    return sorted(p for p in folder.iterdir() if (p / "gold.json").is_file() and (p / "raw").is_dir())
