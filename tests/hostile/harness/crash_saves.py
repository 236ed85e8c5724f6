"""Kill a saving or creating process with SIGKILL at random moments; nothing half-written.

A forked child does what the Q&A form does, over and over: autosave the
draft of a new entry, save the entry into the interview (storage), discard
the draft. It reports each step on a pipe. The parent kills it after a
random delay and then checks the library: the interview parses and holds
exactly the entries saved before (or that one more), no temporary file is
taken for content, and the draft of the interrupted entry can be restored.

With `--creations`, the child creates events instead (what `new event` and
a form's first save do), and every event file must be complete: a name is
absent or whole, never empty, and the temporary files the kills leave are
removed by the next start (`remove_stale_temps`).

    python tests/hostile/harness/crash_saves.py --kills 1000
    python tests/hostile/harness/crash_saves.py --kills 1000 --creations

prints a JSON report; the exit status is 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bftui.core.items import qa, qa_edit
from bftui.core.items.model import Article
from bftui.core.library.loading import load, load_article, read_body
from bftui.core.store import drafts, sessions, storage
from bftui.core.store.atomic import TEMP_PREFIX, TEMP_SUFFIX, remove_stale_temps
from bftui.paths import bundled_library

INTERVIEW = "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff.md"
ITEM = f"qa:{INTERVIEW}:new:end"  # the key the Q&A form gives a new entry


def _question(number: int) -> str:
    return f"Krasch {number}?"


def _numbers(root: Path) -> list[int]:
    """Return the numbers of the crash entries in the interview (it must parse)."""
    article = load_article(root / INTERVIEW, root)
    if not isinstance(article, Article):
        raise AssertionError(f"the interview does not load: {article}")
    return [
        int(entry.question.split()[1].rstrip("?"))
        for entry in qa.find_entries(read_body(article))
        if entry.question.startswith("Krasch ")
    ]


def _child(root: Path, first: int, report: int) -> None:
    """Save entries `first`, `first + 1`, ... until killed, telling `report` each step."""
    path = root / INTERVIEW
    for number in range(first, first + 10_000):
        fields = {"question": _question(number), "answer": f"Svar {number}."}
        drafts.save(drafts.Draft(root, ITEM, "qa", _question(number), fields))
        os.write(report, f"drafted {number}\n".encode())
        snap = storage.snapshot(path)
        storage.update_body(
            path,
            lambda body, n=number: qa_edit.add_entry(body, _question(n), f"Svar {n}."),
            snap,
            root=root,
        )
        os.write(report, f"saved {number}\n".encode())
        drafts.discard(root, ITEM)
        os.write(report, f"discarded {number}\n".encode())


def _kill_once(root: Path, rng: random.Random, max_delay: float) -> list[str]:
    """Fork a saving child, kill it after a random delay, return the steps it reported."""
    first = max(_numbers(root), default=-1) + 1
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: save until killed, never return into the caller
        os.close(read_end)
        sessions.forget_current()  # A process of its own, as a second app would be.
        try:
            _child(root, first, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    time.sleep(rng.random() * max_delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read().decode().split()


def _check(root: Path, steps: list[str], saved_before: list[int]) -> dict[str, Any]:
    """Check the library after one kill; return what was found."""
    numbers = _numbers(root)
    events = list(zip(steps[::2], map(int, steps[1::2]), strict=True))
    saved = [n for step, n in events if step == "saved"]
    expected = saved_before + saved
    # The kill may land after a save and before it was reported: one more.
    assert numbers in (expected, [*expected, expected[-1] + 1 if expected else 0]), (
        numbers[-3:],
        expected[-3:],
    )
    # The killed editor's session has ended: its draft is left behind, and
    # taken over as a restarted app would.
    left = [d for d in drafts.list_drafts(root) if d.item == ITEM]
    assert len(left) <= 1, left
    draft = drafts.adopt(left[0]) if left else None
    last = events[-1] if events else ("none", -1)
    interrupted = numbers[-1] + 1 if numbers else 0
    if last[0] == "drafted" and last[1] not in numbers:
        # Killed while saving the entry: its draft must be there to restore.
        assert draft is not None and draft.fields["question"] == _question(last[1])
    if draft is not None:
        number = int(draft.fields["question"].split()[1].rstrip("?"))
        assert number in (interrupted, interrupted - 1), (number, interrupted)
        if number == interrupted:
            # Restore it as the form would: save the entry, discard the draft.
            snap = storage.snapshot(root / INTERVIEW)
            storage.update_body(
                root / INTERVIEW,
                lambda body: qa_edit.add_entry(
                    body, draft.fields["question"], draft.fields["answer"]
                ),
                snap,
                root=root,
            )
        drafts.discard(root, ITEM)
    for path in drafts.drafts_dir().glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # never half a draft
    return {
        "stage": last[0],
        "restored_draft": draft is not None
        and draft.fields["question"] == _question(interrupted),
        "temp_files": len(list(root.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))),
    }


def run(kills: int, seed: int = 0, max_delay: float = 0.05) -> dict[str, Any]:
    """Kill a saving child `kills` times on a copy of the sample library; report."""
    rng = random.Random(seed)
    stages: Counter[str] = Counter()
    restored = temp_files = 0
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "library"
        shutil.copytree(bundled_library(), root)
        for _ in range(kills):
            saved_before = _numbers(root)
            steps = _kill_once(root, rng, max_delay)
            found = _check(root, steps, saved_before)
            stages[found["stage"]] += 1
            restored += found["restored_draft"]
            temp_files = found["temp_files"]
        library = load(root)
        leftovers = sorted(p.name for p in root.rglob(f"{TEMP_PREFIX}*"))
        taken_for_content = [
            str(problem) for problem in library.problems if TEMP_PREFIX in str(problem)
        ] + [str(i.path) for i in library.items() if TEMP_PREFIX in i.path.name]
        return {
            "kills_survived": kills,
            "entries_saved": len(_numbers(root)),
            "killed_after": dict(stages),
            "drafts_restored": restored,
            "temp_files_left": len(leftovers),
            "temp_files_at_end_of_last_kill": temp_files,
            "temp_files_taken_for_content": taken_for_content,
            "seconds": round(time.perf_counter() - began, 2),
        }


def _create(root: Path, report: int) -> None:
    """Create events until killed, telling `report` the name of each."""
    while True:
        path = storage.create_event(root, {"title": "Krasch", "year": 2021})
        os.write(report, f"{path.name}\n".encode())


def _kill_creation(root: Path, rng: random.Random, max_delay: float) -> list[str]:
    """Fork a creating child, kill it after a random delay, return what it created."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: create until killed, never return into the caller
        os.close(read_end)
        try:
            _create(root, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    time.sleep(rng.random() * max_delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read().decode().split()


def run_creations(kills: int, seed: int = 0, max_delay: float = 0.05) -> dict[str, Any]:
    """Kill a creating child `kills` times on a copy of the sample library; report."""
    rng = random.Random(seed)
    began = time.perf_counter()
    created = 0
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "library"
        shutil.copytree(bundled_library(), root)
        events = root / "events"
        for _ in range(kills):
            reported = _kill_creation(root, rng, max_delay)
            created += len(reported)
            missing = [name for name in reported if not (events / name).is_file()]
            assert not missing, missing
        empty = sorted(p.name for p in events.glob("*.toml") if not p.stat().st_size)
        broken = [str(problem) for problem in load(root).problems]
        left = len(list(events.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}")))
        removed = remove_stale_temps(root)  # what the next start does
        return {
            "kills_survived": kills,
            "events": len(list(events.glob("*.toml"))),
            "creations_reported": created,
            "empty_files": empty,
            "broken_items": broken,
            "temp_files_left_by_the_last_kills": left,
            "temp_files_removed_at_start": removed,
            "temp_files_after_start": len(list(root.rglob(f"{TEMP_PREFIX}*"))),
            "seconds": round(time.perf_counter() - began, 2),
        }


def main() -> int:
    """Run the harness from the command line and print its report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-delay", type=float, default=0.05, help="seconds")
    parser.add_argument(
        "--creations", action="store_true", help="kill creations of new events"
    )
    args = parser.parse_args()
    scratch = tempfile.mkdtemp()
    os.environ["XDG_STATE_HOME"] = scratch  # the user's own drafts stay untouched
    try:
        runner = run_creations if args.creations else run
        report = runner(args.kills, args.seed, args.max_delay)
    except AssertionError as error:
        print(json.dumps({"failed": repr(error)}))
        return 1
    finally:
        shutil.rmtree(scratch)
    print(json.dumps(report, indent=1))
    failed = report.get("temp_files_taken_for_content") or any(
        report.get(key) for key in ("empty_files", "broken_items")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
