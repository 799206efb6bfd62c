"""Export speed: a review sheet to PDF with PyMuPDF's Story (what `paperkit review export` uses)
against MuPDF's own HTML document reader converted with `convert_to_pdf` (the named alternative),
and the HTML step alone, on the same generated sheet. Also records the PDF sizes.

Run: `python -m benchmarks bench_review`.
"""

from __future__ import annotations

import statistics
import time

REPEATS = 7
SECTIONS = 12  # a long sheet: about three A4 pages


def _sheet() -> str:
    parts = ["# Review: a generated paper", "", "- **Paper:** arXiv:0000.00000", "- **Form:** neurips", ""]
    for i in range(SECTIONS):
        parts += [f"## Section {i}", "", "A sentence a reviewer might write about the method (§ 3.2). " * 8, ""]
        parts += [f"- Point {j} of section {i} (Table {j})" for j in range(5)] + [""]
    parts += ["| Field | Score |", "|---|---:|", *(f"| Score {k} | {k % 4 + 1} |" for k in range(5)), ""]
    return "\n".join(parts)


def _timed(fn) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    import pymupdf

    from benchmarks._report import update_section
    from paperkit.review.export import html_page, pdf_from_html, render_body, stylesheet

    text = _sheet()
    css = stylesheet(None)
    body = render_body(text)
    page = html_page(body, "bench", css)

    html_s, _ = _timed(lambda: render_body(text))
    story_s, story_pdf = _timed(lambda: pdf_from_html(body, css))

    def via_html_reader() -> bytes:
        with pymupdf.open(stream=page.encode("utf-8"), filetype="html") as doc:
            return doc.convert_to_pdf()

    reader_s, reader_pdf = _timed(via_html_reader)
    pages = [pymupdf.open("pdf", data).page_count for data in (story_pdf, reader_pdf)]
    body_md = (
        f"Median of {REPEATS} runs; one generated sheet of {SECTIONS} sections ({len(text)} characters of Markdown). "
        "Timings on a shared 2-core machine are noisy.\n\n"
        "| Step | Median time | Pages | PDF size |\n|---|---:|---:|---:|\n"
        f"| Markdown → HTML (markdown-it-py) | {html_s * 1e3:.1f} ms | | |\n"
        f"| HTML → PDF, `pymupdf.Story` (used) | {story_s * 1e3:.1f} ms | {pages[0]} | {len(story_pdf) / 1024:.0f} KiB |\n"
        f"| HTML → PDF, MuPDF HTML reader + `convert_to_pdf` | {reader_s * 1e3:.1f} ms | {pages[1]} | {len(reader_pdf) / 1024:.0f} KiB |\n\n"
        f"Story / HTML reader time ratio: {story_s / reader_s:.2f}. Story lays pages out in a frame we choose "
        "(A4 with 54 pt margins); the HTML reader uses its own page size, hence the different page counts."
    )
    print(body_md)
    update_section("review-export", "Review export: PDF via PyMuPDF Story vs MuPDF's HTML reader", "python -m benchmarks bench_review", body_md)


if __name__ == "__main__":
    main()
