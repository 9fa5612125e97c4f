"""Instructions per stage (segment, tag, build tables), counted by callgrind: figures the noise does not move.

    .venv/bin/python -m benchmarks.instructions [REV] [--mb 1] [--limit 1.10]

Wall-clock figures on these machines vary up to 2x from one minute to the next; the number of instructions a
stage executes does not (valgrind's callgrind counts them, whatever else the machine is doing). Each stage is
measured as the difference between two runs under callgrind, one that stops before the stage and one that stops
after it, on the same generated corpus. With REV, the same is done for that revision (checked out into a
temporary git worktree, run with the same virtualenv) and the ratios are printed; ``--limit`` says whether
segmentation stays within that multiple of REV's instructions (``make bench`` holds it to 1.10x the segmenter
before the page-structure parser). Under callgrind Python runs ~50x slower: about a minute per run, 4 runs per tree
(the two trees run side by side).

Needs valgrind (Debian: ``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

STAGES = ("segment", "tag", "build tables")
_COLLECTED = re.compile(r"Collected : (\d+)")


def _inner(corpus: Path, taxonomy: Path, upto: int) -> None:
    """Run the first ``upto`` stages on every file of ``corpus`` (imports only ``transforms``, so that it runs the
    code of whatever tree is first on the path)."""
    import pyarrow as pa

    from transforms import tables
    from transforms.decoding import read_document
    from transforms.records import Document, RawFile, TaggedDocument
    from transforms.segment import segment_document
    from transforms.themes import parse_taxonomy, tag_articles

    docs = [read_document(RawFile(p.name, p.read_bytes())) for p in sorted(corpus.iterdir())]
    docs = [d for d in docs if isinstance(d, Document)]
    tax = parse_taxonomy(taxonomy.read_text(encoding="utf-8"))
    pa.Table.from_pydict({"a": [["x"]]})  # pyarrow's lazy imports are not a stage's cost
    if hasattr(tax.matcher, "find_all"):  # nor the matcher's (a library imported, an automaton built on first use)
        tax.matcher.find_all(["warm up"])
    # Nor is a collection of what the imports left (pandas', pyarrow's, the corpus read above): the collector runs
    # when allocations pass its thresholds, so whether a full collection of that heap falls inside a stage turns on
    # how many objects anything before it allocated (a module-level constant more moves it by 1% of a stage). Its
    # objects frozen, collections inside a stage scan only what the stage allocated.
    gc.collect()
    gc.freeze()
    if upto >= 1:
        articles = [segment_document(d) for d in docs]
    if upto >= 2:  # the whole corpus (~1 MB) as one batch; older code takes many articles too
        scores = tag_articles(tax, (x for a in articles for x in a))
    if upto >= 3:
        items = [TaggedDocument(d, a, scores) for d, a in zip(docs, articles, strict=True)]
        if hasattr(tables, "documents_tables"):  # the whole corpus as one batch, as the pipeline builds a batch
            tables.documents_tables(items)
        else:  # older code: one document at a time
            for item in items:
                tables.document_tables(item)


def _instructions(tree: Path, corpus: Path, taxonomy: Path, upto: int) -> int:
    # A fixed hash seed: the cost of sets and dicts of strings is the same in every run. One thread for numpy's BLAS
    # and OpenMP, and the system allocator for Arrow: callgrind counts what background threads do while they wait,
    # which varies with the machine's load (by up to 3% of a stage without these).
    env = os.environ | {"PYTHONPATH": str(tree), "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1",
                        "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "ARROW_DEFAULT_MEMORY_POOL": "system"}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, "--inner",
         str(corpus), str(taxonomy), str(upto)],
        cwd=tree, env=env, capture_output=True, text=True,
    )
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed in {tree}:\n{done.stderr[-3000:]}")
    return int(found.group(1))


def per_stage(tree: Path, corpus: Path, taxonomy: Path) -> dict[str, int]:
    """Instructions of each stage of the code in ``tree``."""
    # (compiled first, so that no run compiles a module: the first import of a fresh checkout otherwise does)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "transforms")], check=True)
    counts = [_instructions(tree, corpus, taxonomy, upto) for upto in range(len(STAGES) + 1)]
    return {stage: counts[i + 1] - counts[i] for i, stage in enumerate(STAGES)}


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--inner":
        _inner(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
        return
    from benchmarks.compare import checked_out
    from benchmarks.corpus import iter_scaled_corpus, write_corpus
    from benchmarks.results import record
    from flows.catalog import DEFAULT_TAXONOMY, PROJECT_ROOT

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", help="a git revision to compare against")
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--limit", type=float, help="the most instructions segmentation may take, as a multiple of "
                        "REV's (printed with the figures)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        corpus = Path(tmp) / "corpus"
        n_bytes = write_corpus(iter_scaled_corpus(PROJECT_ROOT / "raw", args.mb), corpus)
        trees = {"new": PROJECT_ROOT}
        if args.rev:
            trees["old"] = stack.enter_context(checked_out(args.rev, Path(tmp) / "old"))
        with ThreadPoolExecutor(len(trees)) as pool:
            futures = {side: pool.submit(per_stage, tree, corpus, DEFAULT_TAXONOMY) for side, tree in trees.items()}
            counts = {side: f.result() for side, f in futures.items()}
    mb = n_bytes / 1e6
    print(f"instructions per MB ({mb:.2f} MB corpus), counted by callgrind"
          + (f"; {args.rev} (old) against the working tree (new)" if args.rev else ""))
    for stage in STAGES:
        new = counts["new"][stage] / mb
        line = f"  {stage:<13} {new / 1e6:9.0f} M"
        if args.rev:
            old = counts["old"][stage] / mb
            line = f"  {stage:<13} old {old / 1e6:9.0f} M   new {new / 1e6:9.0f} M   {old / new:5.2f}x fewer"
            record(f"instructions, {mb:.0f} MB, against {args.rev}", stage, new / old, "x old's instructions",
                   f"{new / 1e6:.0f} M against {old / 1e6:.0f} M per MB"
                   + (f"; limit {args.limit:.2f}x" if stage == "segment" and args.limit else ""))
        else:
            record(f"instructions, {mb:.0f} MB", stage, new / 1e6, "M per MB")
        print(line)
    if args.rev:
        old_st = counts["old"]["segment"] + counts["old"]["tag"]
        new_st = counts["new"]["segment"] + counts["new"]["tag"]
        print(f"  {'segment+tag':<13} {old_st / new_st:5.2f}x fewer instructions")
        if args.limit:
            ratio = counts["new"]["segment"] / counts["old"]["segment"]
            print(f"  segment: {ratio:.2f}x {args.rev}'s instructions, limit {args.limit:.2f}x: "
                  + ("within it" if ratio <= args.limit else "over it"))


if __name__ == "__main__":
    main()
