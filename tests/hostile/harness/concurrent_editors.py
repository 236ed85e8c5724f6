"""Several real processes edit the same interview and event at once, through storage.

Each editor process, every round, adds one Q&A entry to the interview and
adds its token to the event's `partners`, each time from a fresh snapshot
(as a form does). Storage merges a save with a change made since (both
add different things), and the editor retries when it reports a conflict. After every
round it parses both files. The parent then checks that every entry and
token reported as saved is in the files exactly once: none lost.

    python tests/hostile/harness/concurrent_editors.py --editors 4 --rounds 500

prints a JSON report; the exit status is 1 if anything was lost or corrupt.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from bftui.core.items import qa, qa_edit
from bftui.core.items.model import Article
from bftui.core.library.loading import load_article, read_body
from bftui.core.store import storage
from bftui.core.store.snapshots import Snapshot
from bftui.paths import bundled_library

INTERVIEW = "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff.md"
EVENT = "events/2019-natverkstraff-malmo.toml"
MAX_TRIES = 50


def _corrupt(root: Path) -> str:
    """Return what is wrong with the two files, or "" when both read cleanly."""
    try:
        tomllib.loads((root / EVENT).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return f"event: {error}"
    article = load_article(root / INTERVIEW, root)
    if not isinstance(article, Article):
        return f"interview: {article}"
    return ""


def _save(attempt: Any, record: dict[str, Any], rng: random.Random) -> None:
    """Run `attempt(pause)` until it is not refused; note conflicts and the outcome."""
    for tries in range(1, MAX_TRIES + 1):
        try:
            written = attempt(lambda: time.sleep(rng.random() * 0.002))
        except storage.ConflictError:
            record["conflicts"] += 1
            continue
        record["tries"] = tries
        record["merged"] = written.merged
        record["status"] = "saved"
        return
    record["status"] = "gave_up"


def editor(root: Path, number: int, rounds: int, start_at: float) -> None:
    """Edit the interview and the event `rounds` times; print one JSON line per save."""
    rng = random.Random(number)
    interview, event = root / INTERVIEW, root / EVENT
    time.sleep(max(0.0, start_at - time.time()))
    for round_ in range(rounds):
        token = f"e{number}-r{round_}"

        def add_entry(pause: Any, token: str = token) -> Snapshot:
            snap = storage.snapshot(interview)
            pause()  # the editor types
            return storage.update_body(
                interview,
                lambda body: qa_edit.add_entry(
                    body, f"Fråga {token}?", f"Svar {token}."
                ),
                snap,
                root=root,
            )

        def add_partner(pause: Any, token: str = token) -> Snapshot:
            snap = storage.snapshot(event)
            partners = tomllib.loads(snap.text).get("partners", [])
            pause()
            return storage.update_event(
                event, {"partners": [*partners, token]}, snap, root=root
            )

        for kind, attempt in (("entry", add_entry), ("partner", add_partner)):
            record: dict[str, Any] = {"kind": kind, "token": token, "conflicts": 0}
            _save(attempt, record, rng)
            record["corrupt"] = _corrupt(root)
            print(json.dumps(record), flush=True)


def check(root: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare what the editors were told was saved with what the files hold."""
    article = load_article(root / INTERVIEW, root)
    assert isinstance(article, Article), article
    questions = Counter(entry.question for entry in qa.find_entries(read_body(article)))
    partners = Counter(tomllib.loads((root / EVENT).read_text())["partners"])
    saved = [r for r in records if r["status"] == "saved"]
    lost = [
        f"{r['kind']} {r['token']}"
        for r in saved
        if (questions if r["kind"] == "entry" else partners)[
            f"Fråga {r['token']}?" if r["kind"] == "entry" else r["token"]
        ]
        != 1
    ]
    unsaved_but_there = [
        r["token"]
        for r in records
        if r["status"] != "saved" and r["kind"] == "partner" and partners[r["token"]]
    ]
    return {
        "saves": len(saved),
        "conflicts_reported": sum(r["conflicts"] for r in records),
        "merged": sum(bool(r.get("merged")) for r in records),
        "retries": sum(r.get("tries", MAX_TRIES) - 1 for r in records),
        "gave_up": sum(r["status"] == "gave_up" for r in records),
        "corrupt_after_a_round": [r["corrupt"] for r in records if r["corrupt"]],
        "lost": lost,
        "not_saved_but_written": unsaved_but_there,
        "final_corrupt": _corrupt(root),
    }


def run(editors: int, rounds: int, root: Path | None = None) -> dict[str, Any]:
    """Run `editors` processes for `rounds` rounds each on a copy of the sample library."""
    with tempfile.TemporaryDirectory() as scratch:
        library = root or Path(scratch) / "library"
        if root is None:
            shutil.copytree(bundled_library(), library)
        start_at = time.time() + 1.0  # every editor starts at the same moment
        began = time.perf_counter()
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--editor",
                    str(number),
                    "--rounds",
                    str(rounds),
                    "--library",
                    str(library),
                    "--start-at",
                    str(start_at),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for number in range(editors)
        ]
        records = []
        for process in processes:
            out, _ = process.communicate()
            records += [json.loads(line) for line in out.splitlines() if line]
            if process.returncode:
                raise RuntimeError(f"editor exited with {process.returncode}")
        report = check(library, records)
        report.update(
            editors=editors,
            rounds=editors * rounds,
            seconds=round(time.perf_counter() - began - 1.0, 2),
        )
        return report


def main() -> int:
    """Run the harness from the command line and print its report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=250, help="rounds per editor")
    parser.add_argument("--editor", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--library", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.editor is not None:
        editor(args.library, args.editor, args.rounds, args.start_at)
        return 0
    report = run(args.editors, args.rounds)
    print(json.dumps(report, indent=1))
    bad = report["lost"] or report["corrupt_after_a_round"] or report["final_corrupt"]
    return 1 if bad or report["not_saved_but_written"] else 0


if __name__ == "__main__":
    sys.exit(main())
