"""Papers for the reader's tests and benchmark, and a test-only entry that runs the app on one.

`python tests/tui_support.py WORKSPACE READY_FILE` opens the generated paper at pass 2 with the key
points editor focused and touches READY_FILE once the first frame is up, so a test can type into
it through a pseudo-terminal and kill it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from paperkit.reading.paper import Figure, Metadata, Paper, Paragraph, Section

PAPER_ID = "2101.00001"

_SENTENCES = (
    "We study how the colour of a grayscale photograph can be predicted from its content.",
    "The loss rebalances rare colours so that predictions are not washed out.",
    "Each experiment changes one component and keeps the rest fixed.",
    "The evaluation uses a held-out set of ten thousand images.",
    "Results improve over the regression baseline on every metric we report.",
)


def _prose(seed: int, sentences: int = 6) -> str:
    return " ".join(_SENTENCES[(seed + i) % len(_SENTENCES)] for i in range(sentences))


def make_paper(pages: int = 8, *, with_metadata: bool = True, source: str | None = None) -> Paper:
    """A paper shaped like a real one: intro, method with math, experiments, conclusion, appendix."""
    body_sections = max(pages // 2, 3)
    sections = [Section("1", "Introduction", 1, 1, tuple(Paragraph(_prose(i), 1) for i in range(3)))]
    for n in range(2, body_sections + 2):
        page = min(pages, n)
        paragraphs = [Paragraph(_prose(n + i), page) for i in range(4)]
        paragraphs.insert(1, Paragraph("L(θ) = −Σ_q v(Z_q) Σ_q' Z_q,q' log Ẑ_q,q'\nv = ((1−λ) p̃ + λ/Q)^−1", page, math=True))
        sections.append(Section(str(n), f"Part {n}", 1, page, tuple(paragraphs)))
        sections.append(Section(f"{n}.1", f"Details of part {n}", 2, page, (Paragraph(_prose(n * 3), page),)))
    sections.append(Section(str(body_sections + 2), "Conclusion", 1, pages, (Paragraph("Colour prediction works as classification. " + _prose(2, 3), pages),)))
    sections.append(Section("A", "Extra results", 1, pages, (Paragraph(_prose(4), pages),)))
    figures = tuple(Figure("figure", str(i), f"Example outputs, setting {i}.", min(i + 1, pages)) for i in range(1, 4))
    tables = (Figure("table", "1", "Accuracy of each variant (one change per row).", min(5, pages)),)
    references = (
        "[1] A. Author. Learning representations for automatic colorization. ECCV 2016. arXiv:1603.06668",
        "[2] B. Author. Let there be color! SIGGRAPH 2016.",
        "[3] C. Author. Colorization as a proxy task. CVPR 2017. arXiv:1703.04044",
    )
    metadata = Metadata(PAPER_ID, 1, "Coloring Grayscale Photographs by Classification", ("Ada Lovelace", "Alan Turing"),
                        abstract="We predict colours.", categories=("cs.CV",), published="2021-01-01T00:00:00Z") if with_metadata else None
    return Paper(
        title="Coloring Grayscale Photographs by Classification",
        authors=("Ada Lovelace", "Alan Turing"),
        abstract="We pose colorization as classification over quantized colours and rebalance rare colours in the loss.",
        sections=tuple(sections),
        figures=figures,
        tables=tables,
        references=references,
        pages=pages,
        source=source,
        metadata=metadata,
    )


def make_pdf(path: Path, pages: int = 5, password: str | None = None) -> Path:
    """A small PDF with a drawn box on every page, for rendering figures (optionally encrypted)."""
    import pymupdf

    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=300, height=400)
        page.draw_rect(pymupdf.Rect(40, 40, 260, 200), color=(0, 0, 1), fill=(0.8, 0.9, 1))
        page.insert_text((40, 230), f"Figure {n + 1}: a box.", fontsize=10)
    options = {"encryption": pymupdf.PDF_ENCRYPT_AES_256, "user_pw": password, "owner_pw": password} if password else {}
    doc.save(path, **options)
    doc.close()
    return path


def _run_for_kill_test(workspace_root: str, ready_file: str) -> None:
    from paperkit.reading.notes import ReadingState
    from paperkit.tui.app import ReaderApp
    from paperkit.tui.session import ReadingSession
    from paperkit.workspace import Workspace

    workspace = Workspace(Path(workspace_root))
    ReadingState(current_pass=2).save(workspace.notes_dir(PAPER_ID))
    session = ReadingSession(make_paper(), PAPER_ID, workspace)
    app = ReaderApp(session)

    async def ready() -> None:
        await app.screen.focus_side("#key-points")
        Path(ready_file).write_text("ready")

    app.call_later(lambda: app.call_after_refresh(ready))
    app.run()


if __name__ == "__main__":
    _run_for_kill_test(sys.argv[1], sys.argv[2])
