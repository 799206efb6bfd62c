"""A talk outline (talk.md) as a slide deck: a PDF with one 16:9 slide per part.

The first slide names the paper, the presenter, the date and the length; then each `###` part
of the Outline becomes a slide with its bullets (formulas drawn as in every PDF export) and its
place in the time budget ("minutes 5–10 of 30"). Blanks and parts holding nothing but blanks
give a slide with the part's title alone, so the deck always has the talk's shape.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from paperkit.errors import InvalidInputError

SLIDE_WIDTH_PT, SLIDE_HEIGHT_PT = 960, 540  # 16:9, the shape of a projector
_MARGIN_PT = 48
_MIN_SCALE = 0.15  # below this a slide is unreadable anyway; the rest is cut
_SLIDE_CSS = """
body { font-family: sans-serif; font-size: 22pt; line-height: 1.35; color: #111; }
h1 { font-size: 36pt; margin: 0 0 0.4em 0; }
h2 { font-size: 30pt; margin: 0 0 0.5em 0; border-bottom: 2px solid #1a4f8b; }
p.meta { font-size: 20pt; color: #333; margin: 0.15em 0; }
p.time { font-size: 16pt; color: #555; }
li { margin: 0.25em 0; }
a { color: #1a4f8b; }
code, .math-source { font-family: monospace; font-size: 18pt; }
"""


@dataclass(frozen=True)
class Slide:
    title: str
    body: str  # Markdown
    minutes: int | None = None
    start: int | None = None


def talk_slides(markdown: str) -> tuple[str, list[tuple[str, str]], list[Slide]]:
    """(title, [(label, value)] for the title slide, part slides) from a talk.md."""
    from paperkit.review.export import document_title, header_value
    from paperkit.review.templating import without_comments

    text = without_comments(markdown)
    if "## Outline" not in text:
        raise InvalidInputError("the talk has no '## Outline' section", hint="write it with `paperkit talk ID`")
    title = document_title(text, "Talk").removeprefix("Talk: ")
    facts = [(key, header_value(text, key)) for key in ("Paper", "Presenter", "Session", "Length")]
    outline = text.split("## Outline", 1)[1]
    outline = re.split(r"^## ", outline, flags=re.MULTILINE)[0]
    slides, start = [], 0
    parts = re.split(r"^### (.+)$", outline, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2]):
        match = re.search(r"\((\d+) min\)\s*$", heading)
        minutes = int(match.group(1)) if match else None
        slides.append(Slide(heading[: match.start()].strip() if match else heading.strip(), body.strip(), minutes, start))
        start += minutes or 0
    return title, [(k, v) for k, v in facts if v], slides


def slides_pdf(markdown: str) -> bytes:
    """The deck: a title slide, then one slide per part with its bullets and its minutes."""
    import pymupdf

    from paperkit.review.markup import to_xhtml

    title, facts, slides = talk_slides(markdown)
    total = sum(s.minutes or 0 for s in slides)
    pages = ["<h1>" + html.escape(title) + "</h1>" + "".join(
        f'<p class="meta"><b>{html.escape(k)}:</b> {html.escape(v)}</p>' for k, v in facts)]
    images: dict[str, bytes] = {}
    for slide in slides:
        rendered = to_xhtml(slide.body, "image")
        images.update(rendered.images)
        timing = ""
        if slide.minutes is not None:
            timing = f'<p class="time">{slide.minutes} min · minutes {slide.start}–{slide.start + slide.minutes} of {total}</p>'
        pages.append(f"<h2>{html.escape(slide.title)}</h2>{rendered.body}{timing}")
    archive = pymupdf.Archive()
    for name, data in images.items():
        archive.add(data, name)
    deck = pymupdf.open()
    page_rect = pymupdf.Rect(0, 0, SLIDE_WIDTH_PT, SLIDE_HEIGHT_PT)
    frame = page_rect + (_MARGIN_PT, _MARGIN_PT, -_MARGIN_PT, -_MARGIN_PT)
    toc = []
    for number, body in enumerate(pages):
        story = pymupdf.Story(html=body, user_css=_SLIDE_CSS, archive=archive)
        doc = _one_slide(story, page_rect, frame)
        deck.insert_pdf(doc)
        toc.append([1, title if number == 0 else slides[number - 1].title, deck.page_count])
    deck.set_metadata({"title": f"Talk: {title}", "subject": "slides", "creator": "paperkit", "producer": "paperkit (PyMuPDF)"})
    deck.set_toc(toc)
    return deck.tobytes(garbage=3, deflate=True)


def _one_slide(story, page_rect, frame):
    """`story` on exactly one slide, scaled down when its text would not fit (a long part shrinks
    rather than spilling onto a second slide, so slide N is always part N)."""
    import io

    import pymupdf

    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    scale = 1.0
    more, filled = story.place(frame)
    while more and scale > _MIN_SCALE:
        # Lay it out on a larger frame, then scale that down onto the slide.
        scale *= 0.9
        story.reset()
        more, filled = story.place(pymupdf.Rect(0, 0, frame.width / scale, frame.height / scale))
    device = writer.begin_page(page_rect)
    if scale != 1.0:
        story.draw(device, pymupdf.Matrix(scale, scale).pretranslate(frame.x0 / scale, frame.y0 / scale))
    else:
        story.draw(device)
    writer.end_page()
    writer.close()
    return pymupdf.open("pdf", buffer.getvalue())
