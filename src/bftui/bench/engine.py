"""Benchmark the index alone: a cold build of the whole library, and search as you type."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bftui.core.index.build import Index

TYPED = (
    "stadsmission",
    "malmo",
    "hyresgäst",
    "bostad först",
    "Svantesson",
    "typ:intervju malmö",
    "person:anita",
    "utvärdering",
    "Trappuppgångsvardagen",
    "år:2019 forskning",
    "göteborg samverkan",
    "lägenhet",
)
"""Searches typed key by key; every prefix is one keystroke's search."""


def build_once(root: Path, cache: Path) -> dict[str, float]:
    """Build the index of `root` into the empty `cache`; return seconds and peak MB."""
    started = time.perf_counter()
    index = Index.open(root, cache_dir=cache)
    result = index.sync()
    seconds = time.perf_counter() - started
    index.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "files": len(result.changed), "peak_mb": peak}


def cold_builds(root: Path, runs: int) -> list[dict[str, float]]:
    """Build the index `runs` times, each in a fresh process with an empty cache."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bftui-bench-cache-") as cache:
            code = (
                "import json, sys; from pathlib import Path;"
                "from bftui.bench.engine import build_once;"
                "print(json.dumps(build_once(Path(sys.argv[1]), Path(sys.argv[2]))))"
            )
            out = subprocess.run(
                [sys.executable, "-c", code, str(root), cache],
                check=True,
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            ).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def warm_start(root: Path, cache: Path, runs: int) -> list[float]:
    """Return seconds for open + library() + a stat-only sync on a warm cache."""
    Index.open(root, cache_dir=cache).sync()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        index = Index.open(root, cache_dir=cache)
        index.library()
        index.sync()
        times.append(time.perf_counter() - started)
        index.close()
    return times


def keystrokes(root: Path, cache: Path, runs: int) -> list[float]:
    """Return the seconds of every keystroke's search, typing `TYPED` `runs` times."""
    index = Index.open(root, cache_dir=cache)
    index.sync()
    times = []
    for _ in range(runs):
        for text in TYPED:
            for end in range(1, len(text) + 1):
                started = time.perf_counter()
                index.search(text[:end], 50)
                times.append(time.perf_counter() - started)
    index.close()
    return times
