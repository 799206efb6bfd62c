"""Headings and bibliographies of the twenty-second split's misses, each on pages drawn here: a Word
report's numbered protocol items under a section, set in bold at the text's size below its larger
headings; LREC's "Bibliographical References"."""

from __future__ import annotations

import pymupdf

from tests.test_parse_bib12 import Pages
from tests.test_parse_heads30s20 import _parse, _sections
from tests.test_parse_sent19 import _prose as prose_lines


def _prose(page, x: float, y: float, n: int, size: float = 12.0, pitch: float = 14.0, width: float = 420.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _first_page(title: str, at: tuple, size: float, authors_at: tuple, authors_size: float, font: str = "tibo"):
    """A new document's first page with the title and the authors' names set; the document and page."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text(at, title, fontname=font, fontsize=size)
    page.insert_text(authors_at, "Alice Smith and Bob Jones", fontname="tiro", fontsize=authors_size)
    return doc, page


def test_numbered_items_behind_the_sections_in_text_type_are_no_headings():
    # A Word tech report: sections "1. What ..." and subsections "1.1. ..." in 14 pt bold over 12 pt
    # text; under "3. An Example" its protocol's items, "1. Question Formularization", "1.1.
    # Question Focus", "2. Sources Selection", in bold at the text's 12 pt: they number a list,
    # going back behind the sections found, no headings.
    doc, page = _first_page("A Report on Systematic Reviews", (85, 80), 18, (85, 110), 12, font="tibo")
    page.insert_text((85, 150), "1. What is a Systematic Review", fontname="tibo", fontsize=14)
    y = _prose(page, 85, 172, 8)
    page.insert_text((85, y + 14), "1.1. The Origins of Systematic Review", fontname="tibo", fontsize=14)
    y = _prose(page, 85, y + 36, 8)
    page.insert_text((85, y + 14), "2. Systematic Reviews in Software Engineering", fontname="tibo", fontsize=14)
    y = _prose(page, 85, y + 36, 6)
    page.insert_text((85, y + 14), "3. An Example of a Systematic Review", fontname="tibo", fontsize=14)
    y = _prose(page, 85, y + 36, 4)
    page = doc.new_page(width=612, height=792)
    page.insert_text((85, 80), "1. Question Formularization", fontname="tibo", fontsize=12)
    page.insert_text((99, 96), "1.1. Question Focus", fontname="tibo", fontsize=12)
    y = _prose(page, 117, 112, 3, width=380)
    page.insert_text((99, y + 2), "1.2. Question Quality and Amplitude", fontname="tibo", fontsize=12)
    y = _prose(page, 117, y + 18, 4, width=380)
    page.insert_text((85, y + 2), "2. Sources Selection", fontname="tibo", fontsize=12)
    page.insert_text((99, y + 18), "2.1. Sources Selection Criteria Definition", fontname="tibo", fontsize=12)
    y = _prose(page, 117, y + 34, 4, width=380)
    page.insert_text((85, y + 20), "4. Final Comments", fontname="tibo", fontsize=14)
    _prose(page, 85, y + 42, 8)
    found = _sections(_parse(doc))
    assert ("1", "What is a Systematic Review") in found
    assert ("1.1", "The Origins of Systematic Review") in found
    assert ("3", "An Example of a Systematic Review") in found
    assert ("4", "Final Comments") in found
    assert not any(title.startswith(("Question", "Sources")) for _, title in found), found


def test_lrecs_bibliographical_references_head_the_list():
    # LREC's template numbers its list's heading as a section, "6. Bibliographical References": the
    # entries under it are the bibliography, not a section's paragraphs.
    pages = Pages()
    pages.heading("1. Introduction")
    pages.paragraph()
    pages.heading("2. Conclusion")
    pages.paragraph()
    pages.heading("6. Bibliographical References")
    entries = [
        ("Antognini, D. and Faltings, B. (2019). Learning to create sentence semantic relation graphs for",
         "multi-document summarization. In Proceedings of the 2nd Workshop on New Frontiers, pages 32-41."),
        ("Cao, Z., Chen, C., Li, W., Li, S., Wei, F., and Zhou, M. (2016). Tgsum: Build tweet guided",
         "multi-document summarization dataset. In Thirtieth AAAI Conference on Artificial Intelligence."),
        ("Erkan, G. and Radev, D. R. (2004). Lexrank: Graph-based lexical centrality as salience in text",
         "summarization. Journal of Artificial Intelligence Research, 22:457-479."),
        ("Gehring, J., Auli, M., Grangier, D., Yarats, D., and Dauphin, Y. N. (2017). Convolutional sequence",
         "to sequence learning. In Proceedings of the 34th International Conference on Machine Learning."),
        ("Graff, D. and Cieri, C. (2003). English gigaword 2003. In Linguistic Data Consortium, Philadelphia.", None),
        ("Lin, C. Y. (2004). ROUGE: A package for automatic evaluation of summaries. In Proceedings of the",
         "Workshop on Text Summarization Branches Out (WAS), Barcelona, Spain, July 25-26."),
    ]
    for first, rest in entries:
        pages.line(first, size=9)
        if rest:
            pages.line(rest, size=9, x=81)
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[0].startswith("Antognini, D. and Faltings")


def test_bookmarked_front_matter_labels_are_no_sections():
    # Word's PDFMaker bookmarks SIGCHI's "Author Keywords" and "ACM Classification Keywords" under
    # "ABSTRACT", as it bookmarks every heading style: front matter labels, no sections.
    doc, page = _first_page("Linked Virtual Assistants for Teams", (85, 80), 18, (85, 110), 12, font="tibo")
    page.insert_text((85, 150), "ABSTRACT", fontname="tibo", fontsize=10)
    y = _prose(page, 85, 166, 5, size=10, pitch=12)
    page.insert_text((85, y + 8), "Author Keywords", fontname="tibo", fontsize=10)
    page.insert_text((85, y + 22), "Computer-mediated communication, notification systems, awareness.",
                     fontname="tiro", fontsize=10)
    page.insert_text((85, y + 42), "ACM Classification Keywords", fontname="tibo", fontsize=10)
    page.insert_text((85, y + 56), "H5.3. Group and organization interfaces: computer-supported work.",
                     fontname="tiro", fontsize=10)
    page.insert_text((85, y + 84), "INTRODUCTION", fontname="tibo", fontsize=10)
    y = _prose(page, 85, y + 100, 10, size=10, pitch=12)
    page.insert_text((85, y + 12), "CONCLUSIONS", fontname="tibo", fontsize=10)
    _prose(page, 85, y + 28, 10, size=10, pitch=12)
    doc.set_toc([[1, "ABSTRACT", 1], [2, "Author Keywords", 1], [2, "ACM Classification Keywords", 1],
                 [1, "INTRODUCTION", 1], [1, "CONCLUSIONS", 1]])
    found = [title for _, title in _sections(_parse(doc))]
    assert "INTRODUCTION" in found and "CONCLUSIONS" in found
    assert not any("Keywords" in title for title in found), found


def test_a_roman_number_tabbed_far_from_its_title_in_capitals_numbers_it():
    # A Word paper in IEEE's style: "I." then a tab to "INTRODUCTION", 1.3 em on (the next headings'
    # numbers, "II.", stand a word space nearer): one heading, numbered I.
    doc, page = _first_page("A Survey of Botnet Detection", (85, 80), 16, (85, 104), 10, font="tibo")
    width = pymupdf.get_text_length("I.", fontname="tiro", fontsize=10)
    page.insert_text((200, 140), "I.", fontname="tiro", fontsize=10)
    page.insert_text((200 + width + 13, 140), "INTRODUCTION", fontname="tiro", fontsize=10)
    y = _prose(page, 85, 160, 12, size=10, pitch=12)
    page.insert_text((190, y + 14), "II. RELATED WORK", fontname="tiro", fontsize=10)
    y = _prose(page, 85, y + 34, 12, size=10, pitch=12)
    page.insert_text((190, y + 14), "III. CONCLUSION", fontname="tiro", fontsize=10)
    _prose(page, 85, y + 34, 8, size=10, pitch=12)
    found = _sections(_parse(doc))
    assert ("I", "INTRODUCTION") in found, found
    assert ("II", "RELATED WORK") in found


def test_an_unprinted_appendix_bookmark_over_the_appendices_is_no_heading():
    # LNCS (2003): the outline files "A Nimda Example" and "B Logfile Example" under an "Appendix"
    # entry that no page prints; the appendices are headings, the folder over them is none.
    doc, page = _first_page("Visualisation for Intrusion Detection", (85, 80), 16, (85, 104), 10, font="tibo")
    page.insert_text((85, 140), "1 Introduction", fontname="tibo", fontsize=12)
    y = _prose(page, 85, 160, 12, size=10, pitch=12)
    page.insert_text((85, y + 14), "2 Conclusion", fontname="tibo", fontsize=12)
    _prose(page, 85, y + 34, 8, size=10, pitch=12)
    page = doc.new_page(width=612, height=792)
    page.insert_text((85, 80), "A Nimda Example", fontname="tibo", fontsize=12)
    y = _prose(page, 85, 100, 6, size=10, pitch=12)
    page.insert_text((85, y + 14), "B Logfile Example", fontname="tibo", fontsize=12)
    _prose(page, 85, y + 34, 6, size=10, pitch=12)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Conclusion", 1], [1, "Appendix", 2],
                 [2, "A Nimda Example", 2], [2, "B Logfile Example", 2]])
    found = _sections(_parse(doc))
    assert ("A", "Nimda Example") in found and ("B", "Logfile Example") in found, found
    assert not any(title == "Appendix" for _, title in found), found


def test_a_lettered_subsection_beside_a_plots_white_ground_is_no_label_of_it():
    # IEEE (IROS 2019): MATLAB lays a white ground behind the plots of the left column, 2 pt short of
    # the right column, where "B. Robotic Arm Simulation" in italics opens level with it, its
    # paragraph indented under it: the subsection's heading, not a label at the drawing's edge.
    doc, page = _first_page("Control Modes for Intent Disambiguation", (150, 60), 20, (220, 84), 11, font="tiro")
    page.insert_text((130, 110), "I. INTRODUCTION", fontname="tiro", fontsize=10)
    _prose(page, 54, 126, 12, size=10, pitch=12, width=240)
    page.insert_text((54, 282), "II. EXPERIMENTS", fontname="tiro", fontsize=10)
    page.insert_text((313, 110), "A. Point Robot Simulation", fontname="tiit", fontsize=10)
    _prose(page, 313, 126, 25, size=10, pitch=12, width=240)
    page.draw_rect(pymupdf.Rect(41.7, 292, 310.8, 485), color=None, fill=(1, 1, 1))
    for x in (64, 180):
        page.draw_rect(pymupdf.Rect(x, 300, x + 100, 460), color=(0, 0, 0), width=0.8)
        page.draw_line((x + 10, 450), (x + 90, 320), color=(0, 0, 1), width=1)
    page.insert_text((54, 505), "Fig. 4. Inference accuracy of every scheme in four spaces.", fontname="tiro", fontsize=8)
    _prose(page, 54, 530, 16, size=10, pitch=12, width=240)
    page.insert_text((313, 442), "B. Robotic Arm Simulation", fontname="tiit", fontsize=10)
    page.insert_text((323, 458), "Figure 5 reveals that for the simulations conducted on a", fontname="tiro", fontsize=10)
    _prose(page, 313, 470, 13, size=10, pitch=12, width=240)
    page.insert_text((390, 650), "III. CONCLUSION", fontname="tiro", fontsize=10)
    _prose(page, 313, 666, 6, size=10, pitch=12, width=240)
    found = _sections(_parse(doc))
    assert ("A", "Point Robot Simulation") in found, found
    assert ("B", "Robotic Arm Simulation") in found, found


def _entry(page, x: float, y: float, k: int, rows: int = 3, size: float = 9.0) -> float:
    """An author-year entry of `rows` lines filling a 236 pt column from x, its later lines set in
    11 pt; the next baseline."""
    words = (f"Author{chr(65 + k % 26)}son, Alice and Bob Jones{chr(65 + k % 26)}. 20{10 + k % 10}. A study of things "
             "in general and of the models that read them closely. In Proceedings of the Conference on Empirical "
             "Methods in Natural Language Processing, pages 1-9, Online. Association for Linguistics.").split()
    for r in range(rows):
        inset = 11 if r else 0
        line = []
        while words and pymupdf.get_text_length(" ".join(line + words[:1]), fontname="tiro", fontsize=size) < 236 - inset:
            line.append(words.pop(0))
        page.insert_text((x + inset, y), " ".join(line), fontname="tiro", fontsize=size)
        y += 11
    return y + 6


def test_a_column_holding_only_an_entrys_carried_over_end_goes_on_that_entry():
    # ACL (EMNLP 2023): the list's last entry breaks at the left column's foot; its end, three lines
    # atop the right column, all stand 11 pt in from that column's margin, where the right column
    # of the page before sets its entries' later lines: the entry's end, no entry of its own.
    doc, page = _first_page("Position Embeddings as Sinusoid Waves", (150, 60), 15, (220, 84), 11, font="tibo")
    page.insert_text((54, 120), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 54, 138, 50, size=10, pitch=12, width=236)
    page.insert_text((306, 120), "References", fontname="tibo", fontsize=12)
    y, k = 140.0, 0
    while y < 680:
        y = _entry(page, 306, y, k)
        k += 1
    page = doc.new_page(width=612, height=792)
    y = 72.0
    while y < 680:
        y = _entry(page, 54, y, k)
        k += 1
    y = _entry(page, 54, y, k, rows=2)
    for r, text in enumerate(["In Proceedings of the 2020 Conference on Empirical Methods in",
                              "Natural Language Processing (EMNLP), pages 6840-6849, Online.",
                              "Association for Computational Linguistics."]):
        page.insert_text((317, 72 + 11 * r), text, fontname="tiro", fontsize=9)
    paper = _parse(doc)
    assert len(paper.references) == k + 1, paper.references[-3:]
    assert paper.references[-1].endswith("Association for Computational Linguistics.")

