"""The committed Great Expectations suites, run for real over built tables."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from flows import validation
from flows.catalog import Catalog
from flows.validation import (
    Validation,
    _configurations_memoised,
    _gx_batch_definition,
    _gx_check,
    _gx_frame,
    _repeated_keys,
    _run_suite,
    load_suite,
    validate_shards,
    validate_tables,
)
from tests.transforms.helpers import document
from tests.transforms.test_tables import TEXT, build
from transforms.records import TaggedDocument
from transforms.schema import TABLES, THEME_IDS
from transforms.segment import segment_lines
from transforms.tables import build_tables
from transforms.themes import Taxonomy, tag_articles


@pytest.fixture(scope="module")
def suites() -> dict[str, dict]:
    catalog = Catalog(Path("raw"), Path("out"))
    return {t.name: load_suite(catalog, t.name) for t in TABLES}


def replace(table: pa.Table, column: str, values: list) -> pa.Table:
    i = table.schema.get_field_index(column)
    return table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))


def test_good_tables_pass(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    report = validate_tables(build(taxonomy), suites, list(taxonomy.theme_ids))
    assert report.success, report.summary()
    assert set(report.details) == {t.name for t in TABLES}
    assert report.summary()["expectations_evaluated"] > 100


def test_orphan_ids_and_bad_values_block(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    tables = build(taxonomy)
    n = tables["sentences"].num_rows
    tables["sentences"] = replace(tables["sentences"], "paragraph_id", ["no-such-paragraph"] * n)
    tags = tables["theme_tags"]
    tables["theme_tags"] = replace(tags, "score", [1.5] * tags.num_rows)
    report = validate_tables(tables, suites, list(taxonomy.theme_ids))
    assert not report.success
    blocking = {(r.table, r.check): r for r in report.blocking}
    orphan = blocking[("sentences", "paragraph_id_exists_in_paragraphs")]
    assert orphan.failing_count == n and orphan.examples[0] == "no-such-paragraph"
    assert ("theme_tags", "expect_column_values_to_be_between(score)") in blocking
    # the code check (offsets) is reported in the same list
    assert all(r.source in {"gx", "code"} for r in report.results)


def test_unknown_theme_ids_block(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    report = validate_tables(build(taxonomy), suites, ["risk_prevention"])
    assert any(r.table == "theme_tags" and "theme_id" in r.check for r in report.blocking)


def test_warnings_are_recorded_but_do_not_block(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    tables = build(taxonomy)
    sentences = tables["sentences"]
    tables["sentences"] = replace(sentences, "n_words", [500] * sentences.num_rows)
    report = validate_tables(tables, suites, list(taxonomy.theme_ids))
    assert report.success
    assert [(w.table, w.check) for w in report.warnings] == [
        ("sentences", "expect_column_values_to_be_between(n_words)")
    ]


def test_shards_are_checked_across_for_repeated_keys(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    tables = build(taxonomy)
    validation = Validation(suites, list(taxonomy.theme_ids))
    validation.add_shard(tables)
    validation.add_shard(tables)  # the same documents again, in a second shard
    validation.add_tables({name: tables[name] for name in ("authors", "themes", "rejected")})
    report = validation.finish()
    repeated = {(r.table, r.check): r for r in report.blocking}
    key = ("documents", "expect_column_values_to_be_unique(doc_id) (across shards)")
    assert repeated[key].failing_count == tables["documents"].num_rows
    assert ("sentences", "expect_column_values_to_be_unique(sentence_id) (across shards)") in repeated
    # every check inside a shard passed: only the totals see the repeats
    assert all("across shards" in r.check for r in report.blocking)
    assert report.details["sentences"]["shards"] == 2


def test_the_ids_below_a_document_are_held_within_it(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    validation = Validation(suites, list(taxonomy.theme_ids))
    validation.add_shard(build(taxonomy))
    held = validation.within_documents()
    children = {(name, label) for name in ("articles", "paragraphs", "sentences", "lines", "theme_tags")
                for label, _ in validation._unique[name]}
    assert set(held) == children and set(held.values()) == {len("d-0123456789ab")}


def test_a_key_that_does_not_name_its_document_is_checked_by_its_hashes(taxonomy: Taxonomy,
                                                                        suites: dict[str, dict]) -> None:
    tables = build(taxonomy)
    first, second = dict(tables), dict(tables)
    n = tables["sentences"].num_rows
    # in each shard the sentences' ids are unique, but not within their documents, and the same in both shards
    first["sentences"] = replace(tables["sentences"], "sentence_id", [f"s{i}" for i in range(n)])
    second["sentences"] = first["sentences"]
    second["documents"] = replace(tables["documents"], "doc_id",
                                  [f"d-{i:012x}" for i in range(tables["documents"].num_rows)])
    label = ("sentences", "expect_column_values_to_be_unique(sentence_id)")
    shards = []
    for shard_tables in (first, second):
        shard = Validation(suites, list(taxonomy.theme_ids))
        shard.add_shard(shard_tables)
        assert label not in shard.within_documents()
        shards.append(shard)
    assert label not in Validation.held_within([s.within_documents() for s in shards])
    merged = Validation(suites, list(taxonomy.theme_ids))
    for shard in shards:
        merged.add_checked(shard.results(), shard.row_counts, shard.hashes(), within=shard.within_documents())
    across = {(r.table, r.check): r for r in merged.finish().results if "across shards" in r.check}
    assert across[(label[0], f"{label[1]} (across shards)")].failing_count == n
    # the second shard's documents have other ids, which its articles' ids do not extend: their hashes decide
    articles = across[("articles", "expect_column_values_to_be_unique(article_id) (across shards)")]
    assert articles.failing_count == tables["articles"].num_rows
    assert across[("documents", "expect_column_values_to_be_unique(doc_id) (across shards)")].success


def test_keys_held_within_documents_need_no_hashes_across_shards(taxonomy: Taxonomy, suites: dict[str, dict]
                                                                 ) -> None:
    tables = build(taxonomy)
    shard = Validation(suites, list(taxonomy.theme_ids))
    shard.add_shard(tables)
    held = Validation.held_within([shard.within_documents()] * 2)
    assert held == set(shard.within_documents())
    only_documents = {label: array for label, array in shard.hashes().items() if label not in held}
    assert {table for table, _ in only_documents} == {"documents"}
    merged = Validation(suites, list(taxonomy.theme_ids))
    for _ in range(2):  # the same documents in two shards, only the documents' hashes read back
        merged.add_checked(shard.results(), shard.row_counts, only_documents, within=shard.within_documents())
    report = merged.finish()
    failed = {(r.table, r.check): r.failing_count for r in report.blocking}
    n_documents = tables["documents"].num_rows
    assert failed[("documents", "expect_column_values_to_be_unique(doc_id) (across shards)")] == n_documents
    assert failed[("sentences", "expect_column_values_to_be_unique(sentence_id) (across shards)")] == n_documents
    # doc_ids of another length in one shard: its keys do not name their documents the same way
    assert Validation.held_within([shard.within_documents(), {k: v + 1 for k, v in shard.within_documents().items()}]
                                  ) == set()


def test_row_counts_are_checked_on_the_totals(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    tables = build(taxonomy)
    empty = {name: t.slice(0, 0) for name, t in tables.items()}
    validation = Validation(suites, list(taxonomy.theme_ids))
    validation.add_shard(tables)
    validation.add_shard(empty)  # a shard without rows is fine when the run has rows
    report = validation.finish()
    assert not [r for r in report.results if "row_count" in r.check and not r.success]
    validation = Validation(suites, list(taxonomy.theme_ids))
    validation.add_shard(empty)
    assert ("documents", "expect_table_row_count_to_be_between (all shards)") in {
        (r.table, r.check) for r in validation.finish().blocking}


def test_gx_does_not_fingerprint_batch_frames() -> None:
    """GX hashes every batch frame for a fingerprint nothing here reads; the setup turns that off. If a GX
    upgrade moves the switch, this fails rather than validation silently getting slower."""
    frame = pa.table({"x": [1, 2, 3]}).to_pandas()
    batch = _gx_batch_definition().get_batch(batch_parameters={"dataframe": frame})
    assert "pandas_data_fingerprint" not in batch.batch_markers


def _one_summary_run(name: str, table: pa.Table, suite_json: dict, theme_ids: list[str]) -> list:
    """The reference: the suite run once with GX's SUMMARY result format."""
    import great_expectations as gx

    batch = _gx_batch_definition().get_batch(batch_parameters={"dataframe": _gx_frame(table)})
    result = batch.validate(gx.ExpectationSuite(**suite_json), expectation_parameters={THEME_IDS: theme_ids},
                            result_format="SUMMARY")
    return [_gx_check(name, r) for r in result.results]


def _damaged(taxonomy: Taxonomy, damage: str, path: str | None = None) -> dict[str, pa.Table]:
    tables = build(taxonomy) if path is None else _built_at(taxonomy, path)
    sentences = tables["sentences"]
    if damage == "blocking":
        tables["sentences"] = replace(sentences, "char_start", [-1] * sentences.num_rows)
    elif damage == "warning":
        tables["sentences"] = replace(sentences, "n_words", [500] * sentences.num_rows)
    return tables


@pytest.mark.parametrize("damage", ["none", "blocking", "warning"])
def test_memoised_configurations_leave_gx_results_as_they_were(taxonomy: Taxonomy, suites: dict[str, dict],
                                                               damage: str) -> None:
    """Inside ``_configurations_memoised`` GX reads each expectation's configuration from a memo; every result
    (the whole JSON GX returns, SUMMARY and BOOLEAN_ONLY) must be what GX's own property gives outside it."""
    import great_expectations as gx

    tables = _damaged(taxonomy, damage)
    params = {THEME_IDS: list(taxonomy.theme_ids)}
    for name, suite_json in suites.items():
        batch = _gx_batch_definition().get_batch(batch_parameters={"dataframe": _gx_frame(tables[name])})
        for result_format in ("SUMMARY", "BOOLEAN_ONLY"):
            plain = batch.validate(gx.ExpectationSuite(**suite_json), expectation_parameters=params,
                                   result_format=result_format).to_json_dict()
            with _configurations_memoised():
                memoised = batch.validate(gx.ExpectationSuite(**suite_json), expectation_parameters=params,
                                          result_format=result_format).to_json_dict()
                assert validation._memo.entries, "the memo was not consulted: has GX's property moved?"
            for result in (plain, memoised):  # when GX loaded the batch: not a result
                result["meta"]["batch_markers"].pop("ge_load_time")
            assert memoised == plain, (name, result_format)
    assert validation._memo.entries is None  # the memo lives only inside the block


@pytest.mark.parametrize("damage", ["none", "blocking", "warning"])
def test_suites_report_what_one_summary_run_reports(taxonomy: Taxonomy, suites: dict[str, dict], damage: str
                                                    ) -> None:
    tables = _damaged(taxonomy, damage)
    ids = list(taxonomy.theme_ids)
    for name, suite in suites.items():
        assert _run_suite(name, tables[name], suite, ids) == _one_summary_run(name, tables[name], suite, ids), name


def test_a_mostly_expectation_that_passes_still_counts_its_failing_rows(taxonomy: Taxonomy) -> None:
    sentences = build(taxonomy)["sentences"]
    suite = {"name": "mostly", "expectations": [{
        "type": "expect_column_values_to_be_between",
        "kwargs": {"column": "n_words", "min_value": 0, "max_value": 3, "mostly": 0.01},
    }]}
    [result] = _run_suite("sentences", sentences, suite, list(taxonomy.theme_ids))
    failing = sum(1 for n in sentences.column("n_words").to_pylist() if n > 3)
    assert result.success and failing > 0 and result.failing_count == failing


def test_shards_checked_where_they_are_built_add_up_as_if_checked_here(taxonomy: Taxonomy,
                                                                       suites: dict[str, dict]) -> None:
    tables = build(taxonomy)
    here = Validation(suites, list(taxonomy.theme_ids))
    elsewhere = Validation(suites, list(taxonomy.theme_ids))
    for _ in range(2):
        here.add_shard(tables)
        shard = Validation(suites, list(taxonomy.theme_ids))  # what a worker keeps in the shard's summary
        shard.add_shard(tables)
        elsewhere.add_checked(shard.results(), shard.row_counts, shard.hashes(), within=shard.within_documents())
    for v in (here, elsewhere):
        v.add_tables({name: tables[name] for name in ("authors", "themes", "rejected")})
    assert here.finish().summary() == elsewhere.finish().summary()
    assert here.row_counts == elsewhere.row_counts


def _built_at(taxonomy: Taxonomy, path: str) -> dict[str, pa.Table]:
    """The tables of ``build``'s text as the document at ``path`` (its own ids)."""
    doc = document(TEXT, path)
    arts, lines = segment_lines(doc)
    return build_tables([TaggedDocument(doc, arts, tag_articles(taxonomy, arts), lines)], [], taxonomy)


def _alone(suites: dict[str, dict], theme_ids: list[str], tables: dict[str, pa.Table]) -> Validation:
    validation = Validation(suites, theme_ids)
    validation.add_shard(tables)
    return validation


def test_a_group_of_shards_checked_together_gives_each_shard_its_own_results(
        taxonomy: Taxonomy, suites: dict[str, dict], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each shard's results, failing rows and key hashes are those it would have alone, whether its group's
    suites pass together (one GX run per table) or not (then per shard, for that table)."""
    theme_ids = list(taxonomy.theme_ids)
    shards = [_damaged(taxonomy, d, f"{i}.txt") for i, d in enumerate(("none", "blocking", "warning", "none"))]
    runs: list[str] = []
    run_suite = validation._run_suite
    monkeypatch.setattr(validation, "_run_suite", lambda name, *a: runs.append(name) or run_suite(name, *a))
    grouped = validate_shards(suites, theme_ids, shards)
    ran = list(runs)
    for tables, got in zip(shards, grouped, strict=True):
        alone = _alone(suites, theme_ids, tables)
        assert got.results() == alone.results()
        assert got.row_counts == alone.row_counts
        assert {k: v.tolist() for k, v in got.hashes().items()} == {k: v.tolist() for k, v in alone.hashes().items()}
    assert not grouped[0].results()[0].failing_count
    # sentences failed together, so they ran per shard; every other table ran once for the four shards
    assert ran.count("sentences") == 1 + 4
    assert all(ran.count(name) == 1 for name in set(ran) - {"sentences"})

    runs.clear()
    clean = [_damaged(taxonomy, "none", f"{i}.txt") for i in range(3)]
    validate_shards(suites, theme_ids, clean)
    assert sorted(runs) == sorted(set(runs))  # one run per table for the whole group


def test_a_suite_with_an_expectation_on_the_whole_table_is_run_per_shard(
        taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    """A mean (unlike a bound on each row) can pass on a group and fail on one of its shards: such a suite is
    never run on the group."""
    theme_ids = list(taxonomy.theme_ids)
    mean = {"type": "expect_column_mean_to_be_between",
            "kwargs": {"column": "n_words", "min_value": 0, "max_value": 100}, "meta": {}}
    changed = {**suites, "sentences": {**suites["sentences"],
                                       "expectations": [*suites["sentences"]["expectations"], mean]}}
    long_words = _damaged(taxonomy, "warning", "long.txt")  # every sentence 500 words: its mean fails alone
    shards = [long_words] + [_damaged(taxonomy, "none", f"{i}.txt") for i in range(30)]  # together under 100
    grouped = validate_shards(changed, theme_ids, shards)
    failed = [r for r in grouped[0].results() if r.check == "expect_column_mean_to_be_between(n_words)"]
    assert failed and not failed[0].success
    assert grouped[0].results() == _alone(changed, theme_ids, long_words).results()


def _repeats_by_sorting(parts: list[np.ndarray]) -> int:
    hashes = np.sort(np.concatenate(parts))
    return int(np.count_nonzero(hashes[1:] == hashes[:-1]))


def test_keys_of_a_published_snapshots_shards_are_looked_up_not_sorted_together() -> None:
    rng = np.random.default_rng(7)
    keys = rng.choice(np.arange(10_000, dtype=np.uint64), size=3_000, replace=False)
    published = [keys[:1000], keys[1000:2000]]  # unique across them, as a published snapshot's are
    fresh = np.concatenate([keys[2000:2500], keys[10:13], keys[1500:1502], keys[2000:2001]])  # 6 repeats
    parts = [*published, fresh]
    assert _repeated_keys(parts, [True, True, False]) == _repeats_by_sorting(parts) == 6
    assert _repeated_keys(published, [True, True]) == 0  # nothing new: nothing to look up
    assert _repeated_keys([fresh, fresh], [False, False]) == _repeats_by_sorting([fresh, fresh])
    assert _repeated_keys([keys[:5], np.empty(0, np.uint64)], [True, False]) == 0
    # keys spread over the whole 64-bit range, as hashes are, with repeats that share a prefix and keys that
    # share only the prefix of a fresh key
    wide = rng.integers(0, 2**64 - 1, size=50_000, dtype=np.uint64)
    wide = np.unique(wide)
    published = [wide[:20_000], wide[20_000:40_000]]
    near = wide[40_000:40_100] ^ np.uint64(1)  # same first 63 bits as fresh keys, another key each
    fresh = np.concatenate([wide[40_000:40_100], wide[5:9], wide[30_000:30_003]])  # 7 repeats
    parts = [*published, near, fresh]
    for flags in ([True, True, False, False], [True, True, True, False], [False, False, False, False]):
        assert _repeated_keys(parts, flags) == _repeats_by_sorting(parts) == 7


def test_a_shard_not_published_before_is_checked_against_the_published_ones(
        taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    tables = build(taxonomy)
    shard = Validation(suites, list(taxonomy.theme_ids))
    shard.add_shard(tables)
    for flags, fails in (((True, False), True), ((False, False), True), ((False, True), True)):
        validation = Validation(suites, list(taxonomy.theme_ids))
        for published in flags:
            validation.add_checked(shard.results(), shard.row_counts, shard.hashes(), published=published)
        validation.add_tables({name: tables[name] for name in ("authors", "themes", "rejected")})
        blocking = {(r.table, r.check) for r in validation.finish().blocking}
        assert (("documents", "expect_column_values_to_be_unique(doc_id) (across shards)") in blocking) is fails


def test_the_real_pages_build_tables_that_pass(taxonomy: Taxonomy, suites: dict[str, dict]) -> None:
    """Every hand-coded capture of a real page (letters with signatures, statements, listings, transcripts), as
    found, makes rows the suites accept: what the structural parser finds on real text is valid output."""
    from flows.evaluation import load_gold
    from tests.conftest import DATA
    from transforms.decoding import read_document
    from transforms.pages import lay_out
    from transforms.records import Document, RawFile

    tagged = []
    for gold_path in sorted((DATA / "pages").glob("*/*.json")):
        capture = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        name = f"{gold_path.parent.name}/{gold_path.stem}.txt"
        doc = read_document(RawFile(name, lay_out(capture, load_gold(gold_path), "as_found").encode("utf-8")))
        assert isinstance(doc, Document), name
        arts, lines = segment_lines(doc)
        tagged.append(TaggedDocument(doc, arts, tag_articles(taxonomy, arts), lines))
    tables = build_tables(tagged, [], taxonomy)
    assert "signatory" in tables["articles"].column("author_role").to_pylist()
    report = validate_tables(tables, suites, list(taxonomy.theme_ids))
    assert report.success, report.summary()
