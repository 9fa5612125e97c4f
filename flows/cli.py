"""``corpus-pipeline``: the command-line entry point (also ``python -m flows``).

Exit codes: 0 success; 1 the run failed (the reason is printed as one paragraph on stderr); 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows.catalog import (
    DEFAULT_DICTIONARY,
    DEFAULT_EXPECTATIONS,
    DEFAULT_KEEP,
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_TAXONOMY,
    PROJECT_ROOT,
)
from flows.deploy import DEFAULT_CRON, DEFAULT_NAME, DEFAULT_TIMEZONE
from flows.runners import DEFAULT_RUNNER, RUNNERS
from flows.settings import RunSettings, apply_defaults
from transforms.pages import LAYOUTS
from transforms.shards import DEFAULT_SHARD_BYTES

if TYPE_CHECKING:
    from flows.evaluation import ThemeSet
    from transforms.records import Thresholds
    from transforms.themes import Taxonomy


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """One line per option, its default shown where it has one (the descriptions keep their own line breaks)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=36, width=120)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help_text = action.help or ""
        if "(default" in help_text or action.default in (None, False, argparse.SUPPRESS) or not action.option_strings:
            return help_text
        default = action.default
        if isinstance(default, Path) and default.is_relative_to(PROJECT_ROOT):
            default = default.relative_to(PROJECT_ROOT)  # as the docs give it: relative to the project
        return f"{help_text} (default: {str(default).replace('%', '%%')})"


def _sub(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str, description: str,
         within: str = "") -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=textwrap.fill(description, 100), formatter_class=_HelpFormatter,
        epilog=f"Every option, with examples: docs/usage.md (corpus-pipeline {within}{name}).")
    return parser


def _snapshot(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("snapshot", type=Path, metavar="SNAPSHOT", help="a snapshot folder, e.g. outputs/latest")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus-pipeline", formatter_class=_HelpFormatter,
        description="Turn a raw text corpus into validated Parquet and CSV datasets.",
        epilog="Every command and option, with examples: docs/usage.md.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = _sub(sub, "run", "run the pipeline on a raw dir and publish to an output dir",
               "Run the Prefect flow: read every file under --raw-dir, segment, tag, validate, and publish "
               "OUT/latest atomically.")
    _add_run_options(run)

    serve = _sub(sub, "serve", "register the scheduled deployment and run its flow runs",
                 "Register the deployment 'corpus-pipeline/NAME' (a cron schedule, with these run options as its "
                 "parameters) with the Prefect server at PREFECT_API_URL, then run every scheduled or triggered "
                 "flow run until stopped (Ctrl-C).")
    _add_run_options(serve)
    serve.add_argument("--name", default=DEFAULT_NAME, help="deployment name")
    serve.add_argument("--cron", default=DEFAULT_CRON, help="cron schedule of the runs")
    serve.add_argument("--timezone", default=DEFAULT_TIMEZONE, help="time zone of the schedule")

    snapshots = _sub(sub, "snapshots", "list the published and failed runs of an output dir",
                     "List OUT/runs/* (and OUT/failed/*) with row counts and validation status; the run latest "
                     "points to is marked with *.")
    snapshots.add_argument("--out-dir", required=True, type=Path, metavar="DIR", help="the output dir")

    describe = _sub(sub, "describe", "print row counts and every article's top themes",
                    "Row counts per table and, for every article, its author and top three themes with their "
                    "scores.")
    _snapshot(describe)

    validate = _sub(sub, "validate", "re-run the expectation suites and code checks on a snapshot",
                    "Validate a published snapshot again with the suites in --expectations; exit 1 when a "
                    "blocking check fails.")
    _snapshot(validate)
    validate.add_argument("--expectations", type=Path, default=DEFAULT_EXPECTATIONS, metavar="DIR",
                          help="folder of the expectation suites")

    report = _sub(sub, "report", "rebuild the visual report (HTML) of a snapshot",
                  "Render the report of a published snapshot (themes by article and by author, lengths, changes, "
                  "parse warnings, rejected files, validation) as one self-contained HTML file. The snapshot "
                  "itself is never modified.")
    _snapshot(report)
    report.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="where to write it (default: report-<run_id>.html here)")

    diff = _sub(sub, "diff", "what changed between two snapshots",
                "Documents added, changed, removed and unchanged, and row deltas per table, from snapshot OLD to "
                "snapshot NEW (snapshot folders, e.g. OUT/runs/<run_id> or OUT/latest).")
    diff.add_argument("old", type=Path, metavar="OLD", help="the older snapshot folder")
    diff.add_argument("new", type=Path, metavar="NEW", help="the newer snapshot folder")

    evaluate = _sub(sub, "evaluate", "score segmentation and tagging against hand-coded gold",
                    "Score segmentation and tagging against gold. One corpus (--raw-dir and --gold) or a folder "
                    "of corpora (--corpora): article F1, title, author, paragraph kind, sentence F1, primary "
                    "theme. Real page captures (--pages), laid out five ways: also line roles, credits, "
                    "paragraph counts, for tuned and held-out sets. Theme gold sets (--themes): theme-set "
                    "precision/recall/F1, primary and top-2 accuracy with 95% bootstrap intervals, per level, "
                    "for tuning and held-apart sets.")
    evaluate.add_argument("--raw-dir", type=Path, metavar="DIR", help="one corpus's raw files (with --gold)")
    evaluate.add_argument("--gold", type=Path, metavar="FILE", help="its gold file (JSON)")
    evaluate.add_argument("--corpora", type=Path, metavar="DIR", help="a folder of corpora: <name>/raw, gold.json")
    evaluate.add_argument("--pages", type=Path, metavar="DIR", help="a folder of page captures: <set>/NN.txt, .json")
    evaluate.add_argument("--errors", choices=LAYOUTS, nargs="?", const="as_found", metavar="LAYOUT",
                          help="with --pages: each tuning capture's errors, laid out LAYOUT (as_found)")
    evaluate.add_argument("--themes", type=Path, metavar="DIR", help="a folder of theme gold sets")
    evaluate.add_argument("--choose-thresholds", action="store_true",
                          help="with --themes: print the thresholds that fit the tuning sets best")
    evaluate.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY, metavar="FILE",
                          help="taxonomy TOML file")

    themes = _sub(sub, "themes", "tools for the taxonomy's keepers: kwic, coverage, suggest",
                  "Check and extend a taxonomy against a published snapshot: keyword in context for a theme's "
                  "rules, the snapshot's coverage by the taxonomy, and candidate rules from the sentences no rule "
                  "matched.")
    tools = themes.add_subparsers(dest="tool", required=True, metavar="TOOL")
    kwic = _sub(tools, "kwic", "every match of a theme's rules (or of one phrase), in context",
                "Keyword in context: each match of the rules of THEME (its phrases and exclusions) or of PHRASE "
                "(in the taxonomy's rule syntax) in the snapshot's titles and sentences, grouped by rule.",
                within="themes ")
    kwic.add_argument("query", metavar="THEME|PHRASE", help="a theme id, or a phrase rule such as 'flood control*'")
    _snapshot(kwic)
    kwic.add_argument("--width", type=int, default=40, metavar="N", help="characters of context each side")
    kwic.add_argument("--limit", type=int, default=10, metavar="N", help="lines shown per rule; 0 shows all")
    coverage = _sub(tools, "coverage", "units with no theme, counts per theme, rules never matched",
                    "The share of sentences and articles with no theme, per theme the articles it leads and the "
                    "articles and sentences that carry it, the rules matched most and never, and with --gold the "
                    "rules that most often gave a theme the coders did not give.", within="themes ")
    _snapshot(coverage)
    coverage.add_argument("--gold", type=Path, metavar="DIR",
                          help="theme gold sets: also list the rules the coders disagree with")
    coverage.add_argument("--top", type=int, default=15, metavar="N", help="rules listed per list")
    suggest = _sub(tools, "suggest", "candidate rules: collocations and frequent words of untagged sentences",
                   "Candidate phrase rules: two- and three-word collocations (by NLTK's log-likelihood ratio) and "
                   "frequent words of the sentences with no theme.", within="themes ")
    _snapshot(suggest)
    suggest.add_argument("--top", type=int, default=30, metavar="N", help="candidates listed")
    suggest.add_argument("--min-count", type=int, default=3, metavar="N", help="occurrences a candidate needs")
    for tool in (kwic, coverage, suggest):
        tool.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY, metavar="FILE",
                          help="taxonomy TOML file")

    generate = _sub(sub, "generate", "write or check the files generated from the table declarations",
                    "expectations/<table>.json and docs/data_dictionary.md are generated from "
                    "transforms/schema.py: rewrite them with --write, or fail with --check when they differ.")
    mode = generate.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="(re)write the generated files")
    mode.add_argument("--check", action="store_true", help="exit 1 if a generated file differs")
    generate.add_argument("--expectations", type=Path, default=DEFAULT_EXPECTATIONS, metavar="DIR",
                          help="where the suites go")
    generate.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY, metavar="FILE",
                          help="where the data dictionary goes")
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options of one run (``flows.settings.RunSettings``), for ``run`` and ``serve`` alike."""
    parser.add_argument("--raw-dir", required=True, type=Path, metavar="DIR",
                        help="folder of raw text files, read recursively")
    parser.add_argument("--out-dir", required=True, type=Path, metavar="DIR",
                        help="output folder; OUT/latest is the newest run")
    parser.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY, metavar="FILE", help="taxonomy TOML file")
    parser.add_argument("--expectations", type=Path, default=DEFAULT_EXPECTATIONS, metavar="DIR",
                        help="folder of the expectation suites")
    parser.add_argument("--strict", action="store_true", help="fail the run if any raw file is rejected")
    parser.add_argument("--rehash", action="store_true",
                        help="read and hash every file, even one whose size, inode and times are unchanged")
    parser.add_argument("--keep", type=int, default=DEFAULT_KEEP, metavar="N", help="published runs to keep")
    parser.add_argument("--csv-bom", action="store_true", help="start each CSV with a UTF-8 byte-order mark")
    parser.add_argument("--lock-timeout", type=float, default=DEFAULT_LOCK_TIMEOUT, metavar="S",
                        help="seconds to wait for another run on the same --out-dir")
    parser.add_argument("--runner", choices=RUNNERS, default=DEFAULT_RUNNER, metavar="RUNNER",
                        help=f"where shards are built: {', '.join(RUNNERS)}")
    parser.add_argument("--dask-address", metavar="tcp://HOST:PORT",
                        help="an existing Dask scheduler (--runner dask; default: a local cluster)")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="worker processes, threads or Dask workers (default: the CPU count)")
    parser.add_argument("--shard-mb", type=float, default=DEFAULT_SHARD_BYTES / 1e6, metavar="MB",
                        help="raw MB a shard holds at most: the unit of re-use and of memory")


def _settings(args: argparse.Namespace) -> RunSettings:
    """The run's settings from the command line; invalid ones are a usage error (exit 2), naming the option."""
    from pydantic import ValidationError

    fields = {name: getattr(args, name) for name in RunSettings.model_fields}
    try:
        return RunSettings(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(f"--{'-'.join(str(p) for p in e['loc']).replace('_', '-')}: {e['msg']}"
                             if e["loc"] else e["msg"] for e in exc.errors())
        _parser().error(problems)


def _fail(message: str) -> int:
    # A paragraph of its own (blank lines around it), so that it stands out from Prefect's log lines.
    print("\n" + textwrap.fill(f"corpus-pipeline: {message}", width=100) + "\n", file=sys.stderr)
    return 1


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    apply_defaults()
    if settings.runner == "processes" and settings.raw_dir.is_dir() and any(settings.raw_dir.iterdir()):
        from flows.runners import warm_up

        warm_up(settings.workers)  # the workers import their libraries while Prefect starts
    from flows.pipeline import corpus_pipeline, import_soon
    from transforms.errors import CorpusError

    import_soon(great_expectations=settings.runner != "processes")
    try:
        with _without_heartbeats_on_a_temporary_server():
            summary = corpus_pipeline(settings)
    except CorpusError as exc:
        return _fail(str(exc))
    except Exception as exc:  # a bug or an environment problem: still one paragraph, with its type
        return _fail(f"the run failed unexpectedly ({type(exc).__name__}: {exc}); nothing was published.")
    if summary["published"] is None:
        print(f"nothing to do: {settings.raw_dir} holds no files; latest is unchanged")
        return 0
    counts = ", ".join(f"{k} {v}" for k, v in summary["row_counts"].items())
    print(f"published {summary['published']} ({counts}); {summary['processed']} documents processed, "
          f"{summary['reused']} reused; {summary['rejected']} files rejected; "
          f"{summary['warnings']} validation warnings")
    return 0


@contextmanager
def _without_heartbeats_on_a_temporary_server() -> Iterator[None]:
    """No flow run heartbeats when the run reports to Prefect's temporary server (no ``PREFECT_API_URL``).

    A heartbeat tells a server that the run is alive, for spotting crashed runs; a temporary server lives and
    dies with the run, so nobody is told. And Prefect's heartbeat thread sleeps in steps of one second, which
    the end of a flow run waits out: up to 1 s (0.5 s on average) added to every run. A run against a real
    server (``PREFECT_API_URL`` set, as for served deployments and Dask workers) keeps its heartbeats."""
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def _serve(args: argparse.Namespace) -> int:
    apply_defaults()
    from flows.deploy import deployment_parameters, serve
    from transforms.errors import CorpusError

    parameters = deployment_parameters(_settings(args))
    try:
        serve(args.name, args.cron, args.timezone, parameters)
    except CorpusError as exc:
        return _fail(str(exc))
    return 0


def _report(args: argparse.Namespace) -> int:
    from flows.report import report_data, write_report
    from flows.snapshots import read_manifest
    from transforms.errors import CorpusError

    try:
        manifest = read_manifest(args.snapshot)
        path = write_report(args.snapshot, report_data(args.snapshot, manifest),
                            output=args.output or Path(f"report-{manifest['run_id']}.html"))
    except CorpusError as exc:
        return _fail(str(exc))
    print(f"wrote {path}")
    return 0


def _snapshots(args: argparse.Namespace) -> int:
    from flows.snapshots import list_snapshots

    rows = list_snapshots(args.out_dir)
    if not rows:
        return _fail(f"no snapshots in {args.out_dir}")
    print(f"  {'run_id':<24} {'status':<8} {'documents':>9} {'articles':>8} {'sentences':>9} {'rejected':>8}")
    for r in rows:
        mark = "*" if r.latest else " "
        print(f"{mark} {r.run_id:<24} {r.status:<8} {r.count('documents'):>9} {r.count('articles'):>8} "
              f"{r.count('sentences'):>9} {r.count('rejected'):>8}")
    return 0


def _describe(args: argparse.Namespace) -> int:
    from flows.snapshots import describe
    from transforms.errors import CorpusError

    try:
        print(describe(args.snapshot), end="")
    except CorpusError as exc:
        return _fail(str(exc))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from flows.catalog import Catalog
    from flows.snapshots import read_tables
    from flows.validation import load_suite, validate_tables
    from transforms.errors import CorpusError
    from transforms.schema import TABLES

    try:
        tables = read_tables(args.snapshot)
        catalog = Catalog(Path("."), Path("."), expectations=args.expectations)
        suites = {t.name: load_suite(catalog, t.name) for t in TABLES}
    except CorpusError as exc:
        return _fail(str(exc))
    drifted = [t.name for t in TABLES if tables[t.name].schema.names != list(t.column_names)]
    if drifted:
        return _fail(f"{args.snapshot} was written with other columns than this version declares (in "
                     f"{', '.join(drifted)}); validate it with the corpus-pipeline version that wrote it "
                     f"(see its manifest.json).")
    theme_ids = [str(t) for t in tables["themes"].column("theme_id").to_pylist()]
    report = validate_tables(tables, suites, theme_ids)
    summary = report.summary()
    print(f"{args.snapshot}: {summary['expectations_evaluated']} checks, {len(summary['failures'])} blocking "
          f"failures, {len(summary['warnings'])} warnings")
    for failure in [*summary["failures"], *summary["warnings"]]:
        print(f"  {failure['severity']}: {failure['table']}: {failure['check']} failed for "
              f"{failure['failing_count']} rows, e.g. {', '.join(failure['examples'][:3])}")
    return 0 if report.success else 1


def _diff(args: argparse.Namespace) -> int:
    from flows.snapshots import read_manifest
    from transforms.changes import change_markdown, change_report
    from transforms.errors import CorpusError

    try:
        old, new = read_manifest(args.old), read_manifest(args.new)
    except CorpusError as exc:
        return _fail(str(exc))
    print(change_markdown(change_report(old, new)), end="")
    return 0


def generated_files(expectations: Path, dictionary: Path) -> dict[Path, str]:
    from transforms.dictionary import render
    from transforms.schema import TABLES
    from transforms.suites import suite_for

    files = {
        expectations / f"{t.name}.json": json.dumps(suite_for(t), indent=2, ensure_ascii=False) + "\n"
        for t in TABLES
    }
    files[dictionary] = render()
    return files


def _evaluate(args: argparse.Namespace) -> int:
    from flows.evaluation import corpora_under, evaluate_corpus, load_gold
    from flows.io import read_taxonomy
    from transforms.errors import CorpusError
    from transforms.evaluate import Tally

    if (args.corpora is None and args.pages is None and args.themes is None
            and (args.raw_dir is None or args.gold is None)):
        return _fail("evaluate needs --raw-dir and --gold, or --corpora, or --pages, or --themes")
    try:
        taxonomy = read_taxonomy(args.taxonomy).taxonomy
        if args.themes is not None:
            return _evaluate_themes(args.themes, taxonomy, args.choose_thresholds)
        if args.pages is not None:
            if args.errors is not None:
                return _page_errors(args.pages, args.errors)
            return _evaluate_pages(args.pages, taxonomy)
        if args.corpora is not None:
            corpora = {c.name: (c / "raw", load_gold(c / "gold.json")) for c in corpora_under(args.corpora)}
        else:
            corpora = {args.raw_dir.name: (args.raw_dir, load_gold(args.gold))}
        tallies = {name: evaluate_corpus(raw, gold, taxonomy) for name, (raw, gold) in corpora.items()}
    except (CorpusError, OSError) as exc:
        return _fail(str(exc))
    overall = Tally()
    for tally in tallies.values():
        overall.add(tally)
    columns = {name: t.metrics() for name, t in tallies.items()}
    if len(columns) > 1:
        columns["overall"] = overall.metrics()
    _print_metrics(columns)
    return 0


def _page_errors(folder: Path, layout: str) -> int:
    from flows.evaluation import page_errors

    count = 0
    for name, errors in page_errors(folder, layout):
        print(f"{name} ({layout}):")
        for error in errors:
            print(f"  {error}")
        count += len(errors)
    print(f"{count} errors on the tuned captures laid out {layout}; the held-out sets are not listed")
    return 0


def _evaluate_pages(folder: Path, taxonomy: Taxonomy) -> int:
    from flows.evaluation import evaluate_pages, held_out_sets, set_order
    from transforms.evaluate import PAGE_TARGETS, Tally, against_targets

    tallies = evaluate_pages(folder, taxonomy)
    held_out = held_out_sets(folder)
    for label, sets in (("tuned on", sorted({s for s, _ in tallies} - held_out, key=set_order)),
                        ("held out", sorted(held_out, key=set_order))):
        columns: dict[str, dict[str, float | None]] = {}
        every = Tally()
        for layout in LAYOUTS:
            tally = Tally()
            for name in sets:
                tally.add(tallies.get((name, layout), Tally()))
            every.add(tally)
            columns[layout] = tally.metrics()
        columns["all"] = every.metrics()
        print(f"{label}: {', '.join(sets) or '(none)'} ({every.articles_gold} articles in all layouts)")
        _print_metrics(columns)
        if label == "held out" and sets:
            print(f"targets on held-out text, all layouts: {against_targets(columns['all'], PAGE_TARGETS)}")
    return 0


def _print_agreement(sets: list[ThemeSet], thresholds: Thresholds) -> None:
    """The two coders' agreement on the sets coded twice, and the tagger's article figures against each coder."""
    from transforms.theme_eval import agreement, score_level

    first = [u for s in sets for u in s.units if u.level == "article"]
    second = [u for s in sets for u in s.second]
    both = agreement(first, second)
    kappa = f"{both.kappa:.3f}" if both.kappa is not None else "n/a"
    print(f"  coded twice ({', '.join(s.name for s in sets)}: {both.articles} articles), article level:")
    print(f"    coders' agreement: primary {both.primary}, kappa {kappa}, set F1 {both.set_f1}")
    for name, units in (("first coder", first), ("second coder", second)):
        s = score_level(units, thresholds, "article")
        print(f"    tagger against the {name}: primary {s.primary}, set F1 {s.set_f1}")


def _evaluate_themes(folder: Path, taxonomy: Taxonomy, choose: bool) -> int:
    from flows.evaluation import SPLITS, evaluate_themes
    from transforms.evaluate import against_targets
    from transforms.theme_eval import THEME_TARGETS, choose_thresholds, score_levels

    sets = evaluate_themes(folder, taxonomy)
    if not sets:
        return _fail(f"no theme gold set under {folder} is coded with the codebook of {taxonomy.taxonomy_id}")
    t = taxonomy.thresholds
    print(f"taxonomy {taxonomy.taxonomy_id} {taxonomy.version}: min_score {t.min_score:g}, set_share "
          f"{t.set_share:g}, mixed_margin {t.mixed_margin:g}; 95% bootstrap intervals over articles")
    for split in SPLITS:
        chosen = [s for s in sets if s.split == split]
        units = [u for s in chosen for u in s.units]
        print(f"\n{split}: {', '.join(s.name for s in chosen) or '(none)'}")
        if not units:
            continue
        levels = score_levels(units, t)
        print(f"  {'level':<10}{'units':>6}  {'set P':>6} {'set R':>6}  {'set F1':<22}{'primary':<22}"
              f"{'top-2':<22}{'single (n)':<16}{'mixed (n)':<16}")
        for s in levels.values():
            single = f"{s.single.value:.3f} ({s.single.n})" if s.single.value is not None else "n/a"
            mixed = f"{s.mixed.value:.3f} ({s.mixed.n})" if s.mixed.value is not None else "n/a"
            print(f"  {s.level:<10}{s.units:>6}  {s.set_prf.precision:>6.3f} {s.set_prf.recall:>6.3f}  "
                  f"{s.set_f1!s:<22}{s.primary!s:<22}{s.top2!s:<22}{single:<16}{mixed:<16}")
        if split == "held_apart":
            article_figures = {"set_f1": levels["article"].set_prf.f1, "primary": levels["article"].primary.value}
            print(f"  targets, article level: {against_targets(article_figures, THEME_TARGETS)}")
        twice = [s for s in chosen if s.second]
        if twice:
            _print_agreement(twice, t)
        article = levels["article"]
        print(f"  per theme, article level ({article.unaligned} coded articles with no predicted article):")
        print(f"    {'theme':<28}{'coded':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for theme in taxonomy.theme_ids:
            if theme in article.per_theme:
                prf, coded = article.per_theme[theme]
                print(f"    {theme:<28}{coded:>6}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}")
    if choose:
        tuning = [u for s in sets if s.split == "tuning" for u in s.units]
        if not tuning:
            return _fail("--choose-thresholds needs a tuning set")
        best = choose_thresholds(tuning)
        print(f"\nthresholds that fit the tuning sets best (for [taxonomy]):\nmin_score = {best.min_score:g}\n"
              f"set_share = {best.set_share:g}\nmixed_margin = {best.mixed_margin:g}")
    return 0


def _themes(args: argparse.Namespace) -> int:
    from flows.evaluation import evaluate_themes
    from flows.io import read_taxonomy
    from flows.snapshots import read_manifest, read_table
    from transforms.errors import CorpusError

    try:
        taxonomy = read_taxonomy(args.taxonomy).taxonomy
        manifest = read_manifest(args.snapshot)
        made_with = manifest.get("taxonomy", {}).get("id")
        if made_with not in (None, taxonomy.taxonomy_id):
            print(f"note: {args.snapshot} was tagged with taxonomy {made_with}, not {taxonomy.taxonomy_id}")
        sentences = read_table(args.snapshot, "sentences", ["sentence_id", "text", "themes"]).to_pydict()
        articles = read_table(args.snapshot, "articles", ["article_id", "title", "primary_theme", "themes"]
                              ).to_pydict()
        coded = ([u for s in evaluate_themes(args.gold, taxonomy) for u in s.units]
                 if getattr(args, "gold", None) else [])
        {"kwic": _kwic, "coverage": _coverage, "suggest": _suggest}[args.tool](args, taxonomy, sentences,
                                                                             articles, coded)
    except CorpusError as exc:
        return _fail(str(exc))
    return 0


def _kwic(args: argparse.Namespace, taxonomy: Taxonomy, sentences: dict[str, list[Any]],
          articles: dict[str, list[Any]], coded: list[Any]) -> None:
    from transforms.theme_tools import kwic

    rows = kwic(taxonomy, args.query, [*articles["title"], *sentences["text"]],
                [*articles["article_id"], *sentences["sentence_id"]], args.width)
    by_rule: dict[tuple[str, bool], list[Any]] = {}
    for row in rows:
        by_rule.setdefault((row.rule, row.exclusion), []).append(row)
    print(f"{len(rows)} matches of {args.query} in {len(articles['title'])} titles and "
          f"{len(sentences['text'])} sentences")
    for (rule, exclusion), matches in sorted(by_rule.items(), key=lambda item: -len(item[1])):
        print(f"\n{rule}{' (exclusion)' if exclusion else ''}: {len(matches)}")
        for m in matches[: args.limit or None]:
            print(f"  {m.left:>{args.width}} [{m.match}] {m.right:<{args.width}}  {m.unit_id}")


def _coverage(args: argparse.Namespace, taxonomy: Taxonomy, sentences: dict[str, list[Any]],
              articles: dict[str, list[Any]], coded: list[Any]) -> None:
    from transforms.theme_tools import coverage

    c = coverage(taxonomy, sentences["text"], [list(t or ()) for t in sentences["themes"]], articles["title"],
                 articles["primary_theme"], [list(t or ()) for t in articles["themes"]], coded)
    print(f"sentences with no theme: {c.sentences_untagged} of {c.sentences} "
          f"({c.sentences_untagged / max(c.sentences, 1):.1%})")
    print(f"articles with no theme:  {c.articles_untagged} of {c.articles} "
          f"({c.articles_untagged / max(c.articles, 1):.1%})")
    print(f"\n{'theme':<28}{'articles led':>13}{'articles':>10}{'sentences':>11}")
    for theme, (led, carrying, in_sentences) in c.per_theme.items():
        print(f"{theme:<28}{led:>13}{carrying:>10}{in_sentences:>11}")
    print(f"\nrules matched most often (of {len(c.rule_matches)} that matched):")
    for rule, n in sorted(c.rule_matches.items(), key=lambda item: -item[1])[: args.top]:
        print(f"  {n:>7}  {rule}")
    print(f"\nrules that never matched ({len(c.never_matched)}):")
    for rule in c.never_matched:
        print(f"  {rule}")
    if args.gold:
        print(f"\nrules behind themes the coders did not give (units of {args.gold}):")
        for rule, n in c.disagreed[: args.top]:
            print(f"  {n:>7}  {rule}")


def _suggest(args: argparse.Namespace, taxonomy: Taxonomy, sentences: dict[str, list[Any]],
             articles: dict[str, list[Any]], coded: list[Any]) -> None:
    from transforms.theme_tools import suggest

    untagged = [t for t, themes in zip(sentences["text"], sentences["themes"], strict=True) if not themes]
    print(f"candidate rules from the {len(untagged)} sentences with no theme (of {len(sentences['text'])}):")
    print(f"  {'phrase':<36}{'count':>7}{'sentences':>11}{'LLR':>10}")
    for c in suggest(untagged, args.top, args.min_count):
        print(f"  {c.phrase:<36}{c.count:>7}{c.sentences:>11}{c.score:>10.1f}")


def _print_metrics(columns: dict[str, dict[str, float | None]]) -> None:
    width = max(len(n) for n in columns) + 2
    print(f"{'metric':<26}" + "".join(f"{name:>{width}}" for name in columns))
    for metric in next(iter(columns.values())):
        cells = "".join(
            f"{'n/a' if m[metric] is None else f'{m[metric]:.3f}':>{width}}" for m in columns.values()
        )
        print(f"{metric:<26}{cells}")


def _generate(args: argparse.Namespace) -> int:
    stale = []
    for path, text in generated_files(args.expectations, args.dictionary).items():
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
    if stale:
        return _fail(f"generated files differ from transforms/schema.py: {', '.join(stale)}; run "
                     "'corpus-pipeline generate --write' (or 'make generate').")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {
        "run": _run, "generate": _generate, "snapshots": _snapshots, "diff": _diff, "evaluate": _evaluate,
        "describe": _describe, "validate": _validate, "serve": _serve,
        "report": _report, "themes": _themes,
    }
    try:
        return commands[args.command](args)
    except BrokenPipeError:  # the reader of our output went away (``| head``): not an error of ours
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
