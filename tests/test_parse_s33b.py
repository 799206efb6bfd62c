"""Sentences and headings of the thirty-third split's misses, each shape drawn here with PyMuPDF: a
paragraph wrapped beside a table that goes on under it across the page, a sentence carried over a
page past a code listing and its caption, a line of prose opening on "Algorithm 8" under a ruled
algorithm float, an italic numbered heading wrapped after its colon, and a bold heading ending on a
number set in TeX's math roman."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import RUNNING, justified as _justified, reparse as _parse


def _fill(words: list[str], k: int, width: float, size: float, font: str = "tiro") -> tuple[str, int]:
    line = ""
    while pymupdf.get_text_length(line + words[k % len(words)] + " ", fontname=font, fontsize=size) < width:
        line += words[k % len(words)] + " "
        k += 1
    return line.strip(), k




def _run(page, x0: float, x1: float, y: float, count: int, size: float = 10, pitch: float | None = None,
         first: str | None = None, end: str | None = None, k: int = 0, full_end: bool = False) -> float:
    """`count` lines of running text from baseline y, set justified, the first and last ones given or
    not (the last one flush left, unless `full_end`); returns the next baseline."""
    pitch = pitch or 1.1 * size
    for i in range(count):
        if i == 0 and first is not None:
            text = first
        elif i == count - 1 and end is not None:
            text = end
        else:
            text, k = _fill(RUNNING, k, x1 - x0, size)
        if i == count - 1 and not full_end:
            page.insert_text((x0, y), text, fontname="tiro", fontsize=size)
        else:
            _justified(page, x0, x1, y, text, size)
        y += pitch
    return y


def _paragraphs(paper) -> list[str]:
    return [" ".join(p.text.split()) for s in paper.sections for p in s.paragraphs]


def test_a_paragraph_wrapped_beside_a_table_goes_on_under_it_across_the_page():
    # NeurIPS 2023 (wraptable): Table 1's caption and rows on the right of the page's top, the
    # paragraph beside it in a column 207 pt wide, its last line there full ("... our smallest
    # Guanaco model"), the sentence going on right under it across the page ("(7B parameters)
    # requires just 5 GB ..."). Read after the caption, the line across, opening on a parenthesis
    # and a digit, started a paragraph of its own, cutting the sentence.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((200, 100), "Efficient Finetuning of Models", fontname="tibo", fontsize=17)
    page.insert_text((108, 160), "1 Introduction", fontname="tibo", fontsize=12)
    _run(page, 108, 504, 184, 48, first="Finetuning large language models is a highly effective way to improve their",
         full_end=True)
    page = doc.new_page(width=612, height=792)
    caption = ["Table 1: Elo ratings for a competition between", "models, averaged for 10,000 random initial order-",
               "ings. The winner of a match is determined by", "GPT-4 which declares which response is better for",
               "a given prompt of the the Vicuna benchmark. 95%", "confidence intervals are shown. After GPT-",
               "4, Guanaco 33B and 65B win the most matches,", "while Guanaco 13B scores better than Bard."]
    for k, text in enumerate(caption):
        page.insert_text((325, 78 + 10 * k), text, fontname="tiro", fontsize=9)
    for y, width in ((160, 0.8), (176, 0.5), (269, 0.8)):  # booktabs' rules
        page.draw_line((336, y), (491, y), color=(0, 0, 0), width=width)
    page.insert_text((342, 169), "Model", fontname="tiro", fontsize=10)
    page.insert_text((413, 169), "Size", fontname="tiro", fontsize=10)
    page.insert_text((459, 169), "Elo", fontname="tiro", fontsize=10)
    for k, (model, size, elo) in enumerate((("GPT-4", "-", "1348"), ("Guanaco 65B", "41 GB", "1022"),
                                            ("Guanaco 33B", "21 GB", "992"), ("Vicuna 13B", "26 GB", "974"),
                                            ("ChatGPT", "-", "966"), ("Guanaco 13B", "10 GB", "916"),
                                            ("Bard", "-", "902"), ("Guanaco 7B", "6 GB", "879"))):
        y = 185 + 11 * k
        page.insert_text((342, y), model, fontname="tiro", fontsize=10)
        page.insert_text((412, y), size, fontname="tiro", fontsize=10)
        page.insert_text((455, y), elo, fontname="tiro", fontsize=10)
    page.insert_text((108, 82), "that are tuned by backpropagating gradients through", fontname="tiro", fontsize=10)
    page.insert_text((108, 93), "the quantized weights.", fontname="tiro", fontsize=10)
    y = _run(page, 108, 315, 112, 16, first="Our method reduces the average memory",
             end="mark. When deployed, our smallest Guanaco model", full_end=True)
    y = _run(page, 108, 504, y, 2, first="(7B parameters) requires just 5 GB of memory and outperforms a 26 GB Alpaca model by more than",
             end="20 percentage points on the Vicuna benchmark (Table 6).")
    _run(page, 108, 504, y + 8, 12, first="Our approach introduces several innovations designed to reduce memory use without",
         end="the accuracy tradeoffs seen in prior work.")
    texts = _paragraphs(_parse(doc))
    assert any("our smallest Guanaco model (7B parameters) requires just 5 GB" in t for t in texts), texts


def test_a_sentence_carried_over_the_page_goes_on_past_a_code_listing_and_its_caption():
    # SIGMOD 2014: the page ends "... to reproduce and debug cus-"; the next page opens with a code
    # listing in typewriter type, "Listing 2: Simplified AMPERe dump" in bold under it, then
    # "tomer issues in the optimizer ...". The caption, read as a paragraph, ended the sentence.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "1 Minimal Repros", fontname="tibo", fontsize=12)
    y = _run(page, 72, 540, 96, 40, first="Our tool captures minimal portable and executable repros and the work")
    page.insert_text((72, y), "of the workers that run it was to be able to reproduce and debug cus-", fontname="tiro",
                     fontsize=10)
    page = doc.new_page(width=612, height=792)
    code = ['<?xml version="1.0" encoding="UTF-8"?>', "<dxl:DXLMessage>", '  <dxl:Thread Id="0">',
            "    <dxl:Stacktrace>", "    </dxl:Stacktrace>", '    <dxl:TraceFlags Value="hashjoin"/>',
            '    <dxl:Metadata SystemIds="0.GPDB">', '      <dxl:Type Mdid="0.9.1.0" Name="int4"/>',
            "    </dxl:Metadata>", "  </dxl:Thread>", "</dxl:DXLMessage>"]
    for k, text in enumerate(code):
        page.insert_text((72, 72 + 8 * k), text, fontname="cour", fontsize=7)
    page.insert_text((200, 172), "Listing 2: Simplified AMPERe dump", fontname="tibo", fontsize=9)
    y = _run(page, 72, 540, 200, 2, first="tomer issues in the optimizer without having access to the customer production",
             end="system.")
    _run(page, 72, 540, y + 4, 30, first="An AMPERe dump is automatically triggered when an unexpected error is found and",
         end="the end of the dump.")
    texts = _paragraphs(_parse(doc))
    assert any("debug cus" in t and "tomer issues in the optimizer" in t for t in texts), texts


def _rule(page, x0: float, x1: float, y: float, width: float = 0.4) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def _algorithm(page, x0: float, x1: float, top: float, number: int, title: str, rows: int,
               wrapped: str | None = None) -> float:
    """A ruled algorithm float (rule, caption, rule, rows, rule) from `top`, the caption's `wrapped`
    rest on a line under it, the last row a bold numbered "Return" line; the y under it."""
    _rule(page, x0, x1, top, 0.8)
    page.insert_text((x0, top + 10), f"Algorithm {number}", fontname="tibo", fontsize=9)
    page.insert_text((x0 + 50, top + 10), title, fontname="tiro", fontsize=9)
    if wrapped:
        page.insert_text((x0 + 5, top + 24), wrapped, fontname="tiro", fontsize=9)
        top += 15
    _rule(page, x0, x1, top + 12.6)
    y = top + 22
    for k in range(rows):
        page.insert_text((x0 + 8, y), f"h <- h + k{k} x f{k}", fontname="tiit", fontsize=8)
        y += 10
    page.insert_text((x0 + 2, y), f"{rows + 1} Return G", fontname="tibo", fontsize=9)
    _rule(page, x0, x1, y + 4)
    return y + 10


def test_a_line_of_prose_opening_on_an_algorithms_name_is_no_algorithm_caption():
    # SIGMOD 2015: "Algorithm 8 shows the double hashing scheme that we" opens the paragraph under
    # the ruled float Algorithm 8; the next float's rules stand far down the column. Taken for a
    # caption, the line's second rule below was the next float's: the paragraph and the subsection
    # heading "5.3 Cuckoo Hashing" under it were read as the algorithm's code, the heading lost. (A
    # caption wrapped onto a second line, its rule under that one, stays a caption: EMNLP 2018's
    # algorithm rows, "15 Return G" in bold, were read as text, one a heading, by a first version of
    # the rule that wanted the rule right under the caption's first line; kept here as a guard.)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 66), "5.2 Double Hashing", fontname="tibo", fontsize=12)
    y = _run(page, 54, 293, 80, 6, size=9, first="Duplicate keys in hash tables can be handled by storing the",
             end="on the number of repeats is out of the scope of this paper.")
    y = _algorithm(page, 54, 293, y, 8, "Double Hashing Function", 5)
    y = _run(page, 54, 293, y + 6, 6, size=9, first="Algorithm 8 shows the double hashing scheme that we",
             end="avoid the expensive modulos, we use a subtraction.")
    page.insert_text((54, y + 10), "5.3 Cuckoo Hashing", fontname="tibo", fontsize=12)
    y = _run(page, 54, 293, y + 25, 14, size=9, first="Cuckoo hashing is another hashing scheme that uses",
             end="been shown to be faster than other variants on CPUs.")
    _algorithm(page, 54, 293, y + 6, 9, "Cuckoo Hashing - Probing over the Buckets of the", 10,
               wrapped="Table")  # (its caption's rule under the caption's second line)
    _run(page, 317, 556, 66, 60, size=9, first="The second column holds running text down the page that",
         end="ends here.")
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [("5.2", "Double Hashing"), ("5.3", "Cuckoo Hashing")], \
        [(s.number, s.title) for s in paper.sections]
    rows = [p for s in paper.sections for p in s.paragraphs if "k9 x f9" in p.text]
    assert rows and all(p.code for p in rows), [(p.code, p.text[:60]) for p in rows]


def test_an_italic_numbered_heading_wrapped_after_its_colon_is_one_heading():
    # VLDB 2015: subsubsections in 11 pt italics over 9 pt text, "3.3.6 Anomaly Detection:" and
    # under its title, past its number, "Data-Driven & Composite Triggers". The first line, ending
    # on its colon, was split off as a run-in label, the second read as a heading of its own.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 66), "3.3 Motivating Experiences", fontname="tibo", fontsize=12)
    y = _run(page, 54, 293, 82, 8, size=9, first="The examples below show what the design grew out of and",
             end="and the lessons drawn from them.")
    for number, title in (("3.3.5", "Recommendations: Processing Time Triggers"),):
        page.insert_text((57, y + 12), number, fontname="tiit", fontsize=11)
        page.insert_text((89, y + 12), title, fontname="tiit", fontsize=11)
        y = _run(page, 54, 293, y + 27, 14, size=9, first="Another example of a pipeline that we built using the",
                 end="processing-time triggers shown in the figures.")
    page.insert_text((57, y + 12), "3.3.6", fontname="tiit", fontsize=11)
    page.insert_text((89, y + 12), "Anomaly Detection:", fontname="tiit", fontsize=11)
    page.insert_text((89, y + 23), "Data-Driven & Composite Triggers", fontname="tiit", fontsize=11)
    _run(page, 54, 293, y + 38, 20, size=9, first="In the earlier paper, we described an anomaly detection",
         end="and the pipeline ran on.")
    page.insert_text((54, 700), "4 CONCLUSIONS", fontname="tibo", fontsize=12)
    _run(page, 54, 293, 715, 4, size=9, first="The future of data processing is unbounded data and the",
         end="the end.")
    paper = _parse(doc)
    heads = [(s.number, s.title) for s in paper.sections]
    assert ("3.3.6", "Anomaly Detection: Data-Driven & Composite Triggers") in heads, heads


def test_a_bold_heading_ending_on_a_number_in_the_math_roman_is_a_heading():
    # CVPR 2022: "4.3.2 Convolutional Sampling Beyond 256²", the number and title in Times bold, the
    # 256 in TeX's math roman at the heading's size (CMR10, a face of its own, upright, not bold),
    # the ² smaller. The one span not bold made the row no bold row, and the heading was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((50, 72), "4.3 Conditional Latent Diffusion", fontname="tibo", fontsize=11)
    page.insert_text((50, 90), "4.3.1", fontname="tibo", fontsize=10)
    page.insert_text((80, 90), "Transformer Encoders for LDMs", fontname="tibo", fontsize=10)
    y = _run(page, 50, 286, 104, 12, first="By introducing transformer-based conditioning into the",
             end="can be found in the appendix.")
    page.insert_text((50, y + 12), "4.3.2", fontname="tibo", fontsize=10)
    title = "Convolutional Sampling Beyond"
    page.insert_text((80, y + 12), title, fontname="tibo", fontsize=10)
    x = 80 + pymupdf.get_text_length(title + " ", fontname="tibo", fontsize=10)
    page.insert_text((x, y + 12), "256", fontname="helv", fontsize=10)
    page.insert_text((x + pymupdf.get_text_length("256", fontname="helv", fontsize=10), y + 8), "2", fontname="helv",
                     fontsize=7)
    y = _run(page, 50, 286, y + 25, 20, first="By concatenating spatially aligned conditioning informa-",
             end="purpose image-to-image translation models.")
    page.insert_text((50, y + 12), "4.4 Super-Resolution with Latent Diffusion", fontname="tibo", fontsize=11)
    _run(page, 50, 286, y + 26, 10, first="Our models can be efficiently trained for super-resolution by",
         end="the end.")
    heads = [(s.number, s.title) for s in _parse(doc).sections]
    assert ("4.3.2", "Convolutional Sampling Beyond 2562") in heads, heads
