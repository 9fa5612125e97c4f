"""Run the Great Expectations suites in ``expectations/`` and the code checks over the built tables."""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from flows.catalog import Catalog
from flows.io import read_regular
from transforms.checks import MAX_EXAMPLES, CheckResult, run_code_checks
from transforms.errors import InputError
from transforms.schema import THEME_IDS
from transforms.tables import DOCUMENT_TABLES

DOCUMENT_TABLE_NAMES = tuple(t.name for t in DOCUMENT_TABLES)


@dataclass(slots=True)
class ValidationReport:
    results: list[CheckResult]
    details: dict[str, dict[str, Any]] = field(default_factory=dict)  # table -> GX result JSON + code checks

    @property
    def blocking(self) -> list[CheckResult]:
        return [r for r in self.results if r.blocking]

    @property
    def warnings(self) -> list[CheckResult]:
        return [r for r in self.results if not r.success and r.severity != "critical"]

    @property
    def success(self) -> bool:
        return not self.blocking

    def summary(self) -> dict[str, Any]:
        return {
            "success": self.success,
            "suites": sorted(self.details),
            "expectations_evaluated": len(self.results),
            "failures": [_describe(r) for r in self.blocking],
            "warnings": [_describe(r) for r in self.warnings],
        }


def _describe(r: CheckResult) -> dict[str, Any]:
    return {"table": r.table, "check": r.check, "severity": r.severity, "failing_count": r.failing_count,
            "examples": list(r.examples), "source": r.source}


@cache
def _gx_batch_definition() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )
    from great_expectations.execution_engine import pandas_execution_engine

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    # GX fingerprints every batch frame under HASH_THRESHOLD bytes with pandas' hashing, twice per suite run
    # (getting the batch, then its validator); nothing reads that fingerprint here, and hashing every frame
    # costs time in proportion to its rows. GX has no setting for it; a threshold of 0 turns it off
    # (tests/flows/test_validation.py checks that it still does).
    pandas_execution_engine.HASH_THRESHOLD = 0
    _memoise_configurations()
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        progress_bars=ProgressBarsConfig(globally=False),
        analytics_enabled=False,
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    asset = context.data_sources.add_pandas("corpus").add_dataframe_asset("tables")
    return asset.add_batch_definition_whole_dataframe("whole_table")


# .entries, inside _configurations_memoised: id(expectation) -> (the expectation, its configuration)
_memo = threading.local()


def _memoise_configurations() -> None:
    """Make ``Expectation.configuration`` compute once per expectation object inside ``_configurations_memoised``.

    GX builds an expectation's configuration anew (a pydantic ``dict()`` of every field, and a regex to turn the
    class name into its type) every time the property is read, which its validator does dozens of times per
    expectation and suite run: a cost every suite run pays whatever its rows. Inside the block the first reading
    is kept and each reading gets a copy of it with its own ``kwargs`` and ``meta`` dicts (GX replaces a
    configuration's kwargs when it substitutes suite parameters), so no reader sees another's changes; outside
    it, the property is GX's own. The expectation objects a suite run reads are made by that run (from the
    configurations) and are not changed after: tests/flows/test_validation.py checks that the results stay
    those of GX's own property, and that the memo is used."""
    from great_expectations.expectations.expectation import Expectation

    original = Expectation.__dict__["configuration"]
    if getattr(original.fget, "memoised", False):
        return
    compute: Callable[[Any], Any] = original.fget

    def configuration(self: Any) -> Any:
        entries: dict[int, tuple[Any, Any]] | None = getattr(_memo, "entries", None)
        if entries is None:
            return compute(self)
        entry = entries.get(id(self))
        if entry is None or entry[0] is not self:
            entry = entries[id(self)] = (self, compute(self))
        made = copy.copy(entry[1])
        made._kwargs = dict(made._kwargs)
        made.meta = dict(made.meta)
        return made

    configuration.memoised = True  # type: ignore[attr-defined]
    setattr(Expectation, "configuration", property(configuration, doc=original.__doc__))  # noqa: B010


@contextmanager
def _configurations_memoised() -> Iterator[None]:
    """Expectations' configurations computed once each inside the block (this thread only; not re-entrant)."""
    _memo.entries = {}
    try:
        yield
    finally:
        _memo.entries = None


_warm_up_lock = threading.Lock()
_gx_lock = threading.Lock()


def warm_up() -> None:
    """Import Great Expectations and make its context now (seconds), rather than in the first shard's checks (safe
    to call from several threads: the context is made once)."""
    with _warm_up_lock:
        _gx_batch_definition()


def load_suite(catalog: Catalog, table: str) -> dict[str, Any]:
    path = catalog.suite(table)
    try:
        return dict(json.loads(read_regular(path)))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"the expectation suite {path} cannot be loaded: {exc}") from exc


# Expectations that need the whole table: each shard skips them; they are checked on the totals.
ROW_COUNT = "expect_table_row_count_to_be_between"
_UNIQUE = ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique")
# Expectations that hold on every part of a table when they hold on the whole: those of each row (or pair of
# columns of a row), uniqueness, and the columns' names and order. A suite of these alone may be run once over
# several shards' rows together (``validate_shards``).
_PART_WISE = frozenset({
    *_UNIQUE, "expect_column_values_to_not_be_null", "expect_column_values_to_be_null",
    "expect_column_values_to_be_between", "expect_column_value_lengths_to_be_between",
    "expect_column_values_to_be_in_set", "expect_column_values_to_not_be_in_set",
    "expect_column_values_to_match_regex", "expect_column_values_to_not_match_regex",
    "expect_column_pair_values_a_to_be_greater_than_b", "expect_column_pair_values_to_be_equal",
    "expect_table_columns_to_match_ordered_list", "expect_column_to_exist",
})


class Validation:
    """Validates a run's tables a shard at a time, so that a run never holds the whole corpus in memory.

    ``add_shard`` runs the GX suites of the per-document tables (every expectation but the row count) and the
    code checks on one shard's tables; where a shard is built, ``results`` and ``hashes`` then give what its
    summary keeps, and the run's commit adds each shard's with ``add_checked``. ``add_tables`` runs whole suites
    on tables that are complete (authors, themes, rejected); ``finish`` checks what spans shards (row counts,
    and uniqueness across shards) and merges the results per check: failing rows are summed, examples kept from
    the first shards that failed.

    Uniqueness across shards is checked from 64-bit hashes of the key columns, but for a key held within its
    documents: one with a column whose values, in every shard, each are a ``doc_id`` of the shard's documents or
    extend one with ``-`` (the ids of articles, paragraphs, sentences, lines, and the units of theme tags), where
    every ``doc_id`` is of one length. Such a value names a document of its shard, so two rows of different
    shards share it only where two shards share a ``doc_id``: the documents' own uniqueness across shards decides
    it, and the commit reads none of its hashes.
    """

    def __init__(self, suites: Mapping[str, dict[str, Any]], theme_ids: list[str]) -> None:
        self.suites = dict(suites)
        self.theme_ids = theme_ids
        self.shards = 0
        self._results: dict[tuple[str, str, str, str, int], CheckResult] = {}
        self.row_counts: dict[str, int] = {}  # rows of the per-document tables, over the shards so far
        self._hashes: dict[tuple[str, str], list[np.ndarray]] = {}
        # (table, uniqueness check) -> the length of every doc_id, for the keys held within their documents in
        # every shard so far; None where some shard's were not
        self._within: dict[tuple[str, str], int | None] = {}
        self._published: list[bool] = []  # per shard added: whether it was published with the others so marked
        # What each shard runs, worked out once: the suites without their row count, and the unique keys.
        self._partial = {
            name: {**suites[name], "expectations": [e for e in suites[name]["expectations"] if e["type"] != ROW_COUNT]}
            for name in DOCUMENT_TABLE_NAMES
        }
        self._unique = {name: _unique_keys(suites[name]) for name in DOCUMENT_TABLE_NAMES}
        # the documents' check that the keys held within documents rely on, when the suite has it
        self._doc_ids = next((("documents", label) for label, columns in self._unique.get("documents", [])
                              if columns == ["doc_id"]), None)

    def add_shard(self, tables: Mapping[str, pa.Table],
                  passed: Mapping[str, list[CheckResult]] | None = None) -> None:
        """One shard: the per-document tables of its documents, with the tables derived from them. ``passed``:
        the results of suites known to pass on this shard's rows (``validate_shards``), which are not run again."""
        self.shards += 1
        self._published.append(False)
        passed = passed or {}
        doc_ids = tables["documents"].column("doc_id").combine_chunks()  # once, for every key looked at below
        length = _doc_id_length(tables["documents"]) if self._doc_ids is not None else None
        for name in DOCUMENT_TABLE_NAMES:
            table = tables[name]
            self.row_counts[name] = self.row_counts.get(name, 0) + table.num_rows
            self._merge(passed[name] if name in passed else _run_suite(name, table, self._partial[name],
                                                                         self.theme_ids))
            for label, columns in self._unique[name]:
                self._hashes.setdefault((name, label), []).append(_key_hashes(table, columns))
                if self._doc_ids is not None and name != "documents":
                    within = length is not None and _within_documents(table, columns, doc_ids, length)
                    self._add_within((name, label), length if within else None)
        self._merge(run_code_checks(tables, self.theme_ids))

    def add_checked(self, results: Iterable[CheckResult], row_counts: Mapping[str, int],
                    hashes: Mapping[tuple[str, str], np.ndarray], published: bool = False,
                    within: Mapping[tuple[str, str], int] | None = None) -> None:
        """A shard checked elsewhere (``add_shard`` there): its results, row counts, key hashes and the keys it
        holds within its documents (``within_documents`` there). The hashes of a key that every shard holds
        within its documents (``held_within``) may be left out. ``published``: the shard is one of a snapshot
        published before, as are all the others so marked; their keys were found unique across them then, so
        ``finish`` checks the others' keys against all, not theirs against each other."""
        self.shards += 1
        self._published.append(published)
        for name in DOCUMENT_TABLE_NAMES:
            self.row_counts[name] = self.row_counts.get(name, 0) + row_counts[name]
        for label, array in hashes.items():
            self._hashes.setdefault(label, []).append(array)
        if self._doc_ids is not None:
            children = (k for table in DOCUMENT_TABLE_NAMES if table != "documents" for k in self._unique_labels(table))
            for key in children:
                self._add_within(key, (within or {}).get(key))
        self._merge(results)

    def within_documents(self) -> dict[tuple[str, str], int]:
        """The keys held within their documents in every shard so far, with the length of their doc_ids."""
        return {label: length for label, length in self._within.items() if length is not None}

    @staticmethod
    def held_within(shards: Sequence[Mapping[tuple[str, str], int]]) -> set[tuple[str, str]]:
        """The keys that every one of ``shards`` (each's ``within_documents``) holds within its documents, with
        doc_ids of one length in all: their uniqueness across shards needs no hashes."""
        if not shards:
            return set()
        common = set(shards[0]).intersection(*shards[1:])
        return {label for label in common if len({s[label] for s in shards}) == 1}

    def _unique_labels(self, name: str) -> list[tuple[str, str]]:
        return [(name, label) for label, _ in self._unique[name]]

    def _add_within(self, label: tuple[str, str], length: int | None) -> None:
        if label not in self._within:
            self._within[label] = length if self.shards == 1 else None
        elif self._within[label] != length:
            self._within[label] = None

    def results(self) -> list[CheckResult]:
        """The results so far, merged per check (a shard's, when it is the only one added)."""
        return list(self._results.values())

    def hashes(self) -> dict[tuple[str, str], np.ndarray]:
        """The key columns' hashes so far, by (table, uniqueness check), for the checks across shards."""
        return {label: np.concatenate(parts) for label, parts in self._hashes.items()}

    def add_tables(self, tables: Mapping[str, pa.Table], elsewhere: Callable[..., Any] | None = None) -> None:
        """Tables that are complete as given: their whole suites (run through ``elsewhere(fn, *args)`` when
        given, e.g. in a worker process that has Great Expectations imported already)."""
        args = (dict(self.suites), self.theme_ids, dict(tables))
        self._merge(elsewhere(whole_table_results, *args) if elsewhere else whole_table_results(*args))

    def finish(self) -> ValidationReport:
        for name, rows in self.row_counts.items():
            for e in self.suites[name]["expectations"]:
                if e["type"] == ROW_COUNT:
                    low, high = e["kwargs"].get("min_value"), e["kwargs"].get("max_value")
                    ok = (low is None or rows >= low) and (high is None or rows <= high)
                    self._merge([CheckResult(name, f"{ROW_COUNT} (all shards)", e.get("severity", "critical"),
                                             ok, 0 if ok else 1, () if ok else (f"observed: {rows}",))])
        if self.shards > 1:
            held = self.within_documents() if self._doc_ids is not None else {}
            repeats = {key: _repeated_keys(parts, self._published) for key, parts in self._hashes.items()
                       if key not in held}
            for name, label in (key for table in DOCUMENT_TABLE_NAMES for key in self._unique_labels(table)):
                if (name, label) in held:  # decided by the documents' doc_ids
                    repeated = repeats[self._doc_ids]  # type: ignore[index]  # held is empty without it
                    examples = (f"{repeated} documents repeat a doc_id of another shard, which this key holds",)
                else:
                    repeated = repeats[(name, label)]
                    examples = (f"{repeated} rows repeat a key seen in another shard",)
                self._merge([CheckResult(name, f"{label} (across shards)", "critical", not repeated, repeated,
                                         examples if repeated else (), source="code")])
        report = ValidationReport(results=list(self._results.values()))
        for r in report.results:
            entry = report.details.setdefault(r.table, {"table": r.table, "shards": self.shards,
                                                        "success": True, "results": []})
            entry["results"].append({**_describe(r), "success": r.success})
            entry["success"] = entry["success"] and not r.blocking
        return report

    def _merge(self, results: Iterable[CheckResult]) -> None:
        seen: Counter[tuple[str, str, str, str]] = Counter()
        for r in results:
            label = (r.table, r.check, r.source, r.severity)
            seen[label] += 1  # a suite may hold two checks with one label (a bound that blocks, one that warns)
            key = (*label, seen[label])
            old = self._results.get(key)
            if old is None:
                self._results[key] = r
            elif r.success and not r.failing_count and (not r.examples or len(old.examples) >= MAX_EXAMPLES):
                continue  # it would change nothing
            else:
                self._results[key] = dataclasses.replace(
                    old, success=old.success and r.success, failing_count=old.failing_count + r.failing_count,
                    examples=(old.examples + r.examples)[:MAX_EXAMPLES],
                )


def validate_shards(suites: Mapping[str, dict[str, Any]], theme_ids: list[str],
                    shards: Sequence[Mapping[str, pa.Table]]) -> list[Validation]:
    """A ``Validation`` per shard, each as ``add_shard`` of that shard alone leaves it.

    A per-document table's suite is run once over every shard's rows together when each of its expectations
    holds on every part of a table that passes it (``_PART_WISE``; none with ``mostly``, which can pass with
    failing rows to count): if it passes, it passes on each shard with no failing row, and those are each
    shard's results. Where it fails, or may not be run so, it is run per shard, to count and show each one's
    failing rows. So the fixed cost of a GX suite run, which does not depend on its rows, is paid per group of
    shards, not per shard."""
    validations = [Validation(suites, theme_ids) for _ in shards]
    passed: dict[str, list[CheckResult]] = {}
    if len(shards) > 1:
        partial = validations[0]._partial
        for name in DOCUMENT_TABLE_NAMES:
            expectations = partial[name]["expectations"]
            if all(e["type"] in _PART_WISE and "mostly" not in e["kwargs"] for e in expectations):
                together = pa.concat_tables([tables[name] for tables in shards])
                results = _run_suite(name, together, partial[name], theme_ids)
                if all(r.success and not r.failing_count for r in results):
                    passed[name] = results
    for validation, tables in zip(validations, shards, strict=True):
        validation.add_shard(tables, passed)
    return validations


def whole_table_results(suites: Mapping[str, dict[str, Any]], theme_ids: list[str],
                        tables: Mapping[str, pa.Table]) -> list[CheckResult]:
    """The whole suites of ``tables``, each complete as given."""
    return [r for name, table in tables.items() for r in _run_suite(name, table, suites[name], theme_ids)]


def validate_tables(
    tables: Mapping[str, pa.Table], suites: Mapping[str, dict[str, Any]], theme_ids: list[str]
) -> ValidationReport:
    """Every table complete in memory (a published snapshot, a test): one shard."""
    validation = Validation(suites, theme_ids)
    validation.add_shard(tables)
    validation.add_tables({name: tables[name] for name in suites if name not in DOCUMENT_TABLE_NAMES})
    return validation.finish()


def _run_suite(name: str, table: pa.Table, suite_json: dict[str, Any], theme_ids: list[str]) -> list[CheckResult]:
    """The suite's results on ``table``. A suite is run for its verdict alone first (GX's BOOLEAN_ONLY format:
    about half the work of SUMMARY, which counts and lists the failing rows), and again with SUMMARY only when
    something failed; a suite with a ``mostly`` expectation, which can pass with failing rows to count, runs with
    SUMMARY at once. Either way the results are those of SUMMARY."""
    import great_expectations as gx

    warm_up()
    frame = _gx_frame(table)
    params = {THEME_IDS: theme_ids} if _uses_parameter(suite_json, THEME_IDS) else {}
    result = None
    # One suite run at a time per process: GX's context is not safe to share between threads (shards built on
    # the threads runner check at once).
    with _gx_lock, _configurations_memoised():
        batch = _gx_batch_definition().get_batch(batch_parameters={"dataframe": frame})
        suite = gx.ExpectationSuite(**suite_json)
        if not any("mostly" in e["kwargs"] for e in suite_json["expectations"]):
            result = batch.validate(suite, expectation_parameters=params, result_format="BOOLEAN_ONLY")
        if result is None or not result.success:
            result = batch.validate(suite, expectation_parameters=params, result_format="SUMMARY")
    return [_gx_check(name, r) for r in result.results]


def _unique_keys(suite_json: Mapping[str, Any]) -> list[tuple[str, list[str]]]:
    """(label, key columns) of each uniqueness expectation in a suite."""
    out = []
    for e in suite_json["expectations"]:
        if e["type"] in _UNIQUE:
            columns = [e["kwargs"]["column"]] if "column" in e["kwargs"] else list(e["kwargs"]["column_list"])
            out.append((f"{e['type']}({', '.join(columns)})", columns))
    return out


_PREFIX_BITS = 20  # of a key hash: the lookup table of the fresh keys' prefixes holds 2**20 flags (1 MB)


def _repeated_keys(parts: Sequence[np.ndarray], published: Sequence[bool]) -> int:
    """How many rows past the first of each key there are in ``parts`` (key hashes, a shard's each), given that
    the parts marked ``published`` hold no key twice among them: the other parts' keys, sorted, are looked up in
    theirs (a run that changed one shard sorts that shard's keys, not the corpus's). A published key is looked up
    only when a fresh key shares its first ``_PREFIX_BITS`` bits (a table of flags filters the rest: a few
    percent of the keys are looked up after one edit)."""
    fresh = np.sort(np.concatenate([p for p, old in zip(parts, published, strict=True) if not old] or
                                   [np.empty(0, np.uint64)]))
    repeated = int(np.count_nonzero(fresh[1:] == fresh[:-1]))
    if fresh.size:
        shift = np.uint64(64 - _PREFIX_BITS)
        prefixes = np.zeros(1 << _PREFIX_BITS, dtype=bool)
        prefixes[fresh >> shift] = True
        for part in (p for p, old in zip(parts, published, strict=True) if old):
            maybe = part[prefixes[part >> shift]]
            at = np.minimum(np.searchsorted(fresh, maybe), fresh.size - 1)
            repeated += int(np.count_nonzero(fresh[at] == maybe))
    return repeated


def _doc_id_length(documents: pa.Table) -> int | None:
    """The length of every doc_id of ``documents``, when they are all of one length (None otherwise)."""
    lengths = pc.min_max(pc.utf8_length(documents.column("doc_id")))
    low, high = lengths["min"].as_py(), lengths["max"].as_py()
    return low if low is not None and low == high else None


def _within_documents(table: pa.Table, columns: list[str], doc_ids: pa.Array, length: int) -> bool:
    """Whether one of the key ``columns`` of ``table`` names, in every row, one of the shard's documents
    (``doc_ids``, each of ``length`` characters): the value is the doc_id, or the doc_id, ``-`` and more."""
    for column in columns:
        values = table.column(column)
        if not pa.types.is_string(values.type):
            continue
        named = pc.and_(
            pc.is_in(pc.utf8_slice_codeunits(values, 0, length), value_set=doc_ids),
            pc.or_(pc.equal(pc.utf8_length(values), length),
                   pc.equal(pc.utf8_slice_codeunits(values, length, length + 1), "-")))
        if pc.all(pc.fill_null(named, False)).as_py() is True:
            return True
    return False


def _key_hashes(table: pa.Table, columns: list[str]) -> np.ndarray:
    import pandas as pd

    frame = table.select(columns).to_pandas()
    return np.asarray(pd.util.hash_pandas_object(frame, index=False), dtype=np.uint64)


def _gx_frame(table: pa.Table) -> Any:
    """The table as a pandas frame for GX, with list cells joined into text (``a;b``).

    The suites only check list columns for presence (the code checks look inside them); joined text keeps the
    frame hashable, so GX fingerprints the batch with pandas' hashing instead of pickling the whole frame (which
    would cost more than the checks). Integer columns go as int64: GX compares only int64 and float64 columns
    with bounds on arrays, and other columns value by value in Python, which is far slower.
    """
    columns = [
        pc.binary_join(table.column(f.name), ";") if pa.types.is_list(f.type)
        else table.column(f.name).cast(pa.int64()) if pa.types.is_integer(f.type)
        else table.column(f.name)
        for f in table.schema
    ]
    return pa.table(columns, names=table.schema.names).to_pandas()


def _uses_parameter(suite_json: Mapping[str, Any], name: str) -> bool:
    return any(
        isinstance(v, dict) and v.get("$PARAMETER") == name
        for e in suite_json["expectations"]
        for v in e["kwargs"].values()
    )


def _gx_check(table: str, r: Any) -> CheckResult:
    config = r.expectation_config
    kwargs = {k: v for k, v in config.kwargs.items() if k in ("column", "column_A", "column_B", "column_list")}
    label = config.type + (f"({', '.join(str(v) for v in kwargs.values())})" if kwargs else "")
    res = r.result or {}
    failing = int(res.get("unexpected_count") or 0)
    examples = [repr(v) for v in (res.get("partial_unexpected_list") or [])[:MAX_EXAMPLES]]
    if not r.success and not failing:
        failing = 1
        raised = (r.exception_info or {}).get("exception_message")
        examples = [f"observed: {res.get('observed_value')!r}" if raised is None else f"error: {raised}"]
    severity = getattr(config.severity, "value", str(config.severity)).lower()
    return CheckResult(table, label, severity, bool(r.success), failing, tuple(examples), source="gx")
