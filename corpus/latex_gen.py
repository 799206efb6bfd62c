"""Write LaTeX test papers that look like modern ML submissions (tests/fixtures/latex/<name>/paper.tex).

The hand-written papers of the LaTeX corpus are short and cite three works each. Real papers have what
these add: long bibliographies in author-year (natbib), numbered and alpha styles with DOIs, arXiv ids
and URLs; `lineno` review line numbers; matplotlib figures with tick labels, legends and several panels;
footnotes and a copyright block; algorithm and listings floats; numbered display equations; and enough
text that paragraphs cross column and page breaks.

    python -m corpus.latex_gen NAME ...      (then tests/fixtures/latex/build.py NAME ... compiles them)

Everything is invented here from a seed (prose from `samples._Prose`); each bibliography entry carries
its truth in a `%ref {json}` comment after it, and each figure panel's placed box is written into the
source (`\\zsavepos` marks at the graphic's bottom corners plus its height), so build.py reads the truth
from TeX, the source and the rendered page (the ink inside each placed box), never from paperkit.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from corpus.samples import _FIRST, _LAST, TOPICS, _Prose

LATEX = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "latex"


@dataclass(frozen=True)
class Layout:
    name: str
    topic: str
    seed: int
    columns: int = 1
    lineno: bool = False
    bib: str = "authoryear"  # "authoryear" (natbib plainnat), "numbers" ([3]), "alpha" ([OLM19])
    font: str = "mathptmx"
    copyright: bool = False  # a copyright/venue block at the foot of the first column
    listing: bool = False  # a `listings` float instead of an algorithm float
    references: int = 30
    sections: int = 6


PAPERS = {
    p.name: p for p in (
        Layout("icml-submission", "contrastive", 11, columns=2, lineno=True, bib="authoryear", copyright=True),
        Layout("numbered-refs", "pruning", 12, columns=1, bib="numbers", font="lmodern", listing=True, references=36),
        # held out: written before the parser changes for these features, measured once
        Layout("alpha-twocol", "colorization", 13, columns=2, bib="alpha", font="charter", copyright=True,
               references=26),
        Layout("neurips-submission", "contrastive", 14, columns=1, lineno=True, bib="numbers", font="palatino",
               references=40, sections=7),
    )
}

_TITLE_WORDS = ["Learning", "Scaling", "Understanding", "Revisiting", "Towards", "Rethinking", "On", "Efficient"]
_TITLE_TAILS = ["for visual recognition", "in deep networks", "at scale", "without labels", "with noisy supervision",
                "under distribution shift", "from few examples", "in practice"]
_VENUES = [("conf", "Advances in Neural Information Processing Systems"),
           ("conf", "International Conference on Machine Learning"),
           ("conf", "International Conference on Learning Representations"),
           ("conf", "IEEE Conference on Computer Vision and Pattern Recognition"),
           ("journal", "Journal of Machine Learning Research"),
           ("journal", "Transactions on Machine Learning Research"),
           ("arxiv", "arXiv preprint")]
_COMPOUNDS = ["user-specified", "built-in", "single-machine", "well-known", "state-of-the-art", "pre-trained",
              "large-scale", "non-trivial", "fine-grained", "data-dependent"]
_LONG_WORDS = ["regularization", "generalization", "hyperparameters", "representations", "augmentation",
               "computational", "initialization", "distributional", "classification", "understanding"]


def _reference(rng: random.Random, topic: dict, used: set[str]) -> dict:
    while True:
        n = rng.choice((1, 2, 3, 3, 4, 5))
        people = [(rng.choice(_FIRST), rng.choice(_LAST)) for _ in range(n)]
        year = rng.randint(2012, 2024)
        key = f"{people[0][1].lower()}{year}"
        if key not in used and len({last for _, last in people}) == n:
            used.add(key)
            break
    a, b = rng.sample(topic["things"], 2)
    title = f"{rng.choice(_TITLE_WORDS)} {a} and {b} {rng.choice(_TITLE_TAILS)}"
    title = title[0].upper() + title[1:]
    kind, venue = rng.choice(_VENUES)
    entry = {"key": key, "authors": [f"{f} {l}" for f, l in people], "title": title, "year": year, "venue": venue}
    extra = rng.random()
    if kind == "arxiv" or extra < 0.25:
        entry["arxiv"] = f"{rng.randint(15, 23):02d}{rng.randint(1, 12):02d}.{rng.randint(1000, 19999):05d}"
    elif extra < 0.5:
        entry["doi"] = f"10.{rng.randint(1000, 9999)}/{rng.choice(['tpami', 'jmlr', 'nn', 'cvpr'])}.{year}.{rng.randint(100, 9999)}"
    elif extra < 0.6:
        entry["url"] = f"https://github.com/{people[0][1].lower()}/{a.split()[0].lower()}-code"
    if kind == "arxiv":
        entry["venue"] = None
    return entry


def _tex_escape(text: str) -> str:
    return text.replace("&", "\\&").replace("%", "\\%").replace("_", "\\_").replace("#", "\\#")


def _names_short(entry: dict) -> str:
    lasts = [a.split()[-1] for a in entry["authors"]]
    if len(lasts) == 1:
        return lasts[0]
    if len(lasts) == 2:
        return f"{lasts[0]} and {lasts[1]}"
    return f"{lasts[0]} et~al."


def _alpha_label(entry: dict) -> str:
    lasts = [a.split()[-1] for a in entry["authors"]]
    letters = lasts[0][:3] if len(lasts) == 1 else "".join(x[0] for x in lasts[:4]) + ("+" if len(lasts) > 4 else "")
    return f"{letters}{entry['year'] % 100:02d}"


def _bibitem(entry: dict, style: str) -> str:
    authors = entry["authors"]
    if style == "authoryear":
        names = ", ".join(authors[:-1]) + (", and " if len(authors) > 2 else " and ") + authors[-1] \
            if len(authors) > 1 else authors[0]
        head = f"\\bibitem[{_names_short(entry)}({entry['year']})]{{{entry['key']}}}"
    else:
        initials = [f"{a.split()[0][0]}.~{a.split()[-1]}" for a in authors]
        names = ", ".join(initials[:-1]) + (", and " if len(initials) > 2 else " and ") + initials[-1] \
            if len(initials) > 1 else initials[0]
        head = f"\\bibitem[{_alpha_label(entry)}]{{{entry['key']}}}" if style == "alpha" else f"\\bibitem{{{entry['key']}}}"
    parts = [f"{names}.", f"{_tex_escape(entry['title'])}."]
    if entry["venue"]:
        journal = any(w in entry["venue"] for w in ("Journal", "Transactions"))
        parts.append(f"\\emph{{{entry['venue']}}}, {entry['year']}." if journal else
                     f"In \\emph{{{entry['venue']}}}, {entry['year']}.")
    else:
        parts.append(f"\\emph{{arXiv preprint arXiv:{entry['arxiv']}}}, {entry['year']}.")
    if entry.get("doi"):
        parts.append(f"doi: {entry['doi']}.")
    if entry.get("url"):
        parts.append(f"URL \\url{{{entry['url']}}}.")
    if entry.get("arxiv") and entry["venue"]:
        parts.append(f"arXiv:{entry['arxiv']}.")
    return head + "\n" + " ".join(parts) + "\n%ref " + json.dumps(entry, ensure_ascii=False)


class _Writer:
    def __init__(self, layout: Layout):
        self.l = layout
        self.rng = random.Random(layout.seed)
        self.topic = TOPICS[layout.topic]
        self.prose = _Prose(self.topic, self.rng)
        used: set[str] = set()
        self.refs = [_reference(self.rng, self.topic, used) for _ in range(layout.references)]
        self.uncited = list(range(len(self.refs)))
        self.rng.shuffle(self.uncited)
        self.footnotes = 0
        self.figures: list[str] = []  # matplotlib files to draw: (name, kind)

    def cite(self) -> str:
        k = self.rng.choice((1, 1, 2, 3))
        picked = [self.uncited.pop() for _ in range(min(k, len(self.uncited)))] or \
            self.rng.sample(range(len(self.refs)), k)
        keys = ",".join(self.refs[i]["key"] for i in picked)
        if self.l.bib == "authoryear" and self.rng.random() < 0.3 and len(picked) == 1:
            return f"\\citet{{{keys}}}"
        return f"\\citep{{{keys}}}" if self.l.bib == "authoryear" else f"\\cite{{{keys}}}"

    def sentence(self) -> str:
        r = self.rng
        roll = r.random()
        s = self.prose.sentence()
        if roll < 0.12:
            s = f"The {r.choice(_COMPOUNDS)} variant keeps the {r.choice(_LONG_WORDS)} of the {r.choice(_COMPOUNDS)} baseline unchanged."
        elif roll < 0.3:
            c = self.cite()
            if c.startswith("\\citet"):
                s = f"{c} report that {s[0].lower()}{s[1:]}"
            else:
                s = s[:-1] + f"~{c}."
        elif roll < 0.34 and self.footnotes < 4:
            self.footnotes += 1
            s = s[:-1] + f".\\footnote{{{self.prose.sentence()} {self.prose.sentence()}}}"
        return s

    def paragraph(self, n: tuple[int, int] = (5, 9)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*n)))

    def equation(self, label: str) -> str:
        body = self.rng.choice([
            r"\mathcal{L}(\theta) = -\frac{1}{N}\sum_{i=1}^{N} \log \frac{\exp(z_i^\top z_i^+ / \tau)}{\sum_{k \neq i} \exp(z_i^\top z_k / \tau)}",
            r"\hat{w}_{ij} = \arg\min_{w} \; \| W x_j - y_i \|_2^2 + \lambda \sum_{k} |w_{ik}|",
            r"p(y \mid x) = \int p(y \mid z)\, p(z \mid x)\, dz \approx \frac{1}{S} \sum_{s=1}^{S} p(y \mid z^{(s)})",
            r"\theta_{t+1} = \theta_t - \eta_t \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}, \qquad \eta_t = \eta_0 \min(1, t / T_w)",
        ])
        return f"\\begin{{equation}}\n{body}\n\\label{{{label}}}\n\\end{{equation}}"

    def plot_figure(self, n: int, wide: bool) -> str:
        name = f"fig{n}"
        panels = 3 if wide else 1
        env = "figure*" if wide and self.l.columns == 2 else "figure"
        width = 0.95
        lines = [f"\\begin{{{env}}}[t]", "\\centering"]
        for p in range(panels):
            file = f"{name}{'abc'[p] if wide else ''}"
            self.figures.append(file)
            mark = f"{file}"
            graphic = (f"\\leavevmode\\zsavepos{{{mark}-l}}\\includegraphics[width={width}\\linewidth]{{{file}.pdf}}"
                       f"\\zsavepos{{{mark}-r}}")
            if wide:
                lines.append(f"\\begin{{subfigure}}[b]{{0.32\\linewidth}}\\centering\n{graphic}\n"
                             f"\\caption{{{self.rng.choice(self.topic['things']).capitalize()}}}\\end{{subfigure}}\\hfill")
            else:
                lines.append(graphic)
        lines.append(f"\\caption{{{self.prose.sentence()} {self.prose.sentence()}}}\\label{{fig:{n}}}")
        lines.append(f"\\end{{{env}}}")
        return "\n".join(lines)

    def table(self, n: int) -> str:
        things = self.rng.sample(self.topic["things"], 4)
        rows = "\n".join(f"{t.capitalize()} & {self.rng.uniform(60, 80):.1f} & {self.rng.uniform(60, 80):.1f} & "
                         f"{self.rng.uniform(0.5, 3):.2f} \\\\" for t in things)
        # The tabular is boxed first so that marks at its four sides give build.py its drawn box.
        return (f"\\begin{{table}}[t]\n\\centering\n\\caption{{{self.prose.sentence()}}}\\label{{tab:{n}}}\n"
                "\\sbox{\\tablebox}{\\begin{tabular}{lrrr}\n\\toprule\nSetting & Top-1 & Top-5 & Std \\\\\n\\midrule\n"
                f"{rows}\n\\bottomrule\n\\end{{tabular}}}}\n"
                f"\\leavevmode\\zsavepos{{tab{n}-l}}\\raisebox{{\\ht\\tablebox}}{{\\zsavepos{{tab{n}-t}}}}"
                f"\\usebox{{\\tablebox}}\\raisebox{{-\\dp\\tablebox}}{{\\zsavepos{{tab{n}-b}}}}\\zsavepos{{tab{n}-r}}\n"
                "\\end{table}")

    def algorithm(self) -> str:
        if self.l.listing:
            return ("\\begin{figure}[t]\n\\begin{lstlisting}[language=Python]\n"
                    "def train_step(model, batch, optimiser):\n"
                    "    images, labels = batch\n"
                    "    loss = model.loss(images, labels)  # mean over the batch\n"
                    "    optimiser.zero_grad()\n"
                    "    loss.backward()\n"
                    "    optimiser.step()\n"
                    "    return loss.item()\n"
                    "\\end{lstlisting}\n\\caption{One training step of our method in Python.}\\label{fig:code}\n"
                    "\\end{figure}")
        return ("\\begin{algorithm}[t]\n\\caption{Training with rebalanced targets}\\label{alg:train}\n"
                "\\begin{algorithmic}[1]\n\\REQUIRE data set $D$, learning rate $\\eta$, epochs $E$\n"
                "\\FOR{$e = 1$ \\TO $E$}\n\\FOR{each batch $(x, y)$ in $D$}\n"
                "\\STATE $g \\gets \\nabla_\\theta \\ell(f_\\theta(x), y)$\n"
                "\\STATE $\\theta \\gets \\theta - \\eta g$\n\\ENDFOR\n\\ENDFOR\n"
                "\\RETURN $\\theta$\n\\end{algorithmic}\n\\end{algorithm}")

    def document(self) -> str:
        l, r, t = self.l, self.rng, self.topic
        packages = [f"\\usepackage{{{l.font}}}" if l.font != "lmodern" else "\\usepackage{lmodern}",
                    "\\usepackage[T1]{fontenc}", "\\usepackage{amsmath,amssymb}", "\\usepackage{graphicx}",
                    "\\usepackage{booktabs}", "\\usepackage{zref-savepos,zref-abspage}\\makeatletter\\zref@addprop{savepos}{abspage}\\makeatother"
                    "\\newsavebox{\\tablebox}", "\\usepackage{url}",
                    "\\usepackage[labelfont=bf]{caption}", "\\usepackage{subcaption}"]
        packages.append({"authoryear": "\\usepackage[round,authoryear]{natbib}",
                         "numbers": "\\usepackage[numbers,square]{natbib}", "alpha": ""}[l.bib])
        packages.append("\\usepackage{listings}\\lstset{basicstyle=\\ttfamily\\small,columns=fullflexible}"
                        if l.listing else "\\usepackage{algorithm}\\usepackage{algorithmic}")
        if l.lineno:
            packages.append("\\usepackage{lineno}")
        geometry = "\\usepackage[margin=0.75in,columnsep=0.25in]{geometry}" if l.columns == 2 else \
            "\\usepackage[margin=1.1in]{geometry}"
        authors = [f"{r.choice(_FIRST)} {r.choice(_LAST)}" for _ in range(3)]
        out = [f"\\documentclass[10pt{',twocolumn' if l.columns == 2 else ''},letterpaper]{{article}}", geometry,
               *packages, "\\setlength{\\parskip}{0pt}", "",
               f"\\title{{\\bfseries {t['title']}}}",
               "\\author{" + " \\and ".join(authors) + "\\\\{\\small Lakeside Technical University}}", "\\date{}",
               "\\begin{document}"]
        out.append("\\twocolumn[\\maketitle]" if l.columns == 2 else "\\maketitle")
        if l.lineno:
            out.append("\\linenumbers")
        out.append(f"\\begin{{abstract}}\n{self.prose.paragraph(5, 6)}\n\\end{{abstract}}")
        if l.copyright:
            out.append("{\\renewcommand{\\thefootnote}{}\\footnotetext{Preprint. Copyright 2025 by the authors. "
                       "Permission to make digital or hard copies of all or part of this work for personal or "
                       "classroom use is granted without fee provided that copies are not made for profit.}}")
        names = ["Introduction", "Related Work", "Method", "Experiments", "Analysis", "Limitations", "Conclusion"]
        names = names[:l.sections - 1] + ["Conclusion"]
        fig = tab = eq = 0
        for s, name in enumerate(names, start=1):
            out.append(f"\\section{{{name}}}\\label{{sec:{s}}}")
            subs = 2 if name in ("Method", "Experiments") else 0
            blocks = [self.paragraph() for _ in range(r.randint(2, 4))]
            out.extend(blocks)
            for sub in range(subs):
                out.append(f"\\subsection{{{r.choice(t['things']).capitalize()}}}")
                out.append(self.paragraph())
                if name == "Method":
                    eq += 1
                    after = self.prose.sentence()
                    out.append(f"{self.paragraph((2, 3))}\n{self.equation(f'eq:{eq}')}\nwhere the symbols are as "
                               f"defined above. As Equation~(\\ref{{eq:{eq}}}) shows, {after[0].lower()}{after[1:]}")
                out.append(self.paragraph())
            if name in ("Introduction", "Experiments", "Analysis"):
                fig += 1
                out.append(self.plot_figure(fig, wide=name == "Experiments"))
            if name in ("Experiments", "Method"):
                tab += 1
                out.append(self.table(tab))
            if name == "Method":
                out.append(self.algorithm())
        out.append(f"\\begin{{thebibliography}}{{{len(self.refs)}}}\n\\addcontentsline{{toc}}{{section}}{{References}}")
        for entry in self.refs:
            out.append(_bibitem(entry, l.bib))
        out.append("\\end{thebibliography}")
        out.append("\\end{document}")
        return "\n\n".join(x for x in out if x) + "\n"


def draw_figure(path: Path, seed: int) -> None:
    """A matplotlib plot with tick labels, axis labels and a legend, as a PDF (Type 3 fonts, the default)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    rng = np.random.default_rng(seed)
    fig, ax = plt.subplots(figsize=(4.0, 2.6))
    steps = np.arange(0, 20000, 500)
    for label in ("baseline", "ours", "ours + rebalancing")[: rng.integers(2, 4)]:
        ax.plot(steps, 1.0 / (1 + steps / rng.uniform(2000, 8000)) + rng.normal(0, 0.01, len(steps)), label=label)
    ax.set_xlabel("Training steps")
    ax.set_ylabel("Validation loss")
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, metadata={"CreationDate": None, "Creator": None, "Producer": None})
    plt.close(fig)


def write(name: str) -> Path:
    layout = PAPERS[name]
    writer = _Writer(layout)
    folder = LATEX / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paper.tex").write_text(writer.document(), encoding="utf-8")
    for i, file in enumerate(writer.figures):
        draw_figure(folder / f"{file}.pdf", layout.seed * 100 + i)
    return folder


if __name__ == "__main__":
    for n in sys.argv[1:] or list(PAPERS):
        print(write(n))
