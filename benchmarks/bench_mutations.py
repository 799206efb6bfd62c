"""Mutation testing: does removing a guard make a test fail?

Each mutant below removes one guard the code relies on (a check, a restore, a lock) by replacing
one exact line. The script copies the tracked files of this checkout into a temporary folder,
applies one mutant at a time there (the checkout itself is never touched), and runs the tests
that guard that code. A mutant is *killed* when a test that passes on the unmutated code fails.

The named alternative, in the same run: the same mutants against the test suite of an earlier
commit (`--base`, default the commit issue 17 was filed against), with its tests copied over the
current code. Only tests that pass on the unmutated code count, so a test that fails there for an
unrelated API change is not credited with a kill.

    python -m benchmarks bench_mutations               # all mutants, both suites, writes docs/BENCHMARKS.md
    python -m benchmarks.bench_mutations --only runner  # mutants whose name contains "runner"; prints only
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "852d184"  # main when issue 17 was filed: every mutant below survived its whole suite


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str  # file, relative to the repository root
    line: str  # the exact text (stripped) of the line to replace; must occur once
    replacement: str  # what the line becomes (its indentation is kept)
    tests: tuple[str, ...]  # pytest arguments: test files, optionally -k EXPR


MUTANTS: tuple[Mutant, ...] = (
    # the overfit check (paperkit/training/overfit.py)
    Mutant("overfit: zeroed-input control skipped", "paperkit/training/overfit.py",
           "reached, losses, accuracy = memorise(task, torch.zeros_like(x), y, min(max_steps, max(50, 2 * needed)), lr)",
           "reached, losses, accuracy = None, [0.0], None", ("tests/test_overfit.py",)),
    Mutant("overfit: random-label control skipped", "paperkit/training/overfit.py",
           "reached, losses, accuracy = memorise(task, x, random_labels, max(max_steps, 4 * needed), lr)",
           "reached, losses, accuracy = 1, [0.0], None", ("tests/test_overfit.py",)),
    Mutant("overfit: 100 % accuracy not required", "paperkit/training/overfit.py",
           "if sum(recent) / len(recent) <= target and (not task.has_accuracy or accuracy == 1.0):",
           "if sum(recent) / len(recent) <= target:", ("tests/test_overfit.py",)),
    Mutant("overfit: all-zero gradient accepted", "paperkit/training/overfit.py",
           "if not param.grad.abs().sum() > 0:", "if False:", ("tests/test_overfit.py",)),
    # resume (paperkit/training/runner.py)
    Mutant("runner: shuffle state not restored", "paperkit/training/runner.py",
           'shuffle.set_state(state["shuffle_at_epoch_start"])', "pass", ("tests/test_runner.py",)),
    Mutant("runner: augmentation generator not restored", "paperkit/training/runner.py",
           'aug_gen.set_state(state["augment_generator"].to(aug_gen.get_state().device))', "pass",
           ("tests/test_runner.py",)),
    Mutant("runner: global RNGs not restored on resume", "paperkit/training/runner.py",
           'set_rng_states(state["rng"])\n            history, epoch', "pass\n            history, epoch",
           ("tests/test_runner.py",)),
    Mutant("runner: previous checkpoint not kept", "paperkit/training/runner.py",
           "}, keep_previous=True)", "}, keep_previous=False)", ("tests/test_runner.py",)),
    Mutant("runner: NaN evaluation accepted", "paperkit/training/runner.py",
           "if diverged:", "if False:", ("tests/test_runner.py",)),
    Mutant("runner: re-logged rows appended", "paperkit/training/runner.py",
           "if not same:", "if True:", ("tests/test_runner.py",)),
    Mutant("experiment: NaN final result accepted", "paperkit/training/experiment.py",
           "if bad:", "if False:", ("tests/test_cmd_reproduce.py", "-k", "diverged")),
    Mutant("registry: plugin contract not checked", "paperkit/training/registry.py",
           "_check_config_class(cls, source)", "pass", ("tests/test_registry.py",)),
    # config (paperkit/config.py)
    Mutant("config: declared ranges ignored", "paperkit/config.py",
           "if isinstance(allowed, Allowed) and not allowed.accepts(value):", "if False:",
           ("tests/test_config.py",)),
    Mutant("config: nan accepted for floats", "paperkit/config.py",
           "if not math.isfinite(value):", "if False:", ("tests/test_config.py",)),
    # templates, encrypted PDFs, sheets, files, network
    Mutant("templating: no sandbox", "paperkit/review/templating.py",
           "env = SandboxedEnvironment(", "env = jinja2.Environment(", ("tests/test_templating.py",)),
    Mutant("resolve: encrypted PDFs cached", "paperkit/reading/resolve.py",
           "if needs_password(pdf_path, marked=marked):", "if False:", ("tests/test_resolve.py",)),
    Mutant("documents: check-then-write instead of exclusive create", "paperkit/review/documents.py",
           "elif path.exists() or not atomic_create_text(path, text):",
           "elif path.exists() or atomic_write_text(path, text):", ("tests/test_documents.py", "-k", "concurrent")),
    Mutant("documents: links out of the workspace followed", "paperkit/review/documents.py",
           "if where != root and root not in where.parents:", "if False:", ("tests/test_documents.py",)),
    Mutant("files: stale temporary files kept", "paperkit/files.py",
           "clean_stale_temp_files(target.parent)", "pass", ("tests/test_files.py",)),
    Mutant("files: read-only files replaced", "paperkit/files.py",
           "if target.exists() and _read_only(target):", "if False:", ("tests/test_files.py",)),
    Mutant("http: closed-before-answer not retried", "paperkit/http.py",
           "if _closed_before_answer(exc):", "if False:", ("tests/test_http.py",)),
    Mutant("http: short body not detected", "paperkit/http.py",
           "if expected is not None and arrived < expected:", "if False:", ("tests/test_http.py",)),
)


def _copy_tree(dest: Path, tests_from: str | None) -> None:
    """The tracked files of this checkout (working-tree content) into `dest`; tests/ from a commit if asked."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, (f.decode() for f in files)):
        source = ROOT / name
        if tests_from and name.startswith("tests/"):
            continue
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    if tests_from:
        archive = subprocess.run(["git", "archive", tests_from, "tests"], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def _pytest(tree: Path, args: tuple[str, ...], deselect: list[str], first_failure: bool) -> tuple[int, list[str]]:
    """Run pytest in `tree`; returns (exit code, ids of failed tests)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider", "-rfE",
               *(["-x"] if first_failure else []), *args, *[f"--deselect={d}" for d in deselect]]
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, timeout=900)
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.MULTILINE)
    return done.returncode, failed


def _mutate(tree: Path, mutant: Mutant) -> str:
    """Apply `mutant` in `tree`; returns the original text to restore."""
    path = tree / mutant.path
    text = path.read_text(encoding="utf-8")
    if text.count(mutant.line) != 1:
        raise SystemExit(f"mutant {mutant.name!r}: {mutant.line!r} occurs {text.count(mutant.line)} times in {mutant.path}")
    path.write_text(text.replace(mutant.line, mutant.replacement), encoding="utf-8")
    return text


def run_suite(tree: Path, mutants: list[Mutant], label: str) -> dict[str, str]:
    """{mutant name: "killed" | "survived" | "no test"} for the tests in `tree`."""
    outcomes: dict[str, str] = {}
    baseline_failures: dict[tuple[str, ...], list[str]] = {}
    for mutant in mutants:
        files = [a for a in mutant.tests if a.startswith("tests/")]
        if not all((tree / f).exists() for f in files):
            outcomes[mutant.name] = "no test"
            print(f"  [{label}] {mutant.name}: no test file", flush=True)
            continue
        if mutant.tests not in baseline_failures:  # tests already failing on unmutated code do not count
            _, baseline_failures[mutant.tests] = _pytest(tree, mutant.tests, [], first_failure=False)
            if baseline_failures[mutant.tests]:
                print(f"  [{label}] not counted, failing without any mutant: {' '.join(baseline_failures[mutant.tests])}")
        original = _mutate(tree, mutant)
        try:
            started = time.perf_counter()
            code, _ = _pytest(tree, mutant.tests, baseline_failures[mutant.tests], first_failure=True)
            seconds = time.perf_counter() - started
        finally:
            (tree / mutant.path).write_text(original, encoding="utf-8")
        outcomes[mutant.name] = "no test" if code == 5 else "survived" if code == 0 else "killed"
        print(f"  [{label}] {mutant.name}: {outcomes[mutant.name]} ({seconds:.0f} s)", flush=True)
    return outcomes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only the mutants whose name contains this text (prints, writes nothing)")
    parser.add_argument("--base", default=BASE, help="the commit whose tests are the alternative (default %(default)s)")
    args = parser.parse_args(argv if argv is not None else [a for a in sys.argv[1:] if a != "bench_mutations"])
    mutants = [m for m in MUTANTS if args.only in m.name]
    with tempfile.TemporaryDirectory(prefix="paperkit-mutants-") as scratch:
        here, base = Path(scratch) / "here", Path(scratch) / "base"
        _copy_tree(here, None)
        _copy_tree(base, args.base)
        started = time.perf_counter()
        ours = run_suite(here, mutants, "tests here")
        seconds = time.perf_counter() - started
        theirs = run_suite(base, mutants, f"tests at {args.base}")
    killed = sum(v == "killed" for v in ours.values())
    killed_base = sum(v == "killed" for v in theirs.values())
    print(f"killed {killed} of {len(mutants)} with the tests here, {killed_base} with the tests at {args.base}")
    if args.only:
        return
    from benchmarks._report import update_section

    rows = [f"| {m.name} | `{m.path}` | {ours[m.name]} | {theirs[m.name]} |" for m in mutants]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    body = "\n".join([
        "Each mutant removes one guard by replacing one exact line (the list is in benchmarks/bench_mutations.py)",
        "and runs the tests that guard that module, in a temporary copy of the checkout. *killed*: a test that",
        f"passes on the unmutated code fails. Alternative: the same mutants against the tests of commit {args.base}.",
        "",
        f"**Killed {killed} of {len(mutants)}** with the tests here, against **{killed_base} of {len(mutants)}** with the "
        f"tests at {args.base}; the {len(mutants)} mutants took {seconds:.0f} s with the tests here "
        f"(load average {load:.1f} at the end, machine shared).",
        "",
        f"| mutant | module | tests here | tests at {args.base} |",
        "|---|---|---|---|",
        *rows,
    ])
    update_section("mutations", "Mutation testing: guards the tests catch", "python -m benchmarks bench_mutations", body)


if __name__ == "__main__":
    main()
