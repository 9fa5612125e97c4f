"""``corpus-pipeline``: the command-line entry point (also ``python -m flows``).

Exit codes: 0 success; 1 the run failed (the reason is printed as one paragraph on stderr); 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from flows.catalog import DEFAULT_DICTIONARY, DEFAULT_EXPECTATIONS, DEFAULT_KEEP, DEFAULT_TAXONOMY
from flows.settings import apply_defaults


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus-pipeline",
        description="Turn a raw text corpus into validated Parquet and CSV datasets.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the pipeline flow on a raw dir and publish to an output dir",
                         description="Run the Prefect flow: read every file under --raw-dir, segment, tag, "
                         "validate, and publish OUT/latest atomically.")
    run.add_argument("--raw-dir", required=True, type=Path, help="folder of raw text files (read recursively)")
    run.add_argument("--out-dir", required=True, type=Path, help="output folder; OUT/latest is the newest run")
    run.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY, help="taxonomy TOML file")
    run.add_argument("--expectations", type=Path, default=DEFAULT_EXPECTATIONS,
                     help="folder of Great Expectations suites (one JSON per table)")
    run.add_argument("--strict", action="store_true", help="fail the run if any raw file is rejected")
    run.add_argument("--keep", type=int, default=DEFAULT_KEEP, help="published runs to keep (default 10)")

    generate = sub.add_parser(
        "generate", help="write or check the files generated from the table declarations",
        description="expectations/<table>.json and docs/data_dictionary.md are generated from "
        "transforms/schema.py: rewrite them with --write, or fail with --check when they differ.",
    )
    mode = generate.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="(re)write the generated files")
    mode.add_argument("--check", action="store_true", help="exit 1 if a generated file differs")
    generate.add_argument("--expectations", type=Path, default=DEFAULT_EXPECTATIONS)
    generate.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    return parser


def _fail(message: str) -> int:
    # A paragraph of its own (blank lines around it), so that it stands out from Prefect's log lines.
    print("\n" + textwrap.fill(f"corpus-pipeline: {message}", width=100) + "\n", file=sys.stderr)
    return 1


def _run(args: argparse.Namespace) -> int:
    apply_defaults()
    from flows.pipeline import corpus_pipeline
    from transforms.errors import CorpusError

    try:
        summary = corpus_pipeline(
            raw_dir=str(args.raw_dir), out_dir=str(args.out_dir), taxonomy=str(args.taxonomy),
            strict=args.strict, expectations_dir=str(args.expectations), keep=args.keep,
        )
    except CorpusError as exc:
        return _fail(str(exc))
    except Exception as exc:  # a bug or an environment problem: still one paragraph, with its type
        return _fail(f"the run failed unexpectedly ({type(exc).__name__}: {exc}); nothing was published.")
    counts = ", ".join(f"{k} {v}" for k, v in summary["row_counts"].items())
    print(f"published {summary['published']} ({counts}); {summary['rejected']} files rejected, "
          f"{summary['warnings']} validation warnings")
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
    if args.command == "run":
        return _run(args)
    return _generate(args)


if __name__ == "__main__":
    raise SystemExit(main())
