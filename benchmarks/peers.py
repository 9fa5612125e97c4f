"""Segment + tag against peers, in one process on the same text, one core: MB/s and ratios.

    .venv/bin/python -m benchmarks.peers [--mb 10] [--rounds 3]

- corpus-pipeline: ``segment_document`` on each decoded document, then ``tag_articles`` on the articles of each
  batch of documents, as the pipeline does (articles, paragraphs, sentences with offsets, theme scores for every
  unit), with the cyclic garbage collector paused per batch as ``process_batch`` pauses it.
- spaCy: ``spacy.blank("en")`` + ``sentencizer`` over each document, then a ``PhraseMatcher`` (attr LOWER) over
  the taxonomy's phrases (a rule's words as written, without wildcard endings or spelling variants: spaCy's
  matcher has neither, so it does less than ours).
- re.finditer: one pass of one regular expression over each document, counting matches, no segmentation at
  all: the practical limit of a pure-Python scan. Twice: the rules as one alternation (case-insensitive), and
  the trie-shaped pattern our matcher builds, over lower-cased text (the fastest single pass we know).

Each is timed as the best of ``--rounds`` interleaved rounds (the machines are noisy). Peers are pinned in
requirements-bench.lock (``make bench-setup``).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import scaled_corpus
from benchmarks.results import record
from flows.catalog import DEFAULT_TAXONOMY, PROJECT_ROOT
from transforms.batches import DEFAULT_BATCH_BYTES, cut, cyclic_gc_paused
from transforms.decoding import read_document
from transforms.phrases import parse_rule
from transforms.records import Document, RawFile
from transforms.segment import segment_document
from transforms.themes import parse_taxonomy, tag_articles


def taxonomy_phrases(path: Path) -> list[str]:
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [str(p) for theme in data["theme"] for p in [*theme["phrases"], *theme.get("exclude", [])]]


def ours(texts: list[Document]) -> Callable[[], int]:
    taxonomy = parse_taxonomy(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    batches = cut(texts, DEFAULT_BATCH_BYTES)

    def run() -> int:  # tagged in batches, as the pipeline does (one matching pass per batch, no cyclic GC)
        n = 0
        for batch in batches:
            with cyclic_gc_paused():
                n += len(tag_articles(taxonomy, (a for d in batch for a in segment_document(d))))
        return n

    return run


def spacy_peer(texts: list[Document]) -> Callable[[], int]:
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = max(len(d.text) for d in texts) + 1
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = [" ".join(w.stem for w in parse_rule(p)) for p in taxonomy_phrases(DEFAULT_TAXONOMY)]
    matcher.add("THEME", [nlp.make_doc(p) for p in phrases])

    def run() -> int:
        n = 0
        for doc in nlp.pipe(d.text for d in texts):
            n += sum(1 for _ in doc.sents) + len(matcher(doc))
        return n

    return run


def regex_peer(texts: list[Document]) -> Callable[[], int]:
    def pattern(rule: str) -> str:
        words = parse_rule(rule)
        return r"[\s-]*".join(re.escape(w.stem) + (r"\w*" if w.wildcard else r"\b") for w in words)

    rules = sorted((pattern(p) for p in taxonomy_phrases(DEFAULT_TAXONOMY)), key=len, reverse=True)
    rx = re.compile(r"\b(?:" + "|".join(rules) + ")", re.IGNORECASE)

    def run() -> int:
        return sum(1 for d in texts for _ in rx.finditer(d.text))

    return run


def trie_regex_peer(texts: list[Document]) -> Callable[[], int]:
    rx = parse_taxonomy(DEFAULT_TAXONOMY.read_text(encoding="utf-8")).matcher._places

    def run() -> int:
        return sum(1 for d in texts for _ in rx.finditer(d.text.lower()))

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = [read_document(RawFile(n, d)) for n, d in scaled_corpus(PROJECT_ROOT / "raw", args.mb).items()]
    texts = [d for d in docs if isinstance(d, Document)]
    n_bytes = sum(d.n_bytes for d in texts)
    runners = {"corpus-pipeline segment+tag": ours(texts), "spaCy sentencizer+PhraseMatcher": spacy_peer(texts),
               "re.finditer, one alternation": regex_peer(texts),
               "re.finditer, trie pattern": trie_regex_peer(texts)}
    best = dict.fromkeys(runners, float("inf"))
    for _ in range(args.rounds):
        for name, run in runners.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"corpus {n_bytes / 1e6:.1f} MB ({len(texts)} documents); best of {args.rounds} interleaved rounds")
    ours_s = best["corpus-pipeline segment+tag"]
    for name, seconds in best.items():
        print(f"  {name:<34} {seconds:7.2f} s {n_bytes / 1e6 / seconds:7.1f} MB/s   ours / this: "
              f"{seconds / ours_s:5.2f}x")
        record(f"peers, segment and tag {n_bytes / 1e6:.0f} MB", name, n_bytes / 1e6 / seconds, "MB/s",
               f"{seconds / ours_s:.2f}x ours' time")
    spacy_ratio = best["spaCy sentencizer+PhraseMatcher"] / ours_s
    mbs = n_bytes / 1e6 / ours_s
    print(f"targets: ours >= 3x spaCy: {spacy_ratio:.2f}x ({'meets' if spacy_ratio >= 3 else 'MISSES'}); "
          f"ours >= 15 MB/s on one core: {mbs:.1f} MB/s ({'meets' if mbs >= 15 else 'MISSES'})")


if __name__ == "__main__":
    main()
