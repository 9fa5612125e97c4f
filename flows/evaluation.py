"""Run segmentation and tagging over a corpus with a gold file and score it (``corpus-pipeline evaluate``)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.io import read_regular
from transforms.decoding import read_document
from transforms.errors import InputError
from transforms.evaluate import Tally, document_errors, score_document
from transforms.pages import LAYOUTS, gold_document, lay_out
from transforms.records import Document, LineRole, RawFile
from transforms.segment import segment_lines
from transforms.theme_eval import CodedUnit, coded_units
from transforms.themes import Taxonomy, tag_articles


def load_gold(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(read_regular(path)))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"the gold file {path} cannot be read: {exc}") from exc


def evaluate_corpus(raw_dir: Path, gold: dict[str, Any], taxonomy: Taxonomy) -> Tally:
    """Scores summed over the gold file's documents, read from ``raw_dir``."""
    total = Tally()
    for coded in gold["documents"]:
        doc = _read_gold_document(raw_dir, coded["path"])
        total.add(evaluate_document(doc, coded, taxonomy))
    return total


def corpora_under(folder: Path) -> list[Path]:
    """Every ``<name>/`` under ``folder`` that holds a ``raw/`` dir and a ``gold.json``."""
    return sorted(p for p in folder.iterdir() if (p / "gold.json").is_file() and (p / "raw").is_dir())


def evaluate_document(doc: Document, coded: dict[str, Any], taxonomy: Taxonomy) -> Tally:
    """One document segmented, tagged and scored against its gold."""
    articles, lines = segment_lines(doc)
    scores = tag_articles(taxonomy, articles)
    primary = {a.article_id: s[0].theme_id if (s := scores[a.article_id]) else None for a in articles}
    return score_document(doc.text, articles, primary, coded, _line_roles(lines))


def _line_roles(lines: Sequence[LineRole]) -> list[tuple[int, int, str]]:
    """Each line's role as ``transforms.evaluate`` takes them: ``(char_start, char_end, role)``."""
    return [(line.char_start, line.char_end, line.role) for line in lines]


HELD_OUT_FILE = "held_out.txt"


def held_out_sets(folder: Path) -> set[str]:
    """The sets of page captures kept out of tuning the rules, named one a line in ``folder/held_out.txt``."""
    path = folder / HELD_OUT_FILE
    return set(read_regular(path).decode("utf-8").split()) if path.is_file() else set()


def page_sets(folder: Path) -> list[Path]:
    """Every set of page captures under ``folder`` (``<set>/NN.txt`` with ``NN.json``), in the order of their
    names' numbers (h2 before h10)."""
    sets = [p for p in folder.iterdir() if p.is_dir() and any(p.glob("*.json"))]
    return sorted(sets, key=lambda p: set_order(p.name))


def set_order(name: str) -> tuple[str, int]:
    """A set's place in a listing: by the letters of its name, then its number (``h2`` before ``h10``)."""
    stem = name.rstrip("0123456789")
    return stem, int(name[len(stem):] or 0)


def laid_out_captures(folder: Path, layouts: tuple[str, ...], skip: set[str] | frozenset[str] = frozenset()
                      ) -> Iterator[tuple[str, str, Document, dict[str, Any]]]:
    """Each page capture under ``folder`` (but for the sets named in ``skip``) laid out in each of ``layouts`` as
    ``transforms.pages`` lays them out: its set's name, the layout, the document and its gold document."""
    for pages in page_sets(folder):
        if pages.name in skip:
            continue
        for gold_path in sorted(pages.glob("*.json")):
            name = f"{pages.name}/{gold_path.stem}.txt"
            gold = load_gold(gold_path)
            try:
                capture = read_regular(gold_path.with_suffix(".txt")).decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"the capture of {gold_path} cannot be read: {exc}") from exc
            for layout in layouts:
                doc = read_document(RawFile(name, lay_out(capture, gold, layout).encode("utf-8")))
                if not isinstance(doc, Document):
                    raise InputError(f"{name} laid out {layout} was rejected: {doc.message}")
                yield pages.name, layout, doc, gold_document(name, gold)


def evaluate_pages(folder: Path, taxonomy: Taxonomy, layouts: tuple[str, ...] = LAYOUTS
                   ) -> dict[tuple[str, str], Tally]:
    """Scores per (set, layout) of the page captures under ``folder``, each laid out as ``transforms.pages``
    lays them out."""
    tallies: dict[tuple[str, str], Tally] = {}
    for set_name, layout, doc, coded in laid_out_captures(folder, layouts):
        tallies.setdefault((set_name, layout), Tally()).add(evaluate_document(doc, coded, taxonomy))
    return tallies


def page_errors(folder: Path, layout: str = "as_found") -> Iterator[tuple[str, list[str]]]:
    """For each capture of the tuned sets under ``folder`` laid out ``layout``: its name and what the parser
    gets wrong against its gold (``transforms.evaluate.document_errors``; captures with none are left out). The
    held-out sets are never listed: their errors stay unread, so that their figures stay a fair test."""
    for _, _, doc, coded in laid_out_captures(folder, (layout,), skip=held_out_sets(folder)):
        articles, lines = segment_lines(doc)
        errors = document_errors(doc.text, articles, coded, _line_roles(lines))
        if errors:
            yield doc.path, errors


@dataclass(frozen=True, slots=True)
class ThemeSet:
    """A set of theme-coded texts (``tests/data/themes/README.md``), scored unit by unit."""

    name: str
    split: str  # tuning or held_apart
    units: list[CodedUnit]
    second: list[CodedUnit] = field(default_factory=list)  # a second coder's articles (none: coded once)


SPLITS = ("tuning", "held_apart")
SECOND_CODER = "second_coder.json"  # a set's second, independent coding, at the article level


def evaluate_themes(folder: Path, taxonomy: Taxonomy) -> list[ThemeSet]:
    """Every theme gold set under ``folder`` coded with ``taxonomy``'s codebook, segmented, tagged and aligned."""
    found = []
    for corpus in corpora_under(folder):
        gold = load_gold(corpus / "gold.json")
        if gold.get("taxonomy") != taxonomy.taxonomy_id:
            continue
        split = gold.get("split")
        if split not in SPLITS:
            raise InputError(f"{corpus / 'gold.json'}: split must be one of {', '.join(SPLITS)}, not {split!r}")
        second_path = corpus / SECOND_CODER
        second = _second_coding(second_path, gold) if second_path.is_file() else {}
        units: list[CodedUnit] = []
        second_units: list[CodedUnit] = []
        for coded in gold["documents"]:
            doc = _read_gold_document(corpus / "raw", coded["path"])
            articles, _ = segment_lines(doc)
            scores = tag_articles(taxonomy, articles)
            cluster = f"{corpus.name}/{coded['path']}"
            try:
                units += coded_units(doc.text, articles, scores, coded, cluster)
                if coded["path"] in second:
                    second_units += coded_units(doc.text, articles, scores, second[coded["path"]], cluster)
            except ValueError as exc:
                raise InputError(f"{cluster}: {exc}") from exc
        for name, coding in (("gold.json", units), (SECOND_CODER, second_units)):
            unknown = {t for u in coding for t in u.gold} - set(taxonomy.theme_ids)
            if unknown:
                raise InputError(f"{corpus / name} codes themes the taxonomy does not have: {sorted(unknown)}")
        found.append(ThemeSet(corpus.name, split, units, second_units))
    return found


def _second_coding(path: Path, gold: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A second coder's article-level coding of a set (``tests/data/themes/README.md``), by document path. It must
    code every article of the set, by the same titles in the same order, so that the two codings pair up."""
    second = load_gold(path)
    by_path = {d["path"]: d for d in second.get("documents", ())}
    for coded in gold["documents"]:
        other = by_path.get(coded["path"])
        titles = [a["title"] for a in coded["articles"]]
        if other is None or [a["title"] for a in other["articles"]] != titles:
            raise InputError(f"{path} does not code the articles of {coded['path']} as gold.json does: {titles}")
    if len(by_path) != len(gold["documents"]):
        raise InputError(f"{path} codes documents that gold.json does not: "
                         f"{sorted(set(by_path) - {d['path'] for d in gold['documents']})}")
    return by_path


def _read_gold_document(raw_dir: Path, path: str) -> Document:
    try:
        data = read_regular(raw_dir / path)
    except OSError as exc:
        raise InputError(f"{raw_dir / path} (named in the gold file) cannot be read: {exc.strerror}") from exc
    doc = read_document(RawFile(path, data))
    if not isinstance(doc, Document):
        raise InputError(f"{path} is in the gold file but was rejected: {doc.message}")
    return doc
