"""Sample papers we write ourselves: the demo paper for `paperkit read --demo` and the parser's test corpus.

Every document is generated with PyMuPDF from prose invented here (no third-party text), in several
"publisher styles" that differ the way real venues do: one or two columns, fonts and sizes,
numbered ("1", "1.", "Appendix A.") or unnumbered headings, upper-case headings, captions above or
below, running headers, page numbers, author-year or numeric references, an embedded outline or
none. `generate(style, seed)` returns the PDF bytes together with the ground truth (sections,
captions, references, math paragraphs) the evaluation in benchmarks/bench_outline.py scores against.

The corpus is split once, before any tuning of the parser, into styles the parser was tuned on
(`TUNED_STYLES`) and styles held out to measure how it generalises (`HELD_OUT_STYLES`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from pathlib import Path

# ───────────────────────────── publisher styles ─────────────────────────────


@dataclass(frozen=True)
class Style:
    """How one venue sets a paper. Sizes in PDF points (1/72 inch)."""

    name: str
    columns: int = 1
    page: tuple[float, float] = (612.0, 792.0)  # US letter; A4 is (595, 842)
    margin_x: float = 108.0  # left/right margin
    margin_top: float = 72.0
    margin_bottom: float = 72.0
    column_gap: float = 20.0
    body_font: str = "tiro"  # PyMuPDF base-14 short names
    bold_font: str = "tibo"
    italic_font: str = "tiit"
    heading_font: str = "tibo"
    title_font: str = "tibo"
    body_size: float = 10.0
    leading: float = 1.2  # line height / font size
    h1_size: float = 12.0
    h2_size: float = 10.0
    title_size: float = 17.0
    numbering: str = "plain"  # "plain": "1 Intro"; "dot": "1. Intro"; "none": no numbers
    upper_h1: bool = False  # "1 INTRODUCTION"
    appendix_word: bool = False  # "Appendix A. Proofs" instead of "A Proofs"
    paragraph_indent: float = 0.0  # first-line indent; 0 means paragraphs are separated by space
    paragraph_gap: float = 5.0
    figure_label: str = "Figure {n}:"
    table_label: str = "Table {n}:"
    figure_caption_above: bool = False
    table_caption_above: bool = True
    caption_size: float = 9.0
    running_header: bool = False  # short title (and authors) at the top of every page but the first
    page_numbers: str = "bottom"  # "bottom", "top" (outer corner) or "none"
    references: str = "numeric"  # "numeric" "[3] A. Author ..." or "authoryear" with hanging indent
    reference_size: float = 9.0
    abstract: str = "heading"  # "heading": an "Abstract" heading; "runin": "Abstract. The text ..."
    run_in_paragraph_headings: bool = False  # bold "Datasets." opening some paragraphs (not sections)
    outline: bool = False  # embed a PDF outline (bookmarks)


STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        # ---- tuned on ----
        Style("neurips", run_in_paragraph_headings=True, outline=True),
        Style(
            "icml", columns=2, margin_x=54.0, column_gap=22.0, numbering="dot", h1_size=11.0, body_size=9.5,
            figure_label="Figure {n}.", table_label="Table {n}.", running_header=True, references="authoryear",
            paragraph_indent=10.0, paragraph_gap=0.0,
        ),
        Style(
            "arxiv-sans", heading_font="hebo", title_font="hebo", numbering="none", h1_size=14.0, h2_size=11.5,
            margin_x=90.0, body_size=11.0, figure_caption_above=False, table_caption_above=False, outline=True,
            page_numbers="top",
        ),
        Style(
            "lncs", page=(595.0, 842.0), margin_x=124.0, margin_top=110.0, margin_bottom=110.0, body_size=10.0,
            figure_label="Fig. {n}.", table_label="Table {n}.", abstract="runin", running_header=True,
            page_numbers="top", paragraph_indent=12.0, paragraph_gap=0.0, reference_size=8.5,
        ),
        # ---- held out: never looked at while tuning the parser ----
        Style(
            "cvpr", columns=2, margin_x=50.0, column_gap=24.0, numbering="dot", body_size=10.0,
            figure_label="Figure {n}.", table_label="Table {n}.", paragraph_indent=12.0, paragraph_gap=0.0,
            run_in_paragraph_headings=True,
        ),
        Style(
            "iclr", body_font="tiro", upper_h1=True, running_header=True, references="authoryear",
            margin_x=110.0, h1_size=12.0,
        ),
        Style(
            "acl", page=(595.0, 842.0), columns=2, margin_x=70.0, column_gap=18.0, body_size=11.0, h1_size=12.0,
            h2_size=11.0, references="authoryear", page_numbers="none", outline=True,
        ),
        Style(
            "jmlr", appendix_word=True, numbering="dot", running_header=True, page_numbers="bottom",
            margin_x=100.0, body_size=11.0, h1_size=13.0, h2_size=11.0, paragraph_indent=15.0, paragraph_gap=0.0,
            figure_caption_above=False, table_caption_above=True,
        ),
    )
}
TUNED_STYLES = ("neurips", "icml", "arxiv-sans", "lncs")
HELD_OUT_STYLES = ("cvpr", "iclr", "acl", "jmlr")

# ───────────────────────────── invented prose ─────────────────────────────

TOPICS = {
    "colorization": dict(
        title="Colorization as a Pretext Task: What the Network Learns When It Paints",
        short="Colorization as a Pretext Task",
        task="image colorization", method="ChromaNet", data="ImageNet", signal="the ab colour channels",
        things=["grayscale inputs", "quantized colour bins", "class rebalancing", "Lab colour space",
                "linear probes", "feature transfer", "annealed-mean decoding", "cross-channel prediction"],
    ),
    "contrastive": dict(
        title="Label Noise and Supervised Contrastive Objectives: A Controlled Study",
        short="Supervised Contrastive Objectives",
        task="representation learning", method="SupConLite", data="CIFAR-100", signal="class labels",
        things=["positive pairs", "temperature scaling", "projection heads", "batch size", "hard negatives",
                "augmentation strength", "linear evaluation", "label corruption"],
    ),
    "pruning": dict(
        title="Sparse Subnetworks at Initialization Revisited",
        short="Sparse Subnetworks Revisited",
        task="network pruning", method="IterPrune", data="CIFAR-10", signal="weight magnitudes",
        things=["winning tickets", "rewinding", "magnitude pruning", "learning-rate warmup",
                "sparsity schedules", "retraining budgets", "random reinitialization", "layer-wise ratios"],
    ),
}

_FIRST = ["Ada", "Bruno", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kemal", "Lina",
          "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara"]
_LAST = ["Okafor", "Lindqvist", "Moreau", "Takahashi", "Haddad", "Novak", "Ferreira", "Kowalski", "Osei",
         "Brennan", "Castillo", "Ivanova", "Nakamura", "Petrov", "Quispe", "Rahman", "Sato", "Varga", "Weber"]
_PLACES = ["University of Northfield", "Institute for Machine Perception", "Lakeside Technical University",
           "Hollow Pine Research Lab", "Eastbridge College of Computing"]
_VENUES = ["Proceedings of the Conference on Learning Systems", "Journal of Representation Research",
           "Workshop on Visual Pretraining", "Transactions on Pattern Analysis", "International Symposium on Vision"]

_OPENERS = ["In this work we study", "We revisit", "A central question is", "Prior work rarely examines",
            "Our experiments isolate", "We find that", "Surprisingly, we observe", "This section describes",
            "To make this precise, we consider", "Unlike earlier reports, we measure"]
_VERBS = ["improves", "degrades", "stabilizes", "changes", "explains", "predicts", "dominates", "constrains"]
_TAILS = ["across all settings we tried", "when the training budget is held fixed",
          "even for small models", "under the standard evaluation protocol", "for every random seed we ran",
          "once the learning rate is tuned", "in both the low-data and the full-data regime",
          "relative to a strong supervised baseline", "without any change to the architecture"]
_ADJ = ["careful", "simple", "surprising", "consistent", "modest", "substantial", "robust", "fragile"]

SECTION_PLAN = [
    # (level, title, paragraphs, math paragraphs, figures, tables)
    (1, "Introduction", 4, 0, 1, 0),
    (1, "Related Work", 2, 0, 0, 0),
    (2, "Self-supervised pretext tasks", 2, 0, 0, 0),
    (2, "Evaluation protocols", 2, 0, 0, 0),
    (1, "Method", 2, 0, 0, 0),
    (2, "Problem formulation", 2, 2, 1, 0),
    (2, "Objective and rebalancing", 2, 2, 0, 0),
    (2, "Architecture", 2, 0, 0, 1),
    (1, "Experiments", 2, 0, 0, 0),
    (2, "Setup", 3, 0, 0, 1),
    (2, "Main results", 3, 0, 1, 1),
    (2, "Ablations", 3, 1, 1, 0),
    (1, "Limitations", 2, 0, 0, 0),
    (1, "Conclusion", 2, 0, 0, 0),
]
APPENDIX_PLAN = [
    (1, "Additional Results", 2, 0, 1, 1),
    (2, "Per-class accuracy", 2, 0, 0, 0),
    (1, "Proofs", 2, 2, 0, 0),
]


class _Prose:
    """Deterministic plausible-sounding ML prose for one topic."""

    def __init__(self, topic: dict, rng: random.Random):
        self.t = topic
        self.rng = rng

    def sentence(self) -> str:
        r, t = self.rng, self.t
        a, b = r.sample(t["things"], 2)
        forms = [
            f"{r.choice(_OPENERS)} how {a} interacts with {b} in {t['task']}.",
            f"Using {a} {r.choice(_VERBS)} the quality of the learned features {r.choice(_TAILS)}.",
            f"A {r.choice(_ADJ)} change to {a} {r.choice(_VERBS)} downstream accuracy on {t['data']}.",
            f"{t['method']} predicts {t['signal']} from {a}, and the error {r.choice(_VERBS)} with {b}.",
            f"We report the mean over three seeds and note that {a} {r.choice(_VERBS)} the variance.",
            f"The effect of {b} is {r.choice(_ADJ)}, which suggests that {a} matters more than expected.",
            f"Compared with the baseline, {t['method']} uses {a} but not {b}, {r.choice(_TAILS)}.",
        ]
        return r.choice(forms)

    def paragraph(self, n_min: int = 4, n_max: int = 7) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(n_min, n_max)))

    def math_paragraph(self) -> list[str]:
        """A display equation (one or two lines): what a math-heavy paragraph looks like on the page."""
        r = self.rng
        pool = [
            "L(θ) = −(1/N) ∑ᵢ ∑_q v(Yᵢ,q) log p_θ(Ẑᵢ,q | Xᵢ)",
            "p_θ(z | x) = exp(f_θ(x)ᵀ w_z / τ) / ∑_k exp(f_θ(x)ᵀ w_k / τ)",
            "w_q ∝ ((1 − λ) p̃_q + λ / Q)⁻¹,   ∑_q p̃_q w_q = 1",
            "‖∇_θ L(θ) − ∇_θ L̂(θ)‖₂ ≤ ε √(log(1/δ) / n)",
            "H(x) = E[f_T(x) | Ẑ],   T ∈ (0, 1]",
            "m ⊙ θ₀ → m ⊙ θ_k,   ‖m‖₀ = s · d",
        ]
        return r.sample(pool, r.choice((1, 2)))

    def inline_math_paragraph(self) -> str:
        """Prose so dense with symbols that pass 2 should skip it, like a paper's notation paragraph."""
        r = self.rng
        bits = ["Let x ∈ ℝ^{H×W×1} and y ∈ ℝ^{H×W×2},", "with Ŷ = F_θ(x), q ∈ {1,…,Q},",
                "Z = H⁻¹(Y) ∈ [0,1]^{H×W×Q},", "where λ = 0.5, Q = 313, τ = 0.38 and σ = 5,",
                "so that ∑_q Z_{h,w,q} = 1 ∀ h,w;", "hence ‖Ŷ − Y‖₂² ≤ ∑_{h,w} ε_{h,w}."]
        r.shuffle(bits)
        return " ".join(bits)


# ───────────────────────────── ground truth ─────────────────────────────


@dataclass
class TruthItem:
    number: str | None
    title: str
    level: int
    page: int


@dataclass
class TruthFloat:
    number: str
    caption: str  # without the "Figure 3:" label
    page: int


@dataclass
class SampleTruth:
    """What a perfect parser would return for a generated paper."""

    style: str
    title: str
    authors: list[str]
    abstract: str
    sections: list[TruthItem] = field(default_factory=list)
    figures: list[TruthFloat] = field(default_factory=list)
    tables: list[TruthFloat] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    math_paragraphs: list[str] = field(default_factory=list)  # text of paragraphs that are math-heavy
    prose_paragraphs: list[str] = field(default_factory=list)  # a sample of ordinary paragraphs
    # Consecutive body paragraphs in reading order; a parser that mixes up columns breaks their order.
    paragraph_order: list[str] = field(default_factory=list)
    running_header: str | None = None
    pages: int = 0


# ───────────────────────────── typesetting ─────────────────────────────


class _Typesetter:
    """Flows lines, headings and floats into columns and pages."""

    def __init__(self, style: Style, short_title: str, header_authors: str):
        import pymupdf

        self.pymupdf = pymupdf
        self.s = style
        self.doc = pymupdf.open()
        self.fonts: dict[str, object] = {}
        self.writers: list = []
        self.short_title = short_title
        self.header_authors = header_authors
        width, height = style.page
        self.width, self.height = width, height
        usable = width - 2 * style.margin_x
        if style.columns == 1:
            self.columns = [(style.margin_x, width - style.margin_x)]
        else:
            col_w = (usable - style.column_gap) / 2
            self.columns = [(style.margin_x, style.margin_x + col_w),
                            (width - style.margin_x - col_w, width - style.margin_x)]
        self.col = 0
        self.y = 0.0
        self.top = style.margin_top
        self.bottom = height - style.margin_bottom
        self.new_page()

    # -- primitives --
    def font(self, name: str):
        if name not in self.fonts:
            self.fonts[name] = self.pymupdf.Font(name)
        return self.fonts[name]

    def length(self, text: str, fontname: str, size: float) -> float:
        return self.font(fontname).text_length(text, fontsize=size)

    @property
    def page_no(self) -> int:
        return len(self.doc)  # 1-based number of the current page

    def text(self, x: float, baseline: float, text: str, fontname: str, size: float) -> None:
        self.writers[-1].append((x, baseline), text, font=self.font(fontname), fontsize=size)

    def new_page(self) -> None:
        self.doc.new_page(width=self.width, height=self.height)
        self.writers.append(self.pymupdf.TextWriter(self.doc[-1].rect))
        self.col = 0
        self.y = self.top
        self._decorate()

    def _decorate(self) -> None:
        s, n = self.s, self.page_no
        size = 8.0
        if s.running_header and n > 1:
            label = self.short_title if n % 2 else self.header_authors
            x = (self.width - self.length(label, s.body_font, size)) / 2
            self.text(x, s.margin_top - 24, label, s.italic_font, size)
        if s.page_numbers == "bottom":
            label = str(n)
            self.text((self.width - self.length(label, s.body_font, 9)) / 2, self.height - s.margin_bottom + 30,
                      label, s.body_font, 9)
        elif s.page_numbers == "top" and n > 1:
            label = str(n)
            x = s.margin_x if n % 2 == 0 else self.width - s.margin_x - self.length(label, s.body_font, 9)
            self.text(x, s.margin_top - 24, label, s.body_font, 9)

    def column_box(self) -> tuple[float, float]:
        return self.columns[self.col]

    def advance(self, height: float) -> None:
        """Make room for `height` points in the current column, breaking column or page if needed."""
        if self.y + height > self.bottom:
            if self.col + 1 < len(self.columns):
                self.col += 1
                self.y = self.top_of_columns
            else:
                self.new_page()
                self.top_of_columns = self.top

    top_of_columns = 0.0

    def space(self, height: float) -> None:
        if self.y > self.top_of_columns + 0.1:
            self.y += height

    def wrap(self, words: list[tuple[str, str]], size: float, width: float, indent: float = 0.0,
             hanging: float = 0.0) -> list[tuple[float, list[tuple[str, str]]]]:
        """Greedy line breaking of (word, font) pairs; returns (x offset, words) per line."""
        lines: list[tuple[float, list[tuple[str, str]]]] = []
        current: list[tuple[str, str]] = []
        used = 0.0
        offset = indent
        space = self.length(" ", self.s.body_font, size)
        for word, fontname in words:
            w = self.length(word, fontname, size)
            if current and offset + used + space + w > width:
                lines.append((offset, current))
                current, used, offset = [], 0.0, hanging
            used += (space if current else 0.0) + w
            current.append((word, fontname))
        if current:
            lines.append((offset, current))
        return lines

    def set_lines(self, lines, size: float, leading: float | None = None, center: bool = False,
                  box: tuple[float, float] | None = None) -> None:
        line_h = size * (leading or self.s.leading)
        for offset, words in lines:
            self.advance(line_h)
            x0, x1 = box or self.column_box()
            if center:
                total = sum(self.length(w, f, size) for w, f in words) + self.length(" ", self.s.body_font, size) * (len(words) - 1)
                x = x0 + (x1 - x0 - total) / 2
            else:
                x = x0 + offset
            baseline = self.y + size * 0.9
            runs: list[tuple[str, str]] = []  # one TextWriter call per run of equal font (much faster)
            for word, fontname in words:
                if runs and runs[-1][1] == fontname:
                    runs[-1] = (runs[-1][0] + " " + word, fontname)
                else:
                    runs.append((word, fontname))
            for i, (chunk, fontname) in enumerate(runs):
                chunk = chunk if i == len(runs) - 1 else chunk + " "
                self.text(x, baseline, chunk, fontname, size)
                x += self.length(chunk, fontname, size)
            self.y += line_h

    def paragraph(self, text: str, size: float | None = None, fontname: str | None = None, lead: str | None = None,
                  hanging: float = 0.0, first_indent: float | None = None) -> int:
        """Set a paragraph; returns the page it starts on."""
        s = self.s
        size = size or s.body_size
        fontname = fontname or s.body_font
        words = [(w, fontname) for w in text.split()]
        if lead:
            words = [(w, s.bold_font) for w in lead.split()] + words
        x0, x1 = self.column_box()
        indent = s.paragraph_indent if first_indent is None else first_indent
        lines = self.wrap(words, size, x1 - x0, indent=indent, hanging=hanging)
        self.space(s.paragraph_gap)
        self.advance(size * s.leading * min(2, len(lines)))  # no single widowed first line
        start = self.page_no
        self.set_lines(lines, size)
        return start

    def equation(self, lines: list[str], number: int) -> int:
        s = self.s
        size = s.body_size
        self.space(6.0)
        self.advance(size * 1.5 * len(lines))
        start = self.page_no
        for i, line in enumerate(lines):
            x0, x1 = self.column_box()
            w = self.length(line, "cjk", size)
            self.text(x0 + max(0.0, (x1 - x0 - w) / 2), self.y + size * 0.9, line, s.italic_font, size)
            if i == len(lines) - 1:
                label = f"({number})"
                self.text(x1 - self.length(label, s.body_font, size), self.y + size * 0.9, label, s.body_font, size)
            self.y += size * 1.5
        self.y += 4.0
        return start

    def heading(self, text: str, level: int) -> int:
        s = self.s
        size = s.h1_size if level == 1 else s.h2_size
        self.space(12.0 if level == 1 else 8.0)
        self.advance(size * 1.3 + s.body_size * s.leading * 3)  # keep with the next lines
        start = self.page_no
        x0, x1 = self.column_box()
        words = [(w, s.heading_font) for w in text.split()]
        self.set_lines(self.wrap(words, size, x1 - x0), size, leading=1.3)
        self.y += 3.0
        return start

    def block(self, height: float) -> tuple[int, float, float, float]:
        """Reserve `height` points in the current column; returns page, x0, x1, y0."""
        self.advance(height)
        x0, x1 = self.column_box()
        y0 = self.y
        self.y += height
        return self.page_no, x0, x1, y0

    def finish(self) -> bytes:
        for page, writer in zip(self.doc, self.writers):
            writer.write_text(page)
        return self.doc


# ───────────────────────────── graphics ─────────────────────────────


def _draw_plot(page, rect, rng: random.Random, ts: _Typesetter, legend: list[str]) -> None:
    """A line plot with axes, ticks, tick labels and a legend: vector graphics with text inside."""
    import pymupdf

    x0, y0, x1, y1 = rect
    ax = pymupdf.Rect(x0 + 22, y0 + 4, x1 - 6, y1 - 16)
    shape = page.new_shape()
    shape.draw_rect(ax)
    shape.finish(color=(0, 0, 0), width=0.6)
    for i in range(5):
        gx = ax.x0 + i * ax.width / 4
        shape.draw_line((gx, ax.y1), (gx, ax.y1 + 3))
        ts.text(gx - 4, ax.y1 + 10, f"{i * 25}", ts.s.body_font, 6)
        gy = ax.y1 - i * ax.height / 4
        shape.draw_line((ax.x0 - 3, gy), (ax.x0, gy))
        ts.text(ax.x0 - 18, gy + 2, f"{0.2 * i:.1f}", ts.s.body_font, 6)
    shape.finish(color=(0, 0, 0), width=0.5)
    colors = [(0.1, 0.3, 0.8), (0.85, 0.35, 0.1), (0.2, 0.6, 0.2)]
    for k, name in enumerate(legend):
        rate = rng.uniform(2.0, 5.0)
        top = rng.uniform(0.55, 0.95)
        points = []
        for i in range(21):
            t = i / 20
            value = top * (1 - pow(2.718, -rate * t)) + rng.uniform(-0.02, 0.02)
            points.append((ax.x0 + t * ax.width, ax.y1 - value * ax.height))
        shape.draw_polyline(points)
        shape.finish(color=colors[k % 3], width=1.0)
        ly = ax.y0 + 8 + 9 * k
        shape.draw_line((ax.x1 - 62, ly - 2), (ax.x1 - 50, ly - 2))
        shape.finish(color=colors[k % 3], width=1.0)
        ts.text(ax.x1 - 47, ly, name, ts.s.body_font, 6)
    shape.commit()


def _draw_diagram(page, rect, ts: _Typesetter, labels: list[str]) -> None:
    """A pipeline diagram: boxes joined by arrows, labels inside the boxes."""
    x0, y0, x1, y1 = rect
    shape = page.new_shape()
    n = len(labels)
    w = (x1 - x0 - 10 * (n - 1)) / n
    mid = (y0 + y1) / 2
    for i, label in enumerate(labels):
        bx = x0 + i * (w + 10)
        shape.draw_rect((bx, mid - 14, bx + w, mid + 14), radius=0.2)
        shape.finish(color=(0.2, 0.2, 0.2), fill=(0.9, 0.93, 1.0), width=0.6)
        ts.text(bx + 3, mid + 2, label[: max(3, int(w / 4))], ts.s.body_font, 6)
        if i + 1 < n:
            shape.draw_line((bx + w, mid), (bx + w + 10, mid))
            shape.draw_polyline([(bx + w + 7, mid - 2), (bx + w + 10, mid), (bx + w + 7, mid + 2)])
            shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()


def _draw_image_grid(page, rect, rng: random.Random) -> None:
    """A row of small raster images (colorized examples), inserted as embedded images."""
    import pymupdf

    x0, y0, x1, y1 = rect
    n = 4
    side = min((x1 - x0 - 6 * (n - 1)) / n, y1 - y0)
    for i in range(n):
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 24, 24), False)
        base = [rng.randint(40, 220) for _ in range(3)]
        pix.set_rect(pix.irect, tuple(base))
        pix.set_rect(pymupdf.IRect(6, 6, 18, 18), tuple(255 - c for c in base))
        bx = x0 + i * (side + 6)
        top = (y0 + y1 - side) / 2
        page.insert_image(pymupdf.Rect(bx, top, bx + side, top + side), pixmap=pix)


def _table_rows(rng: random.Random, topic: dict) -> list[list[str]]:
    header = ["Method", "Top-1", "Top-5", "Params"]
    names = ["Supervised", "Random init", topic["method"], f"{topic['method']} (no rebal.)", "Jigsaw", "Rotation"]
    rows = [header]
    for name in rng.sample(names, 4):
        rows.append([name, f"{rng.uniform(30, 80):.1f}", f"{rng.uniform(60, 95):.1f}", f"{rng.randint(5, 60)}M"])
    return rows


def _draw_table(page, rect, ts: _Typesetter, rows: list[list[str]]) -> None:
    """A booktabs-style table: three horizontal rules, cells as text."""
    x0, y0, x1, _ = rect
    row_h = 11.0
    shape = page.new_shape()
    col_w = (x1 - x0) / len(rows[0])
    y = y0
    shape.draw_line((x0, y), (x1, y))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            fontname = ts.s.bold_font if r == 0 else ts.s.body_font
            ts.text(x0 + 3 + c * col_w, y + 8.5, cell[: int(col_w / 3.6)], fontname, 7.5)
        y += row_h
        if r == 0:
            shape.draw_line((x0, y), (x1, y))
    shape.draw_line((x0, y), (x1, y))
    shape.finish(color=(0, 0, 0), width=0.5)
    shape.commit()


# ───────────────────────────── the generator ─────────────────────────────


def _heading_text(style: Style, number: str | None, title: str, level: int, appendix: bool) -> str:
    shown = title.upper() if (style.upper_h1 and level == 1) else title
    if number is None or style.numbering == "none":
        return shown
    if appendix and level == 1 and style.appendix_word:
        return f"Appendix {number}. {shown}"
    if style.numbering == "dot":
        return f"{number}. {shown}"
    return f"{number} {shown}"


def _reference(rng: random.Random, style: Style, index: int) -> str:
    names = [(rng.choice(_FIRST), rng.choice(_LAST)) for _ in range(rng.randint(1, 4))]
    words = rng.sample(["Learning", "Representations", "Colour", "Sparse", "Contrastive", "Robust", "Deep",
                        "Networks", "Pretext", "Tasks", "Without", "Labels", "Scaling", "Visual", "Features"], 5)
    title = " ".join(words).capitalize()
    venue = rng.choice(_VENUES)
    year = rng.randint(2012, 2024)
    if style.references == "numeric":
        authors = ", ".join(f"{f[0]}. {l}" for f, l in names)
        return f"[{index}] {authors}. {title}. In {venue}, pages {rng.randint(1, 900)}-{rng.randint(901, 1200)}, {year}."
    authors = " and ".join(f"{l}, {f[0]}." for f, l in names)
    return f"{authors} {title}. {venue}, {year}."


def generate(style_name: str, seed: int = 0, topic: str | None = None, *, pages_hint: str = "normal"):
    """Generate one paper in a publisher style. Returns (pymupdf.Document, SampleTruth).

    `pages_hint="long"` repeats the experiments to reach ~20 pages (for the speed benchmark).
    """
    style = STYLES[style_name]
    rng = random.Random(f"{style_name}/{seed}/{topic}")
    topic_key = topic or rng.choice(sorted(TOPICS))
    t = TOPICS[topic_key]
    prose = _Prose(t, rng)
    n_auth = rng.randint(2, 5)
    authors = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(n_auth)]
    header_authors = f"{authors[0].split()[-1]} et al." if n_auth > 2 else " and ".join(a.split()[-1] for a in authors)
    ts = _Typesetter(style, t["short"], header_authors)
    truth = SampleTruth(style=style_name, title=t["title"], authors=authors, abstract="",
                        running_header=t["short"] if style.running_header else None)
    s = style
    full = (s.margin_x, ts.width - s.margin_x)

    # Title block (always full width).
    ts.y = s.margin_top
    title_words = [(w, s.title_font) for w in t["title"].split()]
    ts.set_lines(ts.wrap(title_words, s.title_size, (full[1] - full[0]) * 0.85), s.title_size, 1.25, center=True, box=full)
    ts.y += 10
    author_line = [(w, s.body_font) for w in ", ".join(authors[:-1]).split()] + [("and", s.body_font)] + \
                  [(w, s.body_font) for w in authors[-1].split()] if n_auth > 1 else [(authors[0], s.body_font)]
    ts.set_lines(ts.wrap(author_line, 11, (full[1] - full[0]) * 0.9), 11, 1.3, center=True, box=full)
    places = rng.sample(_PLACES, 2)
    ts.set_lines(ts.wrap([(w, s.italic_font) for w in " · ".join(places).split()], 9, full[1] - full[0]), 9, 1.3,
                 center=True, box=full)
    mails = f"{{{authors[0].split()[0].lower()},{authors[1].split()[0].lower()}}}@northfield.edu"
    ts.set_lines([(0, [(mails, "cour")])], 8, 1.3, center=True, box=full)
    ts.y += 14
    ts.top_of_columns = ts.y

    abstract = prose.paragraph(6, 8)
    truth.abstract = abstract
    if s.columns == 2:
        ts.col = 0
    if s.abstract == "heading":
        if s.columns == 1:
            ts.set_lines([(0, [("Abstract", s.bold_font)])], 12, 1.4, center=True, box=full)
            ts.y += 2
            inset = 30.0
            save = ts.columns
            ts.columns = [(full[0] + inset, full[1] - inset)]
            ts.paragraph(abstract, size=s.body_size, first_indent=0.0)
            ts.columns = save
        else:
            ts.set_lines([(0, [("Abstract", s.bold_font)])], 11, 1.4, center=True)
            ts.paragraph(abstract, size=s.body_size, fontname=s.italic_font if style_name == "cvpr" else None,
                         first_indent=0.0)
    else:
        save = ts.columns
        if s.columns == 1:
            ts.columns = [(full[0] + 20, full[1] - 20)]
        ts.paragraph(abstract, size=9, lead="Abstract.", first_indent=0.0)
        ts.columns = save
    ts.y += 6

    # Body.
    fig_no = tab_no = eq_no = 0
    counters = [0, 0]
    plan = list(SECTION_PLAN)
    if pages_hint == "long":
        extra = [(1, f"Experiments on {d}", 5, 1, 1, 1)
                 for d in ("CIFAR-10", "Places", "COCO", "SVHN", "Pascal VOC", "Food-101", "STL-10", "Flowers")]
        plan = plan[:12] + extra + plan[12:]
    refs = [_reference(rng, style, i + 1) for i in range(rng.randint(14, 22))]

    def emit_section(level, title, n_par, n_math, n_fig, n_tab, appendix):
        nonlocal fig_no, tab_no, eq_no
        if level == 1:
            counters[0] += 1
            counters[1] = 0
        else:
            counters[1] += 1
        major = chr(ord("A") + counters[0] - 1) if appendix else str(counters[0])
        number = major if level == 1 else f"{major}.{counters[1]}"
        if s.numbering == "none":
            number = None
        page = ts.heading(_heading_text(s, number, title, level, appendix), level)
        truth.sections.append(TruthItem(number, title.upper() if (s.upper_h1 and level == 1) else title, level, page))
        floats = ["figure"] * n_fig + ["table"] * n_tab
        for i in range(n_par):
            if s.run_in_paragraph_headings and i == 1 and level == 2:
                text = prose.paragraph()
                ts.paragraph(text, lead=rng.choice(["Datasets.", "Training details.", "Baselines.", "Metrics."]))
            else:
                text = prose.paragraph()
                ts.paragraph(text)
                truth.paragraph_order.append(text)
                if len(truth.prose_paragraphs) < 40:
                    truth.prose_paragraphs.append(text)
            if i < n_math:
                if i % 2 == 0:
                    eq_no += 1
                    eq = prose.math_paragraph()
                    ts.equation(eq, eq_no)
                    truth.math_paragraphs.append(" ".join(eq))
                else:
                    dense = prose.inline_math_paragraph()
                    ts.paragraph(dense)
                    truth.math_paragraphs.append(dense)
            if floats and i == 0:
                emit_float(floats.pop(0))
        for kind in floats:
            emit_float(kind)

    def emit_float(kind: str):
        nonlocal fig_no, tab_no
        if kind == "figure":
            fig_no += 1
            number = str(fig_no)
            caption = f"{prose.sentence()} {prose.sentence()}"
            label = s.figure_label.format(n=number)
            above = s.figure_caption_above
            height = 120.0 if s.columns == 2 else 150.0
        else:
            tab_no += 1
            number = str(tab_no)
            caption = prose.sentence()
            label = s.table_label.format(n=number)
            above = s.table_caption_above
            height = 11.0 * 5 + 2
        x0, x1 = ts.column_box()
        cap_words = [(w, s.bold_font) for w in label.split()] + [(w, s.body_font) for w in caption.split()]
        cap_lines = ts.wrap(cap_words, s.caption_size, x1 - x0)
        cap_h = len(cap_lines) * s.caption_size * 1.2
        ts.space(10.0)
        ts.advance(height + cap_h + 8)
        page = ts.page_no
        if above:
            ts.set_lines(cap_lines, s.caption_size, 1.2)
            ts.y += 6
        _, gx0, gx1, gy0 = ts.block(height)
        pdf_page = ts.doc[page - 1]
        graphic = (gx0 + 10, gy0, gx1 - 10, gy0 + height)
        if kind == "table":
            _draw_table(pdf_page, graphic, ts, _table_rows(rng, t))
        else:
            choice = fig_no % 3
            if choice == 1:
                _draw_plot(pdf_page, graphic, rng, ts, rng.sample(["baseline", t["method"], "ablation"], 2))
            elif choice == 2:
                _draw_diagram(pdf_page, (graphic[0], gy0, graphic[2], gy0 + height), ts,
                              ["input", "encoder", "head", "loss"])
            else:
                _draw_image_grid(pdf_page, (graphic[0], gy0 + 10, graphic[2], gy0 + height - 10), rng)
        if not above:
            ts.y += 6
            ts.set_lines(cap_lines, s.caption_size, 1.2)
        ts.y += 8
        record = TruthFloat(number, caption, page)
        (truth.figures if kind == "figure" else truth.tables).append(record)

    for entry in plan:
        emit_section(*entry, appendix=False)

    # References: an unnumbered top-level section.
    page = ts.heading("References" if not s.upper_h1 else "REFERENCES", 1)
    truth.sections.append(TruthItem(None, "References" if not s.upper_h1 else "REFERENCES", 1, page))
    for ref in refs:
        hanging = 0.0 if s.references == "numeric" else 10.0
        ts.space(2.0 - s.paragraph_gap)
        ts.paragraph(ref, size=s.reference_size, hanging=hanging if hanging else 14.0, first_indent=0.0)
    truth.references = refs

    # Appendix on a fresh page, numbered with letters.
    ts.new_page()
    ts.top_of_columns = ts.top
    counters[0] = counters[1] = 0
    for entry in APPENDIX_PLAN:
        emit_section(*entry, appendix=True)

    doc = ts.finish()
    truth.pages = len(doc)
    if s.outline:
        toc = [[item.level, _heading_text(s, item.number, item.title, item.level, item.number is not None and item.number[0].isalpha()), item.page]
               for item in truth.sections]
        doc.set_toc(toc)
    doc.set_metadata({"title": "", "author": "", "producer": "corpus.samples", "creator": "corpus.samples"})
    return doc, truth


def generate_bytes(style_name: str, seed: int = 0, topic: str | None = None, **kwargs) -> tuple[bytes, SampleTruth]:
    doc, truth = generate(style_name, seed, topic, **kwargs)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data, truth


def corpus(styles=None, seeds=(0, 1)) -> list[tuple[str, int]]:
    """The (style, seed) pairs of the evaluation corpus."""
    return [(style, seed) for style in (styles or tuple(STYLES)) for seed in seeds]


def write_corpus(folder: Path, styles=None, seeds=(0, 1)) -> list[tuple[Path, SampleTruth]]:
    from paperkit.files import atomic_write_bytes

    out = []
    for style, seed in corpus(styles, seeds):
        data, truth = generate_bytes(style, seed)
        path = Path(folder) / f"{style}-{seed}.pdf"
        atomic_write_bytes(path, data)
        out.append((path, truth))
    return out


# ───────────────────────────── the demo paper ─────────────────────────────

DEMO_STYLE = "neurips"
DEMO_SEED = 7


def demo_truth() -> SampleTruth:
    return generate(DEMO_STYLE, DEMO_SEED, "colorization")[1]


# ───────────────────────────── scoring a parse against the truth ─────────────────────────────


CROP_SLACK, CROP_WIDER, CROP_TALLER = 3.0, 20.0, 60.0  # points: a crop holds the graphic and little else


def crop_verdict(box, truth_box) -> str:
    """"whole", "too big" or "cut": how a crop's box (x0, y0, x1, y1) covers the true graphic's box
    (the LaTeX corpus's panels cut to their visible ink, a real paper's checked `float_boxes`: both
    the graphic a reader sees, never white paint past it)."""
    (x0, y0, x1, y1), (t0, u0, t1, u1) = box, truth_box
    if not (x0 <= t0 + CROP_SLACK and y0 <= u0 + CROP_SLACK and x1 >= t1 - CROP_SLACK and y1 >= u1 - CROP_SLACK):
        return "cut"
    if (x1 - x0) - (t1 - t0) > CROP_WIDER or (y1 - y0) - (u1 - u0) > CROP_TALLER:
        return "too big"
    return "whole"


INK_THRESHOLD = 235  # a grey level darker than this is ink a reader sees; white paint is not


def page_in_gray(page, zoom: float):
    """A PyMuPDF page rendered in grey, `zoom` pixels per point, as a 2-D array (rows, columns)."""
    import numpy as np
    import pymupdf

    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False, annots=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width]


def ink_extent(gray, zoom: float, region: tuple) -> tuple | None:
    """The box, in points, of the ink inside `region` (x0, y0, x1, y1 in points) of a page rendered by
    `page_in_gray`; None where there is none. The crop truth of both corpora stands on it: a float's
    box is the graphic a reader sees (the LaTeX corpus's placed panels cut to it, a real paper's
    pixels between caption and text), never white paint past it."""
    import numpy as np

    x0, y0, x1, y1 = (max(0, int(v * zoom)) for v in region)
    part = gray[y0:y1, x0:x1] < INK_THRESHOLD
    rows, cols = np.flatnonzero(part.any(axis=1)), np.flatnonzero(part.any(axis=0))
    if not len(rows):
        return None
    return ((x0 + cols[0]) / zoom, (y0 + rows[0]) / zoom, (x0 + cols[-1] + 1) / zoom, (y0 + rows[-1] + 1) / zoom)


@dataclass
class Score:
    """Counts for precision/recall of sections and captions (figures and tables together)."""

    section_tp: int = 0
    section_pred: int = 0
    section_true: int = 0
    caption_tp: int = 0
    caption_pred: int = 0
    caption_true: int = 0

    def __add__(self, other: "Score") -> "Score":
        return Score(*(a + b for a, b in zip(self._counts(), other._counts())))

    def _counts(self) -> tuple[int, ...]:
        return (self.section_tp, self.section_pred, self.section_true,
                self.caption_tp, self.caption_pred, self.caption_true)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def section_precision(self) -> float:
        return self._ratio(self.section_tp, self.section_pred)

    @property
    def section_recall(self) -> float:
        return self._ratio(self.section_tp, self.section_true)

    @property
    def caption_precision(self) -> float:
        return self._ratio(self.caption_tp, self.caption_pred)

    @property
    def caption_recall(self) -> float:
        return self._ratio(self.caption_tp, self.caption_true)


def _key(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]", "", text.lower())


def count_matches(predicted: list[tuple], truth: list[tuple]) -> int:
    remaining = list(truth)
    hits = 0
    for item in predicted:
        if item in remaining:
            remaining.remove(item)
            hits += 1
    return hits


def score(paper, truth: SampleTruth) -> Score:
    """Score a parsed `Paper` against the truth.

    A section counts when number, title (case and punctuation ignored), level and page all agree;
    a figure or table caption when kind, number, caption text and page agree.
    """
    pred_sections = [(s.number, _key(s.title), s.level, s.page) for s in paper.sections]
    true_sections = [(t.number, _key(t.title), t.level, t.page) for t in truth.sections]
    pred_caps = [("figure", f.number, _key(f.caption), f.page) for f in paper.figures] + \
                [("table", f.number, _key(f.caption), f.page) for f in paper.tables]
    true_caps = [("figure", f.number, _key(f.caption), f.page) for f in truth.figures] + \
                [("table", f.number, _key(f.caption), f.page) for f in truth.tables]
    return Score(
        section_tp=count_matches(pred_sections, true_sections), section_pred=len(pred_sections),
        section_true=len(true_sections),
        caption_tp=count_matches(pred_caps, true_caps), caption_pred=len(pred_caps), caption_true=len(true_caps),
    )


def evaluate(styles, seeds=(0, 1), parse=None) -> tuple[Score, dict[str, Score]]:
    """Generate the corpus for `styles`, parse each paper, and return the total and per-style scores."""
    from paperkit.reading.parse import parse_document

    parse = parse or (lambda doc: parse_document(doc))
    total = Score()
    per_style: dict[str, Score] = {}
    for style, seed in corpus(styles, seeds):
        doc, truth = generate(style, seed)
        # Parse the saved bytes, as a reader would, not the document still being edited.
        import pymupdf

        saved = pymupdf.open(stream=doc.tobytes(), filetype="pdf")
        result = score(parse(saved), truth)
        saved.close()
        doc.close()
        per_style[style] = per_style.get(style, Score()) + result
        total = total + result
    return total, per_style


# ───────────────────────────── the LaTeX corpus ─────────────────────────────
# Real pdfLaTeX output in several publisher classes, committed under tests/fixtures/latex/ with a
# truth.json per paper that TeX itself wrote (see build.py there). It checks the parser against
# what the generated corpus cannot: Computer Modern and Times fonts, ligatures, footnotes, floats.


def load_latex_truth(truth_path: Path) -> SampleTruth:
    """A LaTeX paper's truth.json as a `SampleTruth` (sections and captions only), for `score`."""
    import json

    data = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    return SampleTruth(
        style=data["name"], title="", authors=[], abstract="",
        sections=[TruthItem(s["number"], s["title"], s["level"], s["page"]) for s in data["sections"]],
        figures=[TruthFloat(f["number"], f["caption"], f["page"]) for f in data["figures"]],
        tables=[TruthFloat(t["number"], t["caption"], t["page"]) for t in data["tables"]],
        pages=data["pages"],
    )


LATEX_SPLITS = ("tuned", "tuned (formerly held out)", "tuned (formerly held out, round 2)",
                "tuned (formerly held out, round 3)", "tuned (formerly held out, round 4)", "held out",
                "tuned (real-paper features)", "held out (real-paper features)",
                "tuned (formerly held out, real-paper features)")


def latex_corpus(folder: Path) -> list[tuple[str, str, Path, SampleTruth]]:
    """(name, split, pdf path, truth) for every compiled paper under `folder`.

    split is one of `LATEX_SPLITS`: "tuned", "tuned (formerly held out)", "tuned (formerly held out,
    round 2)", "tuned (formerly held out, round 3)" and "tuned (formerly held out, round 4)" (the first
    four held-out groups, studied after they were measured) or "held out" (papers only measured)."""
    import json

    out = []
    for truth_path in sorted(Path(folder).glob("*/truth.json")):
        split = json.loads(truth_path.read_text(encoding="utf-8"))["split"]
        out.append((truth_path.parent.name, split, truth_path.parent / "paper.pdf", load_latex_truth(truth_path)))
    return out


# ───────────────────────────── text, references and boxes (real-paper features) ─────────────────────────────


def _words(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@dataclass
class TextScore:
    """How faithfully the body text, bibliography, footnotes and figure boxes came through."""

    sentences: int = 0
    sentences_intact: int = 0
    references_true: int = 0
    references_found: int = 0
    reference_fields: int = 0  # fields (authors, title, year, venue, id) of matched entries read right
    reference_fields_true: int = 0
    citations_true: int = 0
    citations_linked: int = 0
    footnotes_true: int = 0
    footnotes_found: int = 0
    boxes_true: int = 0
    boxes_right: int = 0
    missed: list = field(default_factory=list)
    boxes_wrong: list = field(default_factory=list)  # "figure 3: box ..., drawn ..." for each box not right

    @property
    def sentence_rate(self) -> float:
        return self.sentences_intact / self.sentences if self.sentences else 1.0


def text_score(paper, truth_path: Path) -> TextScore:
    """Score a parsed `Paper` against a truth.json of the real-paper-features group.

    - a sentence is intact when its words appear, in order and adjacent, within one paragraph (or
      footnote) of the paper (case and punctuation ignored);
    - a reference field is right when it equals the truth (names and titles compared by words);
    - a citation is linked when the paper's n-th body citation names the same entries as TeX's n-th;
    - a figure box is right when it contains the panels' visible ink (3 pt slack) and is at most 60 pt
      taller and 20 pt wider than it; a table box likewise against its tabular (`crop_verdict`)."""
    import json

    data = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    out = TextScore()
    texts = [_words(p.text) for s in paper.sections for p in s.paragraphs]
    texts += [_words(getattr(f, "text", "")) for f in getattr(paper, "footnotes", ())]
    haystack = " | ".join(texts)
    for sentence in data.get("sentences", []):
        out.sentences += 1
        if f" {_words(sentence)} " in f" {haystack} ":
            out.sentences_intact += 1
        else:
            out.missed.append(sentence)
    true_refs = data.get("references", [])
    out.references_true = len(true_refs)
    found = list(getattr(paper, "bibliography", ()))
    out.references_found = len(found)
    for t in true_refs:
        match = next((r for r in found if _words(r.title or "") == _words(t["title"])), None)
        fields = [("authors", [_words(a) for a in t["authors"]]), ("title", _words(t["title"])), ("year", t["year"]),
                  ("venue", _words(t["venue"] or ""))]
        fields += [(k, t[k]) for k in ("doi", "arxiv", "url") if t.get(k)]
        out.reference_fields_true += len(fields)
        if match is None:
            continue
        for name, value in fields:
            got = getattr(match, name, None)
            if name == "authors":  # by surname: numbered styles print initials only
                got, value = [_words(a).split()[-1] for a in got if _words(a)], [v.split()[-1] for v in value]
            elif name in ("title", "venue"):
                got = _words(got or "")
            out.reference_fields += got == value
    true_cites = data.get("citations", [])
    out.citations_true = len(true_cites)
    got_cites = [tuple(sorted(c.refs)) for c in getattr(paper, "citations", ())]
    out.citations_linked = count_matches(got_cites, [tuple(sorted(t)) for t in true_cites])
    notes = [_words(getattr(f, "text", "")) for f in getattr(paper, "footnotes", ())]
    out.footnotes_true = len(data.get("footnotes", []))
    out.footnotes_found = sum(1 for f in data.get("footnotes", []) if any(_words(f) in n for n in notes))
    for key, found_floats in (("figure_boxes", paper.figures), ("table_boxes", getattr(paper, "tables", ()))):
        floats = {f.number: f for f in found_floats}
        for box in data.get(key, []):
            out.boxes_true += 1
            got = floats.get(box["number"])
            if got is None or got.bbox is None or got.page != box["page"]:
                out.boxes_wrong.append(f"{key[:-6]} {box['number']}: no box on page {box['page']}")
                continue
            if crop_verdict(got.bbox, box["bbox"]) == "whole":
                out.boxes_right += 1
            else:
                out.boxes_wrong.append(f"{key[:-6]} {box['number']}: box {got.bbox}, drawn {box['bbox']}")
    return out
