"""The reader's speed: time to the first screen of a 20-page paper, and typing latency in the notes.

Compared in the same run with the obvious alternative: the whole paper as one Textual `Markdown`
widget (what a reader that renders the paper as a document would do). Figures:

* command to first frame: `paperkit read --demo` (the bundled PDF, opened like a cached paper)
  and `paperkit read PAPER.pdf` (its parse cached) in a pseudo-terminal, until the pass header
  is on the terminal (includes Python start-up and imports), in wall time and in the CPU time
  the process used until then. On a shared machine the wall time mostly measures waiting for a
  core; the CPU time is what an idle 2-core machine would wait (the app is single-threaded up
  to its first frame). Bytecode is compiled first, as an installed paperkit's is;
* first frame in process: app start to the first settled frame, for the reader's pass 2
  (one section, plain paragraphs) against the whole paper in one Markdown widget;
* keystroke to update: a key pressed in the notes editor until the editor holds it, with the
  reader's layout and with the whole-paper Markdown beside the editor;
* one autosave: rendering notes.md and writing it atomically (fsync included).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PAGES_HINT = "long"  # the sample generator's ~20-page paper
REPEATS = 5
COMMAND_REPEATS = 11  # the command's times vary most on a shared machine
TARGET_S = 0.5  # issue 15: first frame within half a second on 2 cores
KEYSTROKES = 60


def _median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def _p95_ms(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000


def make_pdf(folder: Path) -> Path:
    from corpus import samples

    doc, _ = samples.generate(samples.DEMO_STYLE, 1, "colorization", pages_hint=PAGES_HINT)
    path = folder / "long-paper.pdf"
    path.write_bytes(doc.tobytes(garbage=3, deflate=True))
    doc.close()
    return path


def paper_markdown(paper) -> str:
    parts = [f"# {paper.title}", "", paper.abstract or ""]
    for section in paper.sections:
        parts += ["", f"{'#' * min(section.level + 1, 6)} {section.label}", ""]
        parts += [p.text for p in section.paragraphs]
    return "\n\n".join(parts)


# --------------------------------------------------------------------------- command to first frame
def _cpu_seconds(pid: int) -> float:
    """User + system CPU time a running process has used so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def command_to_first_frame(args: list[str], workspace: Path) -> tuple[float, float]:
    """Wall and CPU seconds from starting `paperkit read ARGS` until the pass header is written to the terminal."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = threading.Event()
    output = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)
            if b"Pass" in output and b"1/3" in output:
                seen.set()

    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "paperkit", "read", *args],
        stdin=slave, stdout=slave, stderr=slave, cwd=workspace, start_new_session=True,
        env=dict(_bytecode_env(), TERM="xterm-256color"),
    )
    os.close(slave)
    threading.Thread(target=drain, daemon=True).start()
    ok = seen.wait(timeout=60)
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds(proc.pid)
    proc.kill()
    proc.wait()
    os.close(master)
    if not ok:
        raise RuntimeError("the reader did not paint its first frame within a minute")
    return elapsed, cpu


# --------------------------------------------------------------------------- in-process measurements
async def _reader_first_frame(paper, workspace) -> tuple[float, int]:
    from paperkit.reading.notes import ReadingState
    from paperkit.tui.app import ReaderApp
    from paperkit.tui.clock import ManualClock
    from paperkit.tui.session import ReadingSession

    ReadingState(current_pass=2).save(workspace.notes_dir("bench"))
    start = time.perf_counter()
    app = ReaderApp(ReadingSession(paper, "bench", workspace, clock=ManualClock()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - start
        widgets = len(app.screen.query("*"))
    return elapsed, widgets


async def _markdown_first_frame(markdown: str) -> tuple[float, int]:
    from textual.app import App
    from textual.widgets import Markdown

    class WholePaper(App):
        def compose(self):
            yield Markdown(markdown)

    start = time.perf_counter()
    app = WholePaper()
    async with app.run_test(size=(100, 30)) as pilot:
        md = app.query_one(Markdown)
        while not md.children:  # blocks are mounted after the parse
            await pilot.pause(0.01)
        await pilot.pause()
        elapsed = time.perf_counter() - start
        widgets = len(app.screen.query("*"))
    return elapsed, widgets


async def _typing_latency(app_factory, editor_query: str) -> list[float]:
    app = app_factory()
    latencies = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if hasattr(app.screen, "ensure_side"):  # the reader mounts its editors just after the first frame
            await app.screen.ensure_side()
        editor = app.screen.query_one(editor_query)
        editor.focus()
        await pilot.pause()
        for i in range(KEYSTROKES):
            expected = len(editor.text) + 1
            start = time.perf_counter()
            await pilot.press("abcdefghij"[i % 10])
            while len(editor.text) < expected:
                await asyncio.sleep(0)
            latencies.append(time.perf_counter() - start)
    return latencies


def _verdict(*runs: list[float]) -> str:
    medians = [statistics.median(r) for r in runs]
    if all(m <= TARGET_S for m in medians):
        return "within the target"
    return f"over the target by up to {(max(medians) - TARGET_S) * 1000:.0f} ms"


def _bytecode_env() -> dict[str, str]:
    """The environment with bytecode caching on: the first run compiles, as an install does."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _import_seconds() -> float:
    """CPU seconds a fresh interpreter spends importing Textual and the app."""
    code = "import time; t = time.process_time(); import paperkit.tui.app; print(time.process_time() - t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_bytecode_env()).stdout)


def main() -> None:
    from benchmarks._report import update_section
    from paperkit.reading.resolve import open_paper
    from paperkit.tui.clock import ManualClock
    from paperkit.tui.session import ReadingSession
    from paperkit.workspace import init_workspace

    load_before = os.getloadavg()
    print(f"load average (1, 5, 15 min) before: {load_before[0]:.1f} {load_before[1]:.1f} {load_before[2]:.1f} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        os.environ.setdefault("PAPERKIT_CACHE", str(tmp_path / "cache"))
        workspace = init_workspace(tmp_path / "ws")
        pdf = make_pdf(tmp_path)
        paper = open_paper(str(pdf))  # parses once and fills the cache, as `paperkit fetch`/a first read would
        markdown = paper_markdown(paper)
        words = len(markdown.split())
        print(f"paper: {paper.pages} pages, {len(paper.sections)} sections, {words} words", flush=True)

        command_to_first_frame(["--demo"], workspace.root)  # compiles the bytecode once, not measured
        opens = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            open_paper(str(pdf))
            opens.append(time.perf_counter() - start)
        imports = [_import_seconds() for _ in range(REPEATS)]
        demo_runs = [command_to_first_frame(["--demo"], workspace.root) for _ in range(COMMAND_REPEATS)]
        command_runs = [command_to_first_frame([str(pdf)], workspace.root) for _ in range(COMMAND_REPEATS)]
        demo, demo_cpu = [wall for wall, _ in demo_runs], [cpu for _, cpu in demo_runs]
        command = [wall for wall, _ in command_runs]
        command_cpu = [cpu for _, cpu in command_runs]
        reader = [asyncio.run(_reader_first_frame(paper, workspace)) for _ in range(REPEATS)]
        whole = [asyncio.run(_markdown_first_frame(markdown)) for _ in range(REPEATS)]

        from textual.app import App
        from textual.containers import Horizontal
        from textual.widgets import Markdown, TextArea

        from paperkit.tui.app import ReaderApp

        class MarkdownBesideNotes(App):
            def compose(self):
                with Horizontal():
                    yield Markdown(markdown)
                    yield TextArea(id="notes")

        def reader_app():
            return ReaderApp(ReadingSession(paper, "bench", workspace, clock=ManualClock()))

        typing_reader = asyncio.run(_typing_latency(reader_app, "#key-points"))
        typing_markdown = asyncio.run(_typing_latency(MarkdownBesideNotes, "#notes"))

        session = ReadingSession(paper, "bench", workspace, clock=ManualClock())
        saves = []
        for i in range(20):
            session.set_section_notes(session.pass2_sections[0], "key point " * (i + 1))
            start = time.perf_counter()
            session.save()
            saves.append(time.perf_counter() - start)

    load_after = os.getloadavg()
    reader_s = [r[0] for r in reader]
    whole_s = [w[0] for w in whole]
    ratio = statistics.median(whole_s) / statistics.median(reader_s)
    typing_ratio = statistics.median(typing_markdown) / statistics.median(typing_reader)
    body = f"""\
A generated {paper.pages}-page paper ({len(paper.sections)} sections, {words} words), parse cached.
Medians of {REPEATS} runs (typing: {KEYSTROKES} keystrokes). Timings are noisy when the machine is shared:
load average {load_before[0]:.1f} before and {load_after[0]:.1f} after the run, on {os.cpu_count()} cores.

| measurement | paperkit reader | whole paper in one `Markdown` widget | ratio |
|---|---|---|---|
| `paperkit read --demo` to first frame (subprocess, pty), CPU time of the process | {_median_ms(demo_cpu):.0f} ms (least {min(demo_cpu) * 1000:.0f}) | — | — |
| the same, wall (waits for a core on a shared machine) | {_median_ms(demo):.0f} ms (least {min(demo) * 1000:.0f}) | — | — |
| `paperkit read PAPER.pdf` (parse cached) to first frame, CPU time of the process | {_median_ms(command_cpu):.0f} ms (least {min(command_cpu) * 1000:.0f}) | — | — |
| the same, wall | {_median_ms(command):.0f} ms (least {min(command) * 1000:.0f}) | — | — |
| of which: importing Textual and the app (fresh interpreter, CPU) | {_median_ms(imports):.0f} ms | — | — |
| of which: opening the cached parse (`open_paper`) | {_median_ms(opens):.0f} ms | — | — |
| app start to settled frame, side panel included (in process) | {_median_ms(reader_s):.0f} ms ({reader[0][1]} widgets) | {_median_ms(whole_s):.0f} ms ({whole[0][1]} widgets) | {ratio:.1f}× |
| keystroke to editor update, median | {_median_ms(typing_reader):.1f} ms | {_median_ms(typing_markdown):.1f} ms | {typing_ratio:.1f}× |
| keystroke to editor update, p95 | {_p95_ms(typing_reader):.1f} ms | {_p95_ms(typing_markdown):.1f} ms | — |
| one autosave (render notes.md, atomic write, fsync) | {_median_ms(saves):.1f} ms | — | — |

Target: first frame within {TARGET_S * 1000:.0f} ms on 2 cores. Median CPU time to the first frame:
`--demo` {_median_ms(demo_cpu):.0f} ms, cached PDF {_median_ms(command_cpu):.0f} ms ({_verdict(demo_cpu, command_cpu)}).
The machine was shared (load {load_before[0]:.1f} on {os.cpu_count()} cores): the wall times are mostly
waiting for a core, and the CPU time until the first frame is what an idle 2-core machine would wait.

The reader mounts one section at a time as plain paragraphs, so its first frame does not grow
with the paper. The first frame holds the header, the text and the footer; the side panel (the
answer editors) is mounted just after it is painted, the pass screens are imported when first
shown, and pass 3's library and plugin lookups run in a worker. What is left of the command's
time is mostly Python and Textual start-up (the import line). Autosave runs 0.5 s after the first
unsaved keystroke, so at most half a second of typing is at risk.
"""
    print(body)
    update_section("reader", "Reader: first frame and typing latency", "python -m benchmarks bench_reader", body)


if __name__ == "__main__":
    main()
