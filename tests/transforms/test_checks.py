"""The code checks against plain Python references (the checks as first written, row by row), on tables with
generated damage: the vectorised checks must find the same failing rows, with the same messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.transforms.helpers import document
from transforms.checks import MAX_EXAMPLES, CheckResult, _result, check_counts, check_list_values, check_offsets
from transforms.records import TaggedDocument
from transforms.segment import segment_lines
from transforms.tables import build_tables
from transforms.themes import Taxonomy, tag_articles

TEXTS = (
    "Build a safer country\n-- On the conference\nThe conference met. Risks were discussed.\n"
    "-- Prevent hidden dangers. Rescue teams must be ready.\nWriter: Zhang Nan).\n",
    "安全生产\n防范化解重大风险。应急救援队伍要时刻准备。\n\nSecond title\nFlood control and disaster relief. "
    "Emergency rescue.\nWriter: Li Wei).\n",
)


def built(taxonomy: Taxonomy) -> dict[str, pa.Table]:
    tagged = []
    for i, text in enumerate(TEXTS):
        doc = document(text, f"doc{i}.txt")
        arts, lines = segment_lines(doc)
        tagged.append(TaggedDocument(doc, arts, tag_articles(taxonomy, arts), lines))
    return build_tables(tagged, [], taxonomy)


def reference_offsets(tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    docs = tables["documents"].select(["doc_id", "text"]).to_pydict()
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    results = []
    for name in OFFSET_UNITS:
        key = tables[name].schema.names[0]
        has_text = "text" in tables[name].schema.names
        needed = [key, "doc_id", "char_start", "char_end", *(["text"] if has_text else [])]
        cols = tables[name].select(needed).to_pydict()
        failures = []
        for i, doc_id in enumerate(cols["doc_id"]):
            start, end = cols["char_start"][i], cols["char_end"][i]
            doc_text = texts.get(doc_id)
            if doc_text is None:
                failures.append(f"{cols[key][i]}: document {doc_id} does not exist")
            elif not (0 <= start < end <= len(doc_text)):
                failures.append(f"{cols[key][i]}: offsets [{start}, {end}) outside 0..{len(doc_text)}")
            elif has_text and doc_text[start:end] != cols["text"][i]:
                failures.append(f"{cols[key][i]}: text differs from documents.text[{start}:{end}]")
        results.append(_result(name, "offsets_point_into_document_text", failures))
    return results


def reference_list_values(tables: Mapping[str, pa.Table], theme_ids: Iterable[str]) -> list[CheckResult]:
    allowed = set(theme_ids)
    results = []
    for name in ("articles", "paragraphs", "sentences"):
        key = tables[name].schema.names[0]
        cols = tables[name].select([key, "themes", "primary_theme", "theme_status", "theme_margin"]).to_pydict()
        failures = []
        for unit, themes, primary, status, margin in zip(*cols.values(), strict=True):
            unknown = [t for t in themes if t not in allowed]
            if unknown:
                failures.append(f"{unit}: unknown theme ids {unknown}")
            elif (status == "none") != (primary is None) or (status == "none") != (margin is None):
                failures.append(f"{unit}: theme_status {status!r} does not fit primary_theme {primary!r} and "
                                f"theme_margin {margin!r}")
            elif (themes[0] if themes else None) != primary:
                failures.append(f"{unit}: primary_theme {primary!r} is not the first of {themes}")
        results.append(_result(name, "themes_in_taxonomy_and_primary_first", failures))
    return results


def reference_counts(tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    def counts(table: str, parent: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for v in tables[table].column(parent).to_pylist():
            out[v] = out.get(v, 0) + 1
        return out

    specs: list[tuple[str, str, str, str, Callable[[], dict[str, int]]]] = [
        ("documents", "doc_id", "n_articles", "articles", lambda: counts("articles", "doc_id")),
        ("articles", "article_id", "n_paragraphs", "paragraphs", lambda: counts("paragraphs", "article_id")),
        ("articles", "article_id", "n_sentences", "sentences", lambda: counts("sentences", "article_id")),
        ("paragraphs", "paragraph_id", "n_sentences", "sentences", lambda: counts("sentences", "paragraph_id")),
    ]
    results = []
    for table, key, column, child, actual_counts in specs:
        actual = actual_counts()
        keys, stored = tables[table].column(key).to_pylist(), tables[table].column(column).to_pylist()
        failures = [
            f"{k}: {column}={n} but {actual.get(k, 0)} {child} rows"
            for k, n in zip(keys, stored, strict=True)
            if actual.get(k, 0) != n
        ]
        results.append(_result(table, f"{column}_matches_{child}", failures))
    return results


def _set(table: pa.Table, column: str, row: int, value: Any) -> pa.Table:
    i = table.schema.get_field_index(column)
    values = table.column(column).to_pylist()
    values[row % len(values)] = value
    return table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))


UNITS = ("articles", "paragraphs", "sentences")
OFFSET_UNITS = (*UNITS, "lines")  # the tables with offsets into documents.text
END = "the end of the row's document"  # a char_end just in bounds
IDS = ("risk_prevention", "emergency_rescue", "unknown_theme", None)

damage = st.one_of(
    st.tuples(st.sampled_from(OFFSET_UNITS), st.sampled_from(["char_start", "char_end"]), st.integers(0, 40),
              st.integers(-3, 400)),  # no nulls: the reference cannot compare them
    st.tuples(st.sampled_from(OFFSET_UNITS), st.just("char_end"), st.integers(0, 40), st.just(END)),
    st.tuples(st.sampled_from(OFFSET_UNITS), st.just("doc_id"), st.integers(0, 40), st.sampled_from(["d-nope", None])),
    st.tuples(st.sampled_from(["paragraphs", "sentences"]), st.just("text"), st.integers(0, 40),
              st.sampled_from(["", "changed", "安全"])),
    st.tuples(st.sampled_from(UNITS), st.just("themes"), st.integers(0, 40),
              st.lists(st.sampled_from(IDS[:3]), max_size=3)),
    st.tuples(st.sampled_from(UNITS), st.just("primary_theme"), st.integers(0, 40), st.sampled_from(IDS)),
    st.tuples(st.sampled_from(UNITS), st.just("theme_status"), st.integers(0, 40),
              st.sampled_from(["none", "single", "mixed"])),
    st.tuples(st.sampled_from(UNITS), st.just("theme_margin"), st.integers(0, 40), st.sampled_from([None, 0.5])),
    st.tuples(st.sampled_from(["documents", "articles", "paragraphs"]),
              st.sampled_from(["n_articles", "n_paragraphs", "n_sentences"]), st.integers(0, 40),
              st.integers(0, 5) | st.none()),
)


def _summary(results: Iterable[CheckResult]) -> list[tuple[Any, ...]]:
    return [(r.table, r.check, r.success, r.failing_count, r.examples) for r in results]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damages=st.lists(damage, max_size=6), drop=st.sampled_from(["", *UNITS]),
       known=st.sampled_from([None, ["risk_prevention"]]), whole=st.sampled_from(["", *UNITS]))
def test_checks_find_what_the_row_by_row_references_find(
    taxonomy: Taxonomy, damages: list[tuple[str, str, int, Any]], drop: str, known: list[str] | None, whole: str
) -> None:
    tables = built(taxonomy)
    if whole:  # every row of a table fails (more failing rows than examples kept)
        t = tables[whole]
        tables[whole] = t.set_column(t.schema.get_field_index("char_start"), "char_start",
                                     pa.compute.add(t.column("char_start"), 1))
        tables[whole] = _set(tables[whole], "primary_theme", 0, "unknown_theme")
    for name, column, row, value in damages:
        if value == END:
            doc_id = tables[name].column("doc_id")[row % tables[name].num_rows].as_py()
            texts = dict(zip(*tables["documents"].select(["doc_id", "text"]).to_pydict().values(), strict=True))
            value = len(texts[doc_id]) if doc_id in texts else 0
        if column in tables[name].schema.names:
            tables[name] = _set(tables[name], column, row, value)
    if drop:
        tables[drop] = tables[drop].slice(1)  # a child row gone: counts and references change
    theme_ids = known or list(taxonomy.theme_ids)
    checks: list[tuple[Callable[..., list[CheckResult]], Callable[..., list[CheckResult]], tuple[Any, ...]]] = [
        (check_offsets, reference_offsets, ()),
        (check_list_values, reference_list_values, (theme_ids,)),
        (check_counts, reference_counts, ()),
    ]
    for check, reference, extra in checks:
        assert _summary(check(tables, *extra)) == _summary(reference(tables, *extra)), check.__name__


def test_failures_keep_only_the_first_examples() -> None:
    result = _result("t", "c", [f"row {i}" for i in range(MAX_EXAMPLES + 3)])
    assert result.failing_count == MAX_EXAMPLES + 3 and len(result.examples) == MAX_EXAMPLES

