"""Titles, abstracts and bibliographies of the eleventh split's shapes, each on pages drawn here:
a journal's name over the title, double-spaced manuscripts, structured and framed abstracts, and
lists labelled or headed the way word processors and manuscripts print them."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_front import PROSE, Page, _parse  # noqa: E402


def _goto(page: int, y: float) -> dict:
    return {"kind": pymupdf.LINK_GOTO, "page": page, "to": pymupdf.Point(72, y)}


def _body(page: Page, doc, headings=("Introduction", "Methods", "Results", "Discussion")) -> Page:
    for heading in headings:
        if page.y > 600:
            page = Page(doc)
        page.line(heading, "tibo", 12)
        page.paragraph()
    return page


# ───────────────────────────── titles ─────────────────────────────


def test_a_journal_name_printed_large_over_the_title_is_no_title():
    # PLOS Medicine prints "PLOS MEDICINE" in 20 pt at the head of page 1, well above the 18 pt title.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("PLOS MEDICINE", "hebo", 20, x=36)
    page.skip(40)
    page.line("RESEARCH ARTICLE", "helv", 8, x=200)
    page.line("Maternal glucose and the infant's epigenome in a", size=18, x=200)
    page.line("randomised trial of diet in pregnancy", size=18, x=200)
    page.skip(6)
    page.line("Ada Okafor, Ben Adeyemi", "tibo", 9, x=200)
    page.abstract_and_introduction(x=200)
    _body(page, doc)
    paper = _parse(doc)
    assert paper.title == "Maternal glucose and the infant's epigenome in a randomised trial of diet in pregnancy"


def test_a_short_title_over_smaller_names_stays_the_title():
    # The rule above wants a line near the title's size under the short line: names set smaller are none.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Paxos Made Simple", "tibo", 20, x=220)
    page.skip(30)
    page.line("Leslie Lamport and Another Author Here", size=12, x=220)
    page.abstract_and_introduction()
    _body(page, doc)
    assert _parse(doc).title == "Paxos Made Simple"


def _double_spaced_title(page: Page, lines: list[str], size: float, font: str = "tibo") -> None:
    for text in lines:
        page.line(text, font, size, gap=2.2)


def test_a_double_spaced_title_that_wraps_is_whole():
    # A manuscript set double-spaced (pandoc): the title's two lines stand two sizes apart, the first
    # filling the measure between even margins.
    doc = pymupdf.open()
    page = Page(doc)
    first = "A Goldilocks Principle for the Gut Microbiome: Taxonomic Resolution"
    # (the size that makes the first line reach the right margin, as a justified line does)
    size = 468 / pymupdf.get_text_length(first, fontname="tibo", fontsize=1)
    _double_spaced_title(page, [first, "Matters for Microbiome-Based Classification"], size)
    page.skip(30)
    page.line("Courtney Armour, Patrick Schloss", size=10)
    page.abstract_and_introduction()
    _body(page, doc)
    assert _parse(doc).title == ("A Goldilocks Principle for the Gut Microbiome: Taxonomic Resolution "
                                 "Matters for Microbiome-Based Classification")


def test_a_labelled_title_in_the_texts_type_runs_over_its_wrapped_line():
    # A word processor's manuscript: "Title: ..." in 12 pt like everything else, double-spaced; the
    # title wraps onto a second, shorter line.
    doc = pymupdf.open()
    page = Page(doc)
    first = "Title: Variation in leaf transcriptome responses to elevated ozone corresponds with"
    size = 468 / pymupdf.get_text_length(first, fontname="tiro", fontsize=1)  # (to the right margin)
    page.line(first, size=size, gap=1.7)
    page.line("physiological sensitivity to ozone across maize inbred lines", size=size, gap=2.4)
    page.line("Adalena Nanni, Alison Morse, Lauren McIntyre", size=size, gap=2.4)
    words = PROSE.split()
    for _ in range(3):
        for start in range(0, len(words), 10):
            page.line(" ".join(words[start:start + 10]), size=size, gap=1.7)
        page.skip(8)
    page = Page(doc)
    for heading in ("Abstract", "Background"):
        page.line(heading, size=size, gap=2.4)
        for _ in range(3):
            for start in range(0, len(words), 10):
                page.line(" ".join(words[start:start + 10]), size=size, gap=1.7)
    paper = _parse(doc)
    assert paper.title == ("Variation in leaf transcriptome responses to elevated ozone corresponds with "
                           "physiological sensitivity to ozone across maize inbred lines")


# ───────────────────────────── abstracts ─────────────────────────────


def test_a_structured_abstract_under_its_heads_is_the_abstract():
    # PLOS: "Abstract" in 14.5 pt, then "Background", "Methods and findings", "Conclusions" in 11.5 pt,
    # each over its paragraph; the body's own "Conclusions" comes much later, halfway down a page
    # under a figure (the first text of its page, but no running head).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Trial of Diet in Pregnancy", "tibo", 18)
    page.line("Ada Okafor", size=10)
    page.skip(10)
    page.line("Abstract", "tibo", 14.5)
    for head, text in (("Background", "Higher maternal plasma glucose concentrations are associated with outcomes"),
                       ("Methods and findings", "We investigated five hundred women recruited between two years"),
                       ("Conclusions", "Maternal dysglycaemia was associated with changes in the epigenome")):
        page.line(head, "tibo", 11.5)
        page.paragraph(text + " " + PROSE, repeat=1)
    page = _body(Page(doc), doc, ("Introduction", "Methods", "Results", "Discussion"))
    page = Page(doc)
    page.page.draw_rect(pymupdf.Rect(72, 72, 540, 360), color=(0, 0, 0), fill=(0.6, 0.7, 0.9))
    page.y = 420
    page.line("Conclusions", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.abstract.startswith("Higher maternal plasma glucose"), paper.abstract
    assert "We investigated five hundred women" in paper.abstract
    titles = [s.title for s in paper.sections if s.title]
    assert "Background" not in titles and "Methods and findings" not in titles
    assert titles[-1] == "Conclusions" and titles.count("Conclusions") == 1, titles


def test_an_abstract_in_a_frame_with_run_in_heads_is_the_abstract():
    # BMC frames its abstract ("Abstract", then "Background: ...", "Results: ..." run in) on page 1;
    # its bookmarks file the run-in heads under "Abstract", all under the title's entry.
    doc = pymupdf.open()
    page = Page(doc)
    # (the "RESEARCH" band over the title and the "Check for updates" mark beside it make one drawing
    # that takes the title's first line in: the title's entry matches no printed line)
    page.page.draw_rect(pymupdf.Rect(57, 60, 538, 70), color=None, fill=(0.2, 0.2, 0.3))
    page.page.draw_rect(pymupdf.Rect(510, 74, 538, 102), color=(0.6, 0.6, 0.6), width=0.3)
    page.y = 96
    page.line("Epigenetic modelling of former,", size=20)
    page.line("current and never smokers", size=20)
    page.line("Ryan Langdon, Paul Yousefi", size=11)
    page.skip(14)
    top = page.y
    page.line("Abstract", "tibo", 10.5, x=80)
    abstract_y = page.y
    page.line("Background: DNA methylation performs excellently in the discrimination of current and former smokers", x=80)
    for _ in range(3):
        page.line("from never smokers, where the areas under the curve are high for every single model that we have tried.", x=80)
    results_y = page.y
    page.line("Results: We find that DNA methylation can classify ternary smoking status with reasonable accuracy when", x=80)
    page.line("applied to external data. Conclusions: Our findings suggest that the classifiers relate to populations.", x=80)
    page.page.draw_rect(pymupdf.Rect(76, top - 11, 536, page.y - 6), color=(0.1, 0.2, 0.3), width=0.5)
    page.skip(20)
    marks = [(1, "Epigenetic modelling of\xa0former, current and\xa0never smokers", 1, _goto(0, 60)),
             (2, "Abstract", 1, _goto(0, top - 12)), (3, "Background:", 1, _goto(0, abstract_y - 10)),
             (3, "Results:", 1, _goto(0, results_y - 10))]
    for heading, level in (("Background", 2), ("Results", 2), ("Classifier performance", 3), ("Discussion", 2)):
        if page.y > 600:
            page = Page(doc)
        marks.append((level, heading, len(doc), _goto(len(doc) - 1, page.y - 10)))
        page.line(heading, "tibo", 10.5 if level == 2 else 9)
        page.paragraph()
    doc.set_toc([list(m) for m in marks])
    paper = _parse(doc)
    # the run-in heads stay in the abstract's text as printed, the first one included
    assert paper.abstract and paper.abstract.startswith("Background: DNA methylation performs excellently"), paper.abstract
    assert "Results: We find" in paper.abstract
    assert [(s.title, s.level) for s in paper.sections if s.title] == [
        ("Background", 1), ("Results", 1), ("Classifier performance", 2), ("Discussion", 1)]
    assert not paper.figures and not paper.tables


# ───────────────────────────── bibliographies ─────────────────────────────


def _intro(doc) -> Page:
    page = Page(doc)
    page.line("A Short Paper on Lists", "tibo", 16)
    page.abstract_and_introduction()
    return page


def test_references_after_the_acknowledgements_under_one_heading():
    # VLDB 2005 (Word): "Acknowledgements and References" over the thanks, then "[ADDA04] ..." entries.
    doc = pymupdf.open()
    page = _intro(doc)
    page.line("2 Conclusions", "tibo", 12)
    page.paragraph()
    page.line("Acknowledgements and References", "tibo", 12)
    page.line("We would like to thank David DeWitt for his helpful feedback and ideas.")
    page.skip(6)
    keys = ["ADDA04", "BERE95", "COPE88", "DEWI90", "FREN95", "RAMA02"]
    for key in keys:
        page.line(f"[{key}] Hal Berenson et al. A Critique of ANSI SQL Isolation Levels. In SIGMOD, 1995.", size=9)
    paper = _parse(doc)
    assert len(paper.references) == len(keys), paper.references
    assert paper.references[0].startswith("[ADDA04] Hal Berenson")
    last = [s for s in paper.sections if s.title][-1]
    assert last.title == "Acknowledgements and References"
    assert "DeWitt" in last.paragraphs[0].text and not any("BERE95" in p.text for p in last.paragraphs)


def test_bare_number_labels_in_a_column_of_their_own_are_no_line_numbers():
    # Trends in Cognitive Sciences (Word/PDFMaker): "1", "2", ... set apart left of each entry, the
    # entries' later lines under the first, the entries one to five lines long. Read as review line numbers they were dropped, and the
    # line "J. Am. Stat. Assoc. 90, 773-795" (an italic journal) was taken for a lettered heading.
    doc = pymupdf.open()
    _intro(doc)
    page = Page(doc)
    page.line("Acknowledgements", "tibo", 9, x=88)
    page.line("Thanks to all.", size=8, x=108)
    page.skip(6)
    page.line("References", "tibo", 9, x=88)
    page.skip(4)
    entries = [
        ["Bayes, T. (1763) Studies in the history of probability and", "statistics: IX. Thomas Bayes's essay towards",
         "solving a problem in the doctrine of", "chances. Biometrika 45, 296-315"],
        ["Laplace, P.S. (1795) A Philosophical Essay on", "Probabilities, Dover"],
        ["Shwe, M. et al. (1991) Probabilistic diagnosis using a", "reformulation of the knowledge base I. the",
         "probabilistic model and inference", "algorithms. Methods Inf. Med. 30, 241-", "255"],
        ["Pritchard, J.K. et al. (2000) Inference of population", "structure using multilocus genotype data.",
         "Genetics 155, 945-955"],
        ["Geman, S. and Geman, D. (1984) Stochastic relaxation,", "Gibbs distributions, and the Bayesian",
         "restoration of images. IEEE Trans. 6, 721-741"],
        ["Marr, D. (1982) Vision, W.H. Freeman"],
        ["Anderson, J.R. (1990) The Adaptive Character of", "Thought, Erlbaum"],
        ["Kass, R.E. and Raftery, A.E. (1995) Bayes factors.", "J. Am. Stat. Assoc. 90, 773-795"],
        ["Jeffreys, W.H. and Berger, J.O. (1992) Ockham's razor", "and Bayesian analysis. Am. Sci. 80, 64-72"],
    ]
    for number, lines in enumerate(entries, 1):
        page.page.insert_text((92, page.y), str(number), fontname="tiro", fontsize=8)
        for k, text in enumerate(lines):
            if k == 1 and text.startswith("J. "):
                page.page.insert_text((108, page.y), text, fontname="tiit", fontsize=8)
                page.y += 10
                continue
            page.line(text, size=8, x=108)
    paper = _parse(doc)
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[0].startswith("[1] Bayes, T. (1763)")
    assert paper.references[8].startswith("[9] Jeffreys")
    assert [s.title for s in paper.sections if s.title][-1] == "References"


def test_review_line_numbers_beside_every_line_are_still_dropped():
    # The other side of the rule above: numbers level with each line, one per line, are line numbers.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Submitted Manuscript", "tibo", 16)
    page.abstract_and_introduction()
    for n in range(1, 30):
        page.page.insert_text((50, page.y), str(n), fontname="tiro", fontsize=7)
        page.line(f"line {n} of the running text goes on here with words and more words in it", x=72)
    paper = _parse(doc)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "line 3 of the running" in text and " 3 line 3" not in text


def test_an_author_year_list_under_no_heading_closes_the_paper():
    # A LibreOffice manuscript: after "Author contributions" a blank line, then the entries, hanging,
    # double-spaced, no "References" heading.
    doc = pymupdf.open()
    page = _intro(doc)
    page.line("Author contributions", "tibo", 12)
    page.line("Lauren McIntyre designed the experiment and wrote the paper with the others.")
    page.skip(20)
    names = ["Ahn, S.", "Ahuja, I.", "Ainsworth, E. A.", "Altschul, S. F.", "Anders, S.", "Benjamini, Y.",
             "Bennetzen, J. L.", "Biswas, A.", "Brohammer, A. B.", "Burney, J."]
    for k, name in enumerate(names):
        if page.y > 680:
            page = Page(doc)
        page.line(f"{name}, and S. D. Tanksley, {1990 + k} Comparative linkage maps of the rice", gap=1.7)
        page.line("and maize genomes. Proceedings of the National Academy 90: 7980-7984.", x=108, gap=2.4)
    paper = _parse(doc)
    assert len(paper.references) == len(names), paper.references
    assert paper.references[2].startswith("Ainsworth, E. A., and S. D. Tanksley, 1992")
    last = paper.sections[-1]
    assert last.title == "Author contributions" and len(last.paragraphs) == 1, [s.title for s in paper.sections]


def test_entries_opened_in_small_capitals_are_kept():
    # USENIX (OSDI 2006): names in small capitals, "[27] ORACLE.COM." a line of them alone, measured
    # at the small capitals' 7 pt among 9 pt entries.
    doc = pymupdf.open()
    page = _intro(doc)
    page.line("References", "tibo", 12)
    for n in range(1, 8):
        if n == 4:
            page.page.insert_text((72, page.y), "[4]", fontname="tiro", fontsize=9)
            page.page.insert_text((92, page.y), "ORACLE.COM.", fontname="tiro", fontsize=7)
            page.page.insert_text((160, page.y), "www.oracle.com/technology/products/-", fontname="tiro", fontsize=9)
            page.y += 11
            page.line("database/clustering/index.html. Product page.", size=9, x=92)
            continue
        page.line(f"[{n}] PIKE, R., DORWARD, S., AND QUINLAN, S. Interpreting the data: Parallel", size=9)
        page.line(f"analysis with Sawzall. Scientific Programming Journal 13, {n} (2005).", size=9, x=92)
    # (a journal's dates in small capitals after the list are no entry: JACM)
    page.skip(10)
    page.line("RECEIVED OCTOBER 1997; REVISED FEBRUARY 2000; ACCEPTED MARCH 2000", size=7)
    paper = _parse(doc)
    assert len(paper.references) == 7, paper.references
    assert paper.references[3].startswith("[4] ORACLE.COM. www.oracle.com")
    assert "RECEIVED" not in paper.references[-1]


def test_a_paragraph_after_the_figure_pages_is_no_entry():
    # An Elsevier preprint: the hanging author-year list, then pages of figures, then a paragraph on the
    # supplementary material (first line set in) and its URL.
    doc = pymupdf.open()
    page = _intro(doc)
    page.line("References", "tibo", 12)
    for k, name in enumerate(["Anaconda", "Barrentine, S. W.", "Bisseling, R. W.", "Brett, M.", "Cao, J."]):
        page.line(f"{name}, {2000 + k}. Handling of impact forces in inverse dynamics. Journal of", size=10)
        page.line("Biomechanics 39, 2438-2444.", size=10, x=83)
    # (an entry carried over the page: its last line set in at the top of the next, over the next
    # entry at the margin, is still the list)
    page.line("Cheng, D., 2015. Distribution of the height of local maxima of Gaussian random", size=10)
    page = Page(doc)
    page.line("fields and their excursion sets. Extremes 18, 213-240. https://doi.org/10.1007/s10687-014", size=10, x=83)
    page.line("Friston, K., 1994. Assessing the Significance of Focal Activations Using Their", size=10)
    page.line("Spatial Extent. Human Brain Mapping 1, 210-220.", size=10, x=83)
    figure = Page(doc)
    figure.page.draw_rect(pymupdf.Rect(100, 100, 500, 400), color=(0, 0, 0), fill=(0.5, 0.8, 0.5))
    figure.y = 420
    figure.line("Figure 1: Smoothness estimates for every field we simulated.", size=10)
    last = Page(doc)
    last.y = 140
    last.line("All supplementary material associated with this manuscript are available", x=143)
    last.line("in this project's public GitHub repository:", x=126)
    last.skip(20)
    last.line("https://github.com/0todd0000/nonuniform1d", x=143)
    paper = _parse(doc)
    assert len(paper.references) == 7, paper.references
    assert paper.references[5].startswith("Cheng, D., 2015. Distribution of the height of local maxima of "
                                          "Gaussian random fields and their excursion sets.")
    assert not any("supplementary" in r or "github" in r for r in paper.references)


def test_an_outline_that_files_the_paper_under_its_abstract_still_starts_at_level_one():
    # pandoc's bookmarks: the title at level 1, "Abstract" at 2, and every section at 3 under the
    # abstract. With the title and the abstract no sections, the sections stand at level 1.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Goldilocks Principle for the Gut Microbiome: Taxonomic Resolution", "tibo", 14, gap=2.1)
    page.line("Matters for Classification of Colorectal Cancer", "tibo", 14, gap=2.1)
    page.line("Courtney Armour", size=10)
    page.skip(10)
    marks = [[1, "A Goldilocks Principle for the Gut Microbiome: Taxonomic Resolution Matters for "
                 "Classification of Colorectal Cancer", 1, _goto(0, 60)],
             [2, "Abstract", 1, _goto(0, page.y - 10)]]
    page.line("Abstract", "tibo", 12)
    page.paragraph()
    for heading in ("Importance", "Materials and Methods", "Acknowledgements"):
        if page.y > 600:
            page = Page(doc)
        marks.append([3, heading, len(doc), _goto(len(doc) - 1, page.y - 10)])
        page.line(heading, "tibo", 12)
        page.paragraph()
    doc.set_toc(marks)
    paper = _parse(doc)
    assert [(s.title, s.level) for s in paper.sections if s.title] == [
        ("Importance", 1), ("Materials and Methods", 1), ("Acknowledgements", 1)]
