"""Markdown to XHTML for exports, with formulas kept out of Markdown's hands.

markdown-it-py parses the sheet; the dollarmath and amsmath plugins of mdit-py-plugins (and
texmath for `\\(…\\)` and `\\[…\\]`) take `$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]` and
`\\begin{align}…` out before emphasis or escapes can touch them, so `x^*`, `p_{\\theta}` and
`\\\\` reach the formula renderer exactly as written. Two ways to show a formula:

* `"mathml"` (HTML pages): latex2mathml turns it into MathML, which browsers render natively;
* `"image"` (PDF through PyMuPDF's Story, which knows no MathML): matplotlib's mathtext draws it
  as a PNG that the caller hands to the Story's archive.

A formula neither can render is shown verbatim, delimiters included, in monospace: never altered.

Also here because they are about what the reader sees: links are live (linkify), "§ 4.1",
"Fig. 3" and "Table 2" never break at the space, and raw HTML in a sheet is escaped.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from typing import Literal

MathMode = Literal["mathml", "image"]

_MATH_DPI = 200  # PNG resolution of a formula in a PDF: sharp when printed, small files
_MATH_FONT_PT = 10.5  # the body text size of print.css
_UNBREAKABLE = re.compile(r"(§|Fig\.|Figure|Table|Tab\.|Eq\.|Sec\.|Section|Appendix|App\.)[ \t]+(?=[\w(])")

# a formula's opening delimiter (markdown-it's token.markup) -> its closing one
_CLOSING = {"$": "$", "$$": "$$", "\\(": "\\)", "\\[": "\\]", "": ""}


@dataclass
class Rendered:
    """An XHTML fragment and, in image mode, the PNG files its `<img>` tags name."""

    body: str
    images: dict[str, bytes] = field(default_factory=dict)


def keep_together(text: str) -> str:
    """"§ 4.1" -> "§\u00a04.1": a citation is never split across lines."""
    return _UNBREAKABLE.sub(lambda m: m.group(1) + "\u00a0", text)


def verbatim_math(tex: str, opening: str, *, block: bool) -> str:
    """The formula exactly as written, delimiters included, in monospace."""
    closing = _CLOSING.get(opening, opening)
    code = f'<code class="math-source">{html.escape(opening + tex + closing)}</code>'
    return f'<pre class="math-source">{code}</pre>\n' if block else code


def mathml(tex: str, *, block: bool) -> str | None:
    """MathML for `tex`, or None when latex2mathml cannot convert it into well-formed XML."""
    import xml.etree.ElementTree as ET

    from latex2mathml.converter import convert

    try:
        out = convert(tex.strip(), display="block" if block else "inline")
        ET.fromstring(out)
    except Exception:  # latex2mathml raises many kinds; any failure means "show it verbatim"
        return None
    return out


def math_png(tex: str) -> tuple[bytes, float, float, float] | None:
    """(PNG, width pt, height pt, depth pt below the baseline) of `tex` drawn by matplotlib's
    mathtext, or None if it cannot."""
    import io

    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import mathtext
    from matplotlib.font_manager import FontProperties

    source = " ".join(tex.split())
    if not source or "\\\\" in source or "\\begin" in source:
        return None  # line breaks and environments are beyond mathtext
    buffer = io.BytesIO()
    try:
        depth = mathtext.math_to_image(f"${source}$", buffer, prop=FontProperties(size=_MATH_FONT_PT), dpi=_MATH_DPI, format="png")
    except Exception:  # pyparsing's and matplotlib's errors: an unknown symbol, bad braces
        return None
    data = buffer.getvalue()
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")  # PNG IHDR
    return data, width * 72 / _MATH_DPI, height * 72 / _MATH_DPI, float(depth)


def _renderer(math: MathMode, images: dict[str, bytes]):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.texmath import texmath_plugin

    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": True, "linkify": True, "typographer": False})
    md.enable(["table", "linkify"])
    md.use(dollarmath_plugin, double_inline=True, allow_digits=False, allow_space=False)
    md.use(amsmath_plugin)
    md.use(texmath_plugin, delimiters="brackets")

    def formula(tex: str, opening: str, block: bool) -> str:
        if math == "mathml":
            out = mathml(tex, block=block)
            if out is None:
                return verbatim_math(tex, opening, block=block)
            return f'<div class="math">{out}</div>\n' if block else out
        drawn = math_png(tex)
        if drawn is None:
            return verbatim_math(tex, opening, block=block)
        data, width, height, depth = drawn
        name = f"math-{hashlib.sha1(data).hexdigest()[:16]}.png"
        images[name] = data
        # The Story sets an image on the baseline; lowering it by its depth puts the formula's own
        # baseline there, so p_θ(x) descends like the text around it.
        lower = f' style="vertical-align: -{depth:.1f}pt"' if depth and not block else ""
        img = f'<img src="{name}" width="{width:.1f}" height="{height:.1f}"{lower} alt="{html.escape(tex, quote=True)}" />'
        return f'<p class="math">{img}</p>\n' if block else img

    def inline_rule(self, tokens, idx, options, env):
        return formula(tokens[idx].content, tokens[idx].markup, False)

    def block_rule(self, tokens, idx, options, env):
        return formula(tokens[idx].content, tokens[idx].markup, True)

    def text_rule(self, tokens, idx, options, env):
        return html.escape(keep_together(tokens[idx].content), quote=False)

    for kind in ("math_inline", "math_inline_double"):
        md.add_render_rule(kind, inline_rule)
    for kind in ("math_block", "math_block_label", "math_block_eqno", "amsmath"):
        md.add_render_rule(kind, block_rule)
    md.add_render_rule("text", text_rule)
    return md


def to_xhtml(markdown: str, math: MathMode = "mathml") -> Rendered:
    """`markdown` (comments already removed by the caller) as an XHTML fragment."""
    images: dict[str, bytes] = {}
    body = _renderer(math, images).render(markdown)
    return Rendered(body, images)
