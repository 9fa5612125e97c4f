"""Sentence boundaries: ours against pysbd, spaCy's rule-based sentencizer and blingfire.

    make bench-sentences        (installs the peers from requirements-bench.lock, then runs this)

Accuracy: every gold corpus in tests/data/corpora. Each segmenter gets the same input, the gold paragraphs
(so only sentence boundaries are compared), and is scored on the offsets where its sentences end (precision,
recall, F1), as `corpus-pipeline evaluate` scores ours. Speed: the same segmenters over the paragraphs of a
corpus scaled up from raw/ (--mb), in MB/s on one core, best of --rounds interleaved rounds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from benchmarks.corpus import scaled_corpus
from benchmarks.results import record
from flows.catalog import PROJECT_ROOT
from flows.evaluation import corpora_under, load_gold
from transforms.decoding import read_document
from transforms.evaluate import PRF, gold_sentences, locate
from transforms.records import Document, RawFile
from transforms.sentences import cap_length, split_sentences

Segmenter = Callable[[str], list[tuple[int, int]]]


def ours() -> Segmenter:
    return lambda text: cap_length(text, split_sentences(text))


def pysbd_segmenter() -> Segmenter:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(s.start, s.end) for s in seg.segment(text)]


def spacy_segmenter() -> Segmenter:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return lambda text: [(s.start_char, s.end_char) for s in nlp(text).sents]


def blingfire_segmenter() -> Segmenter:
    import blingfire

    return lambda text: list(blingfire.text_to_sentences_and_offsets(text)[1]) if text.strip() else []


SEGMENTERS: dict[str, Callable[[], Segmenter]] = {
    "corpus-pipeline": ours, "pysbd": pysbd_segmenter, "spacy sentencizer": spacy_segmenter,
    "blingfire": blingfire_segmenter,
}


def _end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def gold_paragraphs() -> tuple[list[str], set[tuple[int, int]]]:
    """Every gold paragraph's text, and the gold sentence ends as (paragraph index, offset)."""
    paragraphs: list[str] = []
    ends: set[tuple[int, int]] = set()
    for corpus in corpora_under(PROJECT_ROOT / "tests" / "data" / "corpora"):
        for gold_doc in load_gold(corpus / "gold.json")["documents"]:
            doc = read_document(RawFile(gold_doc["path"], (corpus / "raw" / gold_doc["path"]).read_bytes()))
            assert isinstance(doc, Document)
            spans = iter(locate(doc.text, gold_sentences(gold_doc)))
            for article in gold_doc["articles"]:
                for paragraph in article["paragraphs"]:
                    sentence_spans = [next(spans) for _ in paragraph["sentences"]]
                    start, end = sentence_spans[0][0], sentence_spans[-1][1]
                    ends |= {(len(paragraphs), e - start) for _, e in sentence_spans}
                    paragraphs.append(doc.text[start:end])
    return paragraphs, ends


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the corpus for the speed test")
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds, segmenters interleaved; best kept")
    args = parser.parse_args()
    paragraphs, gold = gold_paragraphs()
    lines = [
        line for data in scaled_corpus(PROJECT_ROOT / "raw", args.mb).values()
        for line in data.decode("utf-8").splitlines() if line.strip()
    ]
    n_bytes = sum(len(line.encode("utf-8")) for line in lines)
    print(f"accuracy: {len(gold)} gold sentence ends in {len(paragraphs)} paragraphs; "
          f"speed: {n_bytes / 1e6:.1f} MB in {len(lines)} paragraphs")
    segmenters = {name: make() for name, make in SEGMENTERS.items()}
    best = dict.fromkeys(segmenters, float("inf"))
    for _ in range(args.rounds):  # interleaved, best of N: the machines are noisy
        for name, segment in segmenters.items():
            start = time.perf_counter()
            for line in lines:
                segment(line)
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"{'segmenter':<20} {'precision':>9} {'recall':>7} {'F1':>7} {'MB/s':>8} {'vs ours':>8}")
    for name, segment in segmenters.items():
        predicted = {(i, _end(p, e)) for i, p in enumerate(paragraphs) for _, e in segment(p)}
        prf = PRF.of(predicted, gold)
        speed = n_bytes / 1e6 / best[name]
        ratio = best["corpus-pipeline"] / best[name]
        print(f"{name:<20} {prf.precision:9.3f} {prf.recall:7.3f} {prf.f1:7.3f} {speed:8.2f} {ratio:7.2f}x")
        record("sentence splitters", f"{name}: F1 on the gold corpora", prf.f1, "F1")
        record("sentence splitters", f"{name}: speed", speed, "MB/s", f"{ratio:.2f}x ours")


if __name__ == "__main__":
    main()
