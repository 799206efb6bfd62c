"""Bibliographies as real papers print them, each shape drawn on PyMuPDF pages by the test itself:
where the references start and end, how entries are split, and how citations reach them.
"""

from __future__ import annotations

import pymupdf
import pytest

from paperkit.reading.parse import parse_document
from pdf_fonts import LETTERS, show, type3_font

PROSE = ("We train every model for ninety epochs with the same schedule and report the mean of three seeds, "
         "because single runs vary by more than the differences we want to measure here.")


class Pages:
    """Lines written top to bottom in Times, a new page when asked."""

    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self.page = None
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=612, height=792)
        self.y = 72.0

    def line(self, text: str, font: str = "tiro", size: float = 10.0, x: float = 72.0, gap: float = 0.0,
             label: str = "") -> None:
        """`label` is set in a box of its own left of `x`, as LaTeX sets an entry's "[3]"."""
        self.y += gap
        if label:
            self.page.insert_text((x - 18, self.y), label, fontname=font, fontsize=size)
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=size)
        self.y += size * 1.25

    def heading(self, text: str) -> None:
        self.line(text, "tibo", 12, gap=8)

    def paragraph(self, text: str = PROSE) -> None:
        words = text.split()
        for start in range(0, len(words), 14):
            self.line(" ".join(words[start:start + 14]))
        self.y += 6

    def parse(self, toc: list | None = None):
        if toc is not None:
            self.doc.set_toc(toc)
        with pymupdf.open(stream=self.doc.tobytes(), filetype="pdf") as again:
            return parse_document(again)


def _introduction_then_references(prose: str = PROSE) -> Pages:
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph(prose)
    pages.heading("References")
    return pages


def _numbered(pages: Pages, count: int, start: int = 1) -> None:
    for n in range(start, start + count):
        pages.line(f"Ada Okafor{n} and Lin Moreau. A study of model number {n} and its many", x=90, label=f"[{n}]")
        pages.line("variants. In Proceedings of the Conference on Learning, pages 1-9, 2020.", x=90)


def test_references_open_at_their_printed_heading_when_the_bookmarks_leave_it_out():
    # NeurIPS and ICLR: hyperref bookmarks the numbered sections and the appendix, not "References".
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph()
    pages.paragraph("Earlier work [1, 2] and a later study [3] set the baseline we follow in this paper.")
    pages.heading("2 Method")
    pages.paragraph()
    pages.heading("References")
    _numbered(pages, 6)
    pages.new_page()
    pages.heading("A Proofs")
    pages.paragraph()
    paper = pages.parse([[1, "1 Introduction", 1], [1, "2 Method", 1], [1, "A Proofs", 2]])
    assert len(paper.bibliography) == 6, paper.references
    assert [s.title for s in paper.sections] == ["Introduction", "Method", "References", "Proofs"]
    assert [c.refs for c in paper.citations] == [(0, 1), (2,)]


def test_an_appendix_title_the_bookmarks_leave_out_ends_the_references():
    # BERT: "Appendix for “BERT: ...”" in large bold type right after the last entry, outside the outline.
    pages = _introduction_then_references()
    for n in range(4):
        pages.line(f"Ada Okafor{n} and Lin Moreau. 2019. A study of model number {n} and its", x=72)
        pages.line("variants. In Proceedings of the Conference on Learning.", x=82)
    pages.line("Appendix for “Counting Words: a Study of Models”", "tibo", 12, gap=14)
    pages.paragraph("We organize the appendix into three sections, each with its own experiments.")
    pages.heading("A Details")
    pages.paragraph()
    paper = pages.parse([[1, "1 Introduction", 1], [1, "A Details", 1]])
    assert len(paper.bibliography) == 4, paper.references
    assert not any("appendix" in r.lower() for r in paper.references)
    assert any("organize the appendix" in p.text for s in paper.sections for p in s.paragraphs)


def test_a_wrapped_line_that_opens_with_a_number_is_no_new_entry():
    # "[25] ... In European Conference on Computer Vision, pages 303–" / "317. Springer, 2020."
    pages = _introduction_then_references()
    for n in range(1, 5):
        pages.line(f"Ada Okafor{n} and Lin Moreau. A study of model number {n}. In European", x=90, label=f"{n}.")
        pages.line("Conference on Computer Vision, pages 303-", x=90)
        pages.line("317. Springer, 2020.", x=90)
    paper = pages.parse()
    assert [r.label for r in paper.bibliography] == ["1", "2", "3", "4"], paper.references
    assert all(r.year == 2020 for r in paper.bibliography)


def test_labels_a_scan_misread_still_split_the_entries():
    # An OCR'd IEEE paper: "[lo]" for [10], "[ll]" for [11], "[I31" for [13].
    pages = Pages()
    pages.heading("I. Introduction")
    pages.paragraph()
    pages.heading("References")
    labels = ["[8]", "[9]", "[lo]", "[ll]", "[12]", "[I31", "[I41", "[15]"]
    for n, label in enumerate(labels, start=8):
        pages.line(f'A. Okafor{n}, "A study of model number {n}," IEEE Trans. on Neural', x=90, label=label)
        pages.line("Networks, vol. 3, no. 2, 1992, pp. 202-210.", x=90)
    paper = pages.parse()
    assert len(paper.bibliography) == len(labels), paper.references


def test_author_biographies_after_a_journals_references_are_not_an_entry():
    # IEEE journals close with the authors' biographies, which ran on from the last entry.
    pages = _introduction_then_references()
    _numbered(pages, 5)
    pages.line("Ada Okafor Ada Okafor is a PhD candidate in the Department of Electrical", gap=20)
    pages.line("Engineering at Example University. She received the B.Eng. in 2014.")
    pages.line("Lin Moreau Lin Moreau received the Ph.D. degree in computer science in 2001", gap=10)
    pages.line("and is now a professor of computer science.")
    paper = pages.parse()
    assert len(paper.bibliography) == 5
    assert paper.references[-1].endswith("2020."), paper.references[-1]


def test_a_bibliography_without_a_heading_is_found_by_its_labels():
    # revtex: the entries follow the last section after a rule, with no "References" heading.
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph()
    pages.paragraph("Deep networks [1] and their training [2, 3] are the subject of this short paper.")
    pages.heading("2 Conclusion")
    pages.paragraph("We listed three numbered steps. 1. We train. 2. We test. 3. We report the mean.")
    pages.page.draw_line((200, pages.y + 4), (412, pages.y + 4))
    pages.y += 14
    _numbered(pages, 7)
    paper = pages.parse()
    assert len(paper.bibliography) == 7, paper.references
    assert all("Okafor" not in p.text for s in paper.sections for p in s.paragraphs)
    assert [c.refs for c in paper.citations] == [(0,), (1, 2)]


def test_the_last_entries_alone_in_the_right_column_are_read_after_the_left_one():
    # The last page of a two-column author-year list: a full left column, two entries on the right.
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph("Shapes matter (Okafor, 2001) more than colour (Zeiler and Fergus, 2014).")
    pages.heading("References")
    pages.new_page()
    surnames = ["Okafor", "Quine", "Raposo", "Regier", "Rogers", "Rumelhart", "Santoro", "Schilling", "Szegedy"]
    for n, name in enumerate(surnames):
        pages.line(f"{name}, Ada and Moreau, Lin. A study of", x=72, size=9)
        pages.line(f"shapes number {n}. MIT press, {2001 + n}.", x=82, size=9)
        pages.y += 4
    pages.y = 72.0
    for name, year in (("Zeiler, Matthew D and Fergus, Rob", 2014), ("Zoran, Daniel and Isola, Phillip", 2015)):
        pages.line(f"{name}. Visualizing", x=320, size=9)
        pages.line(f"convolutional networks. In ECCV, {year}.", x=330, size=9)
        pages.y += 4
    paper = pages.parse()
    assert len(paper.bibliography) == len(surnames) + 2, paper.references
    assert paper.bibliography[-1].authors == ("Daniel Zoran", "Phillip Isola")
    assert [c.refs for c in paper.citations] == [(0,), (9,)]


def test_entries_above_a_footnote_at_the_foot_of_a_column_stay_entries():
    # GPT-2: the bibliography (in small type) starts in the left column above the footnote "5Preliminary
    # code ..."; the entries between the heading and the footnote were taken for the footnote.
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph("Attention (Artetxe et al., 2017) and speech (Amodei et al., 2016) came first.")
    for _ in range(4):
        pages.paragraph()  # body text in 10 pt, the entries in 9 pt
    pages.heading("References")
    for name, year in (("Al-Rfou, R.", 2018), ("Amodei, D.", 2016), ("Artetxe, M.", 2017), ("Ba, J. L.", 2016)):
        pages.line(f"{name}, Choe, D., and Jones, L. Character-level language modeling", size=9)
        pages.line(f"with deeper self-attention. arXiv preprint, {year}.", size=9, x=82)
        pages.y += 5
    pages.page.draw_line((72, 688), (150, 688))
    pages.page.insert_text((72, 697), "5", fontname="tiro", fontsize=6)  # the raised mark, then the note
    pages.page.insert_text((75.2, 700), "Preliminary code for downloading the small model is available.",
                           fontname="tiro", fontsize=8)
    paper = pages.parse()
    assert len(paper.bibliography) == 4, paper.references
    assert [f.mark for f in paper.footnotes] == ["5"]
    assert [c.refs for c in paper.citations] == [(2,), (1,)]


def test_author_year_citations_with_ampersands_and_printed_year_letters():
    from paperkit.reading.bibliography import link_citations, parse_reference

    entries = [parse_reference(text) for text in (
        "Jia, R. and Liang, P. Adversarial examples for evaluating reading comprehension systems. In EMNLP, 2017.",
        "Jesse Thomason, Daniel Gordon, and Yonatan Bisk. 2019a. Shifting the baseline. In NAACL.",
        "Jesse Thomason, Michael Murray, and Luke Zettlemoyer. 2019b. Vision-and-dialog navigation. In CoRL.",
        "Iris Hendrickx, Su Nam Kim, and Stan Szpakowicz. 2009. Semeval-2010 task 8: Multi-way classification "
        "of semantic relations. In Proceedings of the Workshop on Semantic Evaluations, pages 94–99.",
    )]
    # ACL style: the year stands after the authors, and a later "2010" in the title is not it.
    assert (entries[3].year, entries[3].title) == (2009, "Semeval-2010 task 8: Multi-way classification of semantic relations")
    text = "As (Jia & Liang, 2017) showed, and (Thomason et al., 2019b; Hendrickx et al., 2009) found."
    found = link_citations([(0, 0, 1, text)], entries[:1] + entries[2:] + entries[1:2])  # the list out of order
    assert [c.refs for c in found] == [(0,), (1, 2)]


def test_raised_citation_numbers_link_to_their_entries_and_footnotes_stay_footnotes():
    # Nature and physics journals print citations as raised numbers: "networks¹,²", "before³⁻⁵".
    pages = Pages()
    pages.heading("1 Introduction")
    for _ in range(3):
        pages.paragraph()

    def with_raised(pieces):
        x = 72.0
        for text, raised in pieces:
            size, rise = (7.0, 3.5) if raised else (10.0, 0.0)
            pages.page.insert_text((x, pages.y - rise), text, fontname="tiro", fontsize=size)
            x += pymupdf.get_text_length(text, fontname="tiro", fontsize=size)
        pages.y += 12.5

    with_raised([("Deep networks", False), ("1,2", True), (" learn features that transfer well to new tasks, and", False)])
    with_raised([("the same was shown before", False), ("3-5", True), (" for speech. The code is public", False), ("6", True),
                 (".", False)])
    pages.heading("References")
    for n in range(1, 7):
        pages.line(f"Ada Okafor{n} and Lin Moreau. A study of model number {n}. Nature {n}, 2020.", x=90, label=f"{n}.")
    pages.page.draw_line((72, 688), (150, 688))
    pages.page.insert_text((72, 697), "6", fontname="tiro", fontsize=6)
    pages.page.insert_text((75.2, 700), "At an address given in the paper.", fontname="tiro", fontsize=8)
    paper = pages.parse()
    assert len(paper.bibliography) == 6
    assert [(c.text, c.refs) for c in paper.citations] == [("1,2", (0, 1)), ("3-5", (2, 3, 4))]
    assert [(f.mark, f.section) for f in paper.footnotes] == [("6", 0)]
    text = paper.sections[0].paragraphs[-1].text
    assert "networks learn" in text and "before for speech" in text and "public." in text


# Entry shapes the tune papers showed read wrongly (each case failed before its fix).
NAME_FORMS_BOOKS_AND_IDS = [
    # natbib (ICML): initials without full stops, capitalised particles, given names ending in initials
    ("Prashanth, LA and Ghavamzadeh, Mohammad. Actor-critic algorithms for risk-sensitive mdps. In Advances in "
     "Neural Information Processing Systems, 2013.",
     dict(authors=("LA Prashanth", "Mohammad Ghavamzadeh"), title="Actor-critic algorithms for risk-sensitive mdps")),
    ("Tamar, Aviv, Di Castro, Dotan, and Mannor, Shie. Learning the variance of the reward-to-go. Journal of Machine "
     "Learning Research, 17(13):1–36, 2016.",
     dict(authors=("Aviv Tamar", "Dotan Di Castro", "Shie Mannor"), title="Learning the variance of the reward-to-go")),
    ("El Hihi, Salah and Bengio, Yoshua. Hierarchical recurrent neural networks for long-term dependencies. In NIPS, 1995.",
     dict(authors=("Salah El Hihi", "Yoshua Bengio"))),
    ("Raposo, David, Santoro, Adam, Barrett, David G.T., and Battaglia, Peter. Discovering objects and their relations. "
     "arXiv preprint arXiv:1702.05068, 2017.",
     dict(authors=("David Raposo", "Adam Santoro", "David G.T. Barrett", "Peter Battaglia"), arxiv="1702.05068")),
    ("Sutskever, Ilya, Vinyals, Oriol, and Le, Quoc VV. Sequence to sequence learning with neural networks. In NIPS, 2014.",
     dict(authors=("Ilya Sutskever", "Oriol Vinyals", "Quoc VV Le"), title="Sequence to sequence learning with neural networks")),
    # NIH: capitals with a full stop, names parted by semicolons
    ("Beck, DM.; Kastner, S. Stimulus similarity modulates competitive interactions. Journal of Vision. 2007. p. 1-12.",
     dict(authors=("DM Beck", "S. Kastner"), year=2007)),
    # IEEE books: the title in italics, no quotes, after two authors parted by "and" alone; an edition; a serial comma
    ("[1] A. Klapuri and M. Davy, Signal Processing Methods for Music Transcription. New York, NY, USA: Springer, 2007.",
     dict(authors=("A. Klapuri", "M. Davy"), title="Signal Processing Methods for Music Transcription", year=2007)),
    ("[65] J. D. Gibbons and S. Chakraborti, Nonparametric Statistical Inference, 5th ed. London, U.K.: Chapman & Hall, 2010.",
     dict(authors=("J. D. Gibbons", "S. Chakraborti"), title="Nonparametric Statistical Inference",
          venue="London, U.K.: Chapman & Hall")),
    ("[7] D. L. Wang and G. J. Brown, Computational Auditory Scene Analysis: Principles, Algorithms, and Applications. "
     "Piscataway, NJ, USA: IEEE Press, 2006.",
     dict(authors=("D. L. Wang", "G. J. Brown"),
          title="Computational Auditory Scene Analysis: Principles, Algorithms, and Applications")),
    # editors are no author
    ("29. Klapuri A, Davy M, editors. Signal Processing Methods for Music Transcription. New York: Springer; 2006.",
     dict(authors=("A. Klapuri", "M. Davy"), title="Signal Processing Methods for Music Transcription", venue="New York: Springer")),
    ("[8] Arnaud Doucet, Nando De Freitas, and Neil Gordon, editors. Sequential Monte Carlo Methods in Practice. "
     "Springer, 2001.",
     dict(authors=("Arnaud Doucet", "Nando De Freitas", "Neil Gordon"))),
    ("Klapuri, A., Davy, M. (Eds.). (2006). Signal processing methods for music transcription. Springer.",
     dict(authors=("A. Klapuri", "M. Davy"), year=2006)),
    # a surname with lower-case particles keeps the initials after it
    ("35. Masana, M., van de Weijer, J., Herranz, L.: Domain-adaptive deep network compression. In: The IEEE "
     "International Conference on Computer Vision (ICCV) (Oct 2017)",
     dict(authors=("M. Masana", "J. van de Weijer", "L. Herranz"),
          venue="The IEEE International Conference on Computer Vision (ICCV)")),
    ("Barbancho, I., de la Bandera, C., Tardon, L. (2009). Transcription and expressiveness detection system for "
     "violin music. In Int. conf. audio, speech, and signal processing (pp. 189–192).",
     dict(authors=("I. Barbancho", "C. de la Bandera", "L. Tardon"), year=2009)),
    # ACM SIGCHI: the year in parentheses after the venue, not after the authors
    ("32. Pang, B., and Lee, L. Opinion mining and sentiment analysis. Foundations and trends in information "
     "retrieval 2, 1-2 (2008), 1–135.",
     dict(authors=("B. Pang", "L. Lee"), title="Opinion mining and sentiment analysis", year=2008,
          venue="Foundations and trends in information retrieval")),
    # a title without the year or volume after it
    ("28. Krizhevsky, A., Hinton, G.: Learning multiple layers of features from tiny images (2009)",
     dict(title="Learning multiple layers of features from tiny images", year=2009)),
    ("[10] J.-B. Hiriart-Urruty and C. Lemaréchal. Convex Analysis and Minimization Algorithms, volume 305. Springer, 1996.",
     dict(title="Convex Analysis and Minimization Algorithms")),
    ("[13] J. H. Friedman and B. E. Popescu. Importance sampled learning ensembles, 2003.",
     dict(title="Importance sampled learning ensembles", year=2003)),
    # identifiers: DBLP's CoRR ids, DOIs broken after "10.", a DOI in parentheses, a URL broken after "%"
    ("38. Molchanov, P., Tyree, S.: Pruning convolutional neural networks. CoRR, abs/1611.06440 (2016)",
     dict(arxiv="1611.06440", year=2016)),
    ("Werbos, P. J. (1988). Generalization of backpropagation with application to a recurrent gas market model. Neural "
     "Networks, 1, 339–356. http://dx.doi.org/10. 1016/0893-6080(88)90007-X.",
     dict(doi="10.1016/0893-6080(88)90007-X", venue="Neural Networks")),
    ("12. Meredith D, Lemstrom K, Wiggins GA. Algorithms for discovering repeated patterns. Journal of New Music "
     "Research. 2002; 31(4):321–345. doi: 10. 1076/jnmr.31.4.321.14162",
     dict(doi="10.1076/jnmr.31.4.321.14162")),
    ("16. Han, S.: Efficient methods and hardware for deep learning, https: //stacks.stanford.edu/file/EFFICIENT%20METHODS% "
     "20AND%20HARDWARE.pdf",
     dict(title="Efficient methods and hardware for deep learning", url="https://stacks.stanford.edu/file/EFFICIENT%20METHODS%20AND%20HARDWARE.pdf")),
    # arXiv ids as ACL's anthology prints them; URLs spaced inside their scheme or without its slashes; a DOI
    # after "DOI:" in capitals, broken at its slash, before an "arXiv:" label
    ("Seong Jae Hwang. 2025. See what you are told: Visual attention sink. ArXiv, abs/2503.03321.",
     dict(arxiv="2503.03321", year=2025)),
    ("[61] M. E. Niessen, “Hierarchical sound event detection,” Tech. Rep., 2013 [Online]. Available: http:/ "
     "/c4dm.eecs.qmul.ac.uk/abstracts/SC/ELF.pdf",
     dict(url="http://c4dm.eecs.qmul.ac.uk/abstracts/SC/ELF.pdf")),
    ("Dressler, K. (2012). Multiple fundamental frequency extraction for MIREX 2012. In Music information retrieval "
     "evaluation eXchange. http:www.music-ir.org/mirex/abstracts/2012/KD1.pdf.",
     dict(url="http://www.music-ir.org/mirex/abstracts/2012/KD1.pdf")),
    ("[3] A. Okafor. A study of models. DOI: 10.48550/ arXiv.1511.00363. arXiv: 1511.00363 [cs].",
     dict(doi="10.48550/arXiv.1511.00363", arxiv="1511.00363")),
    # the Royal Society: "et al." without a comma, the year before the title; the DOI in parentheses
    ("4. Kershenbaum A et al. 2014 Acoustic sequences in non-human animals: a tutorial review and prospectus. Biol. Rev. "
     "91, 13–52. (doi:10.1111/brv.12160)",
     dict(authors=("A. Kershenbaum",), year=2014, doi="10.1111/brv.12160",
          title="Acoustic sequences in non-human animals: a tutorial review and prospectus")),
    # Elsevier's numbered style: a surname of two words, the volume, issue and year after the journal
    ("[1] S. Asgari Taghanaki, K. Abhishek, J.P. Cohen, G. Hamarneh, Deep semantic segmentation of natural and medical "
     "images: A review, Artif. Intell. Rev. 54 (1) (2021) 137–178.",
     dict(authors=("S. Asgari Taghanaki", "K. Abhishek", "J.P. Cohen", "G. Hamarneh"), year=2021, venue="Artif. Intell. Rev",
          title="Deep semantic segmentation of natural and medical images: A review")),
    # ... and a parenthesis inside the title ("(MCC) over"), pages spaced after their dash
    ("[7] D. Chicco, G. Jurman, The advantages of the matthews correlation coefficient (MCC) over F1 score in binary "
     "classification evaluation, BMC Genomics 21 (1) (2020) 1–13.",
     dict(title="The advantages of the matthews correlation coefficient (MCC) over F1 score in binary classification "
                "evaluation", venue="BMC Genomics", year=2020)),
    ("Olshausen, B. A., & Field, D. J. (1996). Emergence of simple-cell receptive field properties by learning a sparse "
     "code for natural images. Nature, 381, 607– 609.",
     dict(venue="Nature", year=1996)),
    # a quoted word inside the title is no IEEE quoted title; a misprinted "et. al."
    ("[8] T. Fawcett. In “vivo” spam filtering: a challenge problem for KDD. SIGKDD Explorations, 5(2):140–148, 2003.",
     dict(authors=("T. Fawcett",), title="In “vivo” spam filtering: a challenge problem for KDD")),
    ("[24] M. Salzmann et. al. Factorized orthogonal latent spaces. In AISTATS, pages 701–708, 2010.",
     dict(authors=("M. Salzmann",), title="Factorized orthogonal latent spaces", venue="AISTATS")),
    # software named by its URL, only a date after it: no author
    ("[6] InterMezzo. http://www.inter-mezzo.org, 2003.",
     dict(authors=(), title="InterMezzo", year=2003, url="http://www.inter-mezzo.org")),
    ("1. Adobe Audition. http://adobe.com/audition, Apr. 2013. Accessed: 2013-04-02.",
     dict(authors=(), title="Adobe Audition", year=2013)),
    # ... but authors named before a blog's URL stay authors
    ("[7] H. Das, E. Sparks, A. Talwalkar, and X. Meng. http://databricks.com/blog/2014/09/29/ scalable-decision-trees-in-"
     "mllib.html, 2014.",
     dict(authors=("H. Das", "E. Sparks", "A. Talwalkar", "X. Meng"), year=2014)),
    # Springer's basic style, a year before 1900
    ("51. Helmholtz H (1885) On the sensation of tone, 4th edn. Dover Publications Inc., New York",
     dict(authors=("H. Helmholtz",), year=1885, title="On the sensation of tone")),
    # ACL: forenames first, a surname of three words after one initial (no Vancouver "Erik F")
    ("Erik F. Tjong Kim Sang and Fien De Meulder. 2003. Introduction to the conll-2003 shared task. In CoNLL.",
     dict(authors=("Erik F. Tjong Kim Sang", "Fien De Meulder"), year=2003, title="Introduction to the conll-2003 shared task")),
    # ... but Vancouver's one author with one initial before a title of capitalised words stays so
    ("28. Gerhard D. Pitch Extraction and Fundamental Frequency: History and Current Techniques. Regina: University of "
     "Regina, Saskatchewan, Canada; 2003.",
     dict(authors=("D. Gerhard",), year=2003, title="Pitch Extraction and Fundamental Frequency: History and Current Techniques")),
    # Elsevier's Harvard with forenames first: the year after the names, not the date the URL was visited
    ("Christian Bird, 2004. Predicting Email Response using Mined Data, <http://www.cabird.com/papers/mlpaper.pdf> (last "
     "accessed 2014).",
     dict(authors=("Christian Bird",), year=2004, title="Predicting Email Response using Mined Data")),
    # ACL: a year before 1900
    ("W. Lutosławski. 1897. The Origin and Growth of Plato’s Logic. WC Brown Reprint Library, London.",
     dict(authors=("W. Lutosławski",), year=1897, title="The Origin and Growth of Plato’s Logic")),
    # revtex: a later initial read in lower case ("Fran\c{c}ois")
    ("[12] L.-F. m. c. Arsenault, A. Lopez-Bezanilla, O. A. von Lilienfeld, A. J. Millis, Phys. Rev. B 90, 155136 (2014).",
     dict(authors=("L.-F. m. c. Arsenault", "A. Lopez-Bezanilla", "O. A. von Lilienfeld", "A. J. Millis"), title=None,
          venue="Phys. Rev. B", year=2014)),
]


@pytest.mark.parametrize("text, fields", [
    # natbib plainnat/icml: surname first, initials after
    ("Devlin, J., Chang, M.-W., Lee, K., and Toutanova, K. Bert: Pre-training of deep bidirectional transformers "
     "for language understanding. arXiv preprint arXiv:1810.04805, 2018.",
     dict(authors=("J. Devlin", "M.-W. Chang", "K. Lee", "K. Toutanova"), year=2018, arxiv="1810.04805",
          title="Bert: Pre-training of deep bidirectional transformers for language understanding")),
    # ... with full given names
    ("Colunga, Eliana and Smith, Linda B. From the lexicon to expectations about kinds. Psychological review, "
     "112(2):347, 2005.",
     dict(authors=("Eliana Colunga", "Linda B. Smith"), title="From the lexicon to expectations about kinds",
          year=2005, venue="Psychological review")),
    # ACM: the year right after the authors
    ("[4] Douceur, J. R. and Bolosky, W. J. 2000. Process-based regulation of low-importance processes. "
     "SIGOPS Oper. Syst. Rev. 34, 2 (Apr. 2000).",
     dict(label="4", authors=("J. R. Douceur", "W. J. Bolosky"), year=2000,
          title="Process-based regulation of low-importance processes")),
    # IEEE: the title in quotes after the authors, a year in parentheses at the end (revtex)
    ("[3] E. Benetos and S. Dixon, “Multiple-instrument polyphonic music transcription,” J. Acoust. Soc. Am., "
     "vol. 133, no. 3, pp. 1727–1741, 2013.",
     dict(authors=("E. Benetos", "S. Dixon"), title="Multiple-instrument polyphonic music transcription", year=2013,
          venue="J. Acoust. Soc. Am")),
    ("[1] Yann LeCun, Yoshua Bengio, and Geoffrey Hinton, “Deep learning,” Nature 521, 436–444 (2015).",
     dict(authors=("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"), title="Deep learning", year=2015)),
    # Vancouver (PLOS, NIH): initials after the surname without full stops, the year before the volume
    ("6. Holzapfel A, Davies MEP, Van Essen DC, et al. Selective Sampling for Beat Tracking Evaluation. IEEE "
     "Transactions on Audio, Speech, and Language Processing. 2012; 20(9):2539–2548. doi: 10.1109/TASL.2012.2205244",
     dict(label="6", authors=("A. Holzapfel", "M. E. P. Davies", "D. C. Van Essen"), year=2012,
          title="Selective Sampling for Beat Tracking Evaluation", doi="10.1109/TASL.2012.2205244",
          venue="IEEE Transactions on Audio, Speech, and Language Processing")),
    ("Barbas H. Anatomic organization of prefrontal regions. Journal of Comparative Neurology 1988;276:313–342. "
     "[PubMed: 3192766]",
     dict(authors=("H. Barbas",), year=1988, venue="Journal of Comparative Neurology")),
    # natbib's "doi: ... URL ...": the DOI's closing full stop, then "URL"; a URL broken twice
    ("Cortes, C. and Vapnik, V. Support-vector networks. Mach. Learn., 20(3):273297, 1995. doi: 10.1023/A:1022627411411. "
     "URL https://rss.onlinelibrary.wiley. com/doi/abs/10.1111/j.1467-9868.2010. 00740.x.",
     dict(doi="10.1023/A:1022627411411", url="https://rss.onlinelibrary.wiley.com/doi/abs/10.1111/j.1467-9868.2010.00740.x")),
    ("[16] The noise clinic. http://www.ipol.im/pub/art/2015/ 125/. Accessed 8 Jul 2013.",
     dict(url="http://www.ipol.im/pub/art/2015/125/")),
    # a surname of two words; an ISSN after the year
    ("Mopuri, K. R., Garg, U., and Venkatesh Babu, R. Cnn fixations: An unraveling approach. IEEE Transactions on "
     "Image Processing, 28(5):2116–2125, May 2019. ISSN 1941- 0042. doi: 10.1109/TIP.2018.2881920.",
     dict(authors=("K. R. Mopuri", "U. Garg", "R. Venkatesh Babu"), year=2019, title="Cnn fixations: An unraveling approach")),
    # Vancouver, one author, a title opening "X and": no given name and initial running on
    ("Boynton GM. Attention and visual perception. Current Opinion in Neurobiology 2005;15:465–469.",
     dict(authors=("G. M. Boynton",), year=2005, title="Attention and visual perception")),
    ("Douglas H. Fisher. Knowledge acquisition via incremental conceptual clustering. Machine Learning, 2(2), 1987.",
     dict(authors=("Douglas H. Fisher",), title="Knowledge acquisition via incremental conceptual clustering")),
    # a scan's labels: "[lo]" is [10], "[I31" is [13]
    ("[lo] M. Gori, Y. Bengio, and R. De Mori, “BPS: a learning algorithm,” Proc. IEEE Int. Joint Conf., 1989.",
     dict(label="10", authors=("M. Gori", "Y. Bengio", "R. De Mori"), title="BPS: a learning algorithm", year=1989)),
    ("[I31 S. Kirkpatrick, “Optimization by simulated annealing,” Science 220, pp. 671-680, 1983.",
     dict(label="13", authors=("S. Kirkpatrick",), title="Optimization by simulated annealing")),
    # a URL that the text layer spaced after its scheme
    ("[54] Redis: an open source, advanced key-value store. http: //redis.io/.",
     dict(url="http://redis.io/", title="Redis: an open source, advanced key-value store", authors=())),
    # ... or inside one of its words
    ("[2] Apache Cassandra. http://cassandra.apache.o rg.",
     dict(url="http://cassandra.apache.org", title="Apache Cassandra", authors=())),
    ("[9] Chaos monkey. https://github.com/Netflix/S imianArmy/wiki/Chaos-Monkey.",
     dict(url="https://github.com/Netflix/SimianArmy/wiki/Chaos-Monkey", title="Chaos monkey")),
    # a stray full stop after "et al." is no part of its own
    ("[8] Y. Ganin et al. . Domain-Adversarial Training of Neural Networks. JMLR, 17(59):1–35, 2016.",
     dict(authors=("Y. Ganin",), title="Domain-Adversarial Training of Neural Networks", venue="JMLR", year=2016)),
    # physics (revtex's APS styles): a journal's article without its title; a book with it
    ("[10] A. Kitaev, J. Preskill, Phys. Rev. Lett. 96, 110404 (2006).",
     dict(authors=("A. Kitaev", "J. Preskill"), title=None, venue="Phys. Rev. Lett.", year=2006)),
    ("[2] A. Avella, F. Mancini, Strongly Correlated Systems: Numerical Methods, Springer Series in Solid-State "
     "Sciences (Springer Berlin Heidelberg, 2013).",
     dict(authors=("A. Avella", "F. Mancini"), title="Strongly Correlated Systems: Numerical Methods", year=2013)),
    ("[42] T. H. Cormen, C. E. Leiserson, and C. Stein, Introduction to Algorithms. Cambridge, MA, USA: MIT Press, 2001.",
     dict(authors=("T. H. Cormen", "C. E. Leiserson", "C. Stein"), title="Introduction to Algorithms", year=2001)),
    ("[12] D. I. MacKenzie et al., Occupancy estimation and modeling: inferring patterns and dynamics of species "
     "occurrence, Elsevier/Academic Press, Burlington, MA, 2006.",
     dict(authors=("D. I. MacKenzie",), year=2006,
          title="Occupancy estimation and modeling: inferring patterns and dynamics of species occurrence")),
    # ... but not a natbib list with a name the initials-first pattern cannot read ("Kai Li")
    ("J. Deng, W. Dong, R. Socher, L. Li, Kai Li, and Li Fei-Fei. Imagenet: A large-scale hierarchical image "
     "database. In CVPR, 2009.",
     dict(title="Imagenet: A large-scale hierarchical image database", venue="CVPR")),
    # JSS: Vancouver names, the year in parentheses, the title in quotes
    ("Kandel S, Paepcke A, Heer J (2011). “Wrangler: Interactive Visual Specification of Data Transformation "
     "Scripts.” In ACM Human Factors in Computing Systems (CHI).",
     dict(authors=("S. Kandel", "A. Paepcke", "J. Heer"), year=2011,
          title="Wrangler: Interactive Visual Specification of Data Transformation Scripts")),
    ("Codd EF (1990). The Relational Model for Database Management: Version 2. Addison-Wesley, Boston.",
     dict(authors=("E. F. Codd",), year=1990, title="The Relational Model for Database Management: Version 2")),
    # Elsevier's Harvard: surname first, full given names, the year after a comma
    ("Aloui, Awatef, Neji, Mahmoud, 2010. Automatic classification and response of E-mails. Int. J. Digital Soc. "
     "(IJDS) 1 (1).",
     dict(authors=("Awatef Aloui", "Mahmoud Neji"), year=2010, title="Automatic classification and response of E-mails")),
    # AAAI: surname first, names parted by semicolons
    ("Bahdanau, D.; Cho, K.; and Bengio, Y. 2014. Neural machine translation by jointly learning to align and "
     "translate. arXiv preprint arXiv:1409.0473.",
     dict(authors=("D. Bahdanau", "K. Cho", "Y. Bengio"), year=2014, arxiv="1409.0473",
          title="Neural machine translation by jointly learning to align and translate")),
] + NAME_FORMS_BOOKS_AND_IDS)
def test_entry_fields_in_more_styles(text, fields):
    from paperkit.reading.bibliography import parse_reference

    ref = parse_reference(text)
    for key, value in fields.items():
        assert getattr(ref, key) == value, (key, getattr(ref, key))


def test_an_entry_opening_with_a_rule_has_the_authors_of_the_entry_before():
    from paperkit.reading.bibliography import parse_bibliography

    refs = parse_bibliography([
        "[50] P. Zhu, H. Wang, and V. Saligrama, “Generalized zero-shot recognition,” arXiv preprint arXiv:1811.07993, 2018.",
        "[51] ——, “Learning for new visual environments with limited labels,” arXiv preprint arXiv:1901.09079, 2019.",
    ])
    assert refs[1].authors == ("P. Zhu", "H. Wang", "V. Saligrama")
    assert (refs[1].title, refs[1].year, refs[1].arxiv) == ("Learning for new visual environments with limited labels",
                                                            2019, "1901.09079")


@pytest.mark.parametrize("heading", ["References and Notes", "Literature Cited", "REFERENCE LIST"])
def test_bibliographies_under_other_headings(heading):
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph("Earlier work [1, 2] and a later study [3] set the baseline we follow in this paper.")
    pages.heading(heading)
    _numbered(pages, 4)
    paper = pages.parse()
    assert len(paper.bibliography) == 4 and paper.sections[-1].title.lower() == heading.lower()
    assert not any("Okafor" in p.text for s in paper.sections for p in s.paragraphs)


def test_a_flush_left_wrapped_line_that_opens_in_lower_case_continues_its_entry():
    # Author-year entries set flush left without a hanging indent: only the opening word tells a new
    # entry from a wrapped line after an abbreviation's full stop ("Proc. Natl. Acad." / "of Sciences").
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph("Both (Okafor and Moreau, 2019) and (Ndiaye and Sato, 2020) reported it.")
    pages.heading("References")
    for first, second, year in (("Ada Okafor", "Lin Moreau", 2019), ("Binta Ndiaye", "Ken Sato", 2020),
                                ("Chidi Obi", "Mara Rossi", 2021)):
        pages.line(f"{first} and {second}. {year}. A study of models at scale. Proc. Natl. Acad.")
        pages.line("of Sciences 116(2):1-9.")
    paper = pages.parse()
    assert len(paper.bibliography) == 3, paper.references
    assert [c.refs for c in paper.citations] == [(0,), (1,)]


def test_the_first_entries_of_a_numbered_list_without_their_labels_are_still_split():
    # A scan whose text layer lost the labels [1]-[3] on the page where the list begins.
    pages = _introduction_then_references()
    for n in range(1, 4):
        pages.line(f'A. Okafor{n} and L. Moreau, "A study of model number {n}," IEEE Transactions on Neural', x=90)
        pages.line("Networks, vol. 3, no. 2, 1992, pp. 202-210.", x=90)
    pages.new_page()
    for n in range(4, 8):
        pages.line(f'A. Okafor{n} and L. Moreau, "A study of model number {n}," IEEE Transactions on Neural', x=90,
                   label=f"[{n}]")
        pages.line("Networks, vol. 3, no. 2, 1992, pp. 202-210.", x=90)
    paper = pages.parse()
    assert len(paper.bibliography) == 7, paper.references


def test_a_supplements_own_bibliography_does_not_hide_the_main_one():
    # Neither "References" is bookmarked; the appendix is.
    pages = _introduction_then_references()
    _numbered(pages, 3)
    pages.new_page()
    pages.heading("A Proofs")
    pages.paragraph()
    pages.heading("References")
    _numbered(pages, 2, start=4)
    paper = pages.parse([[1, "1 Introduction", 1], [1, "A Proofs", 2]])
    assert [r.label for r in paper.bibliography] == ["1", "2", "3", "4", "5"]
    assert not any("Okafor" in p.text for s in paper.sections for p in s.paragraphs)


def test_a_year_alone_on_a_line_under_the_running_heads_rule_is_no_tick_label():
    # ICML: a rule under the running head across the page; on the last page of references the left
    # column's "1960." (the rest of an entry) stands level with the right column's second line. A
    # bare number near a drawing reads as a plot's tick label, but a rule is no plot: both lines stay.
    pages = _introduction_then_references()
    pages.line("Bloom, Paul. How children learn the meanings of words. MIT press, 2000.")
    pages.new_page()
    page = pages.page
    page.insert_text((200, 50), "Cognitive Psychology for Deep Neural Networks", fontname="tiro", fontsize=9)
    page.draw_line((55, 57), (542, 57), width=1)
    filler = [[f"Author{n}, Some and Other, Name. A study of thing number {n} in", "the wild. In Proceedings, 2016."]
              for n in range(8)]
    columns = ((55, [["Quine, Willard Van Orman. Word and object. MIT press,", "1960."]] + filler[:4]),
               (307, [["Zeiler, Matthew D and Fergus, Rob. Visualizing and un-",
                       "derstanding convolutional networks. In European Con-",
                       "ference on Computer Vision, pp. 818-833, 2014."]] + filler[4:]))
    for x, entries in columns:
        y = 76.0
        for entry in entries:
            for i, text in enumerate(entry):
                page.insert_text((x if i == 0 else x + 10, y), text, fontname="tiro", fontsize=10)
                y += 12
            y += 8
    paper = pages.parse()
    texts = [entry.text for entry in paper.bibliography]
    assert "Quine, Willard Van Orman. Word and object. MIT press, 1960." in texts, texts
    assert "Zeiler, Matthew D and Fergus, Rob. Visualizing and understanding convolutional networks. In European " \
           "Conference on Computer Vision, pp. 818-833, 2014." in texts, texts
    assert len(texts) == 11


def test_a_url_in_typewriter_type_continues_its_entry():
    # ICML: "URL https://proceedings." then "neurips.cc/paper/2014/file/" in typewriter type, whose line
    # box is lower than a Times line's, so the gap between the boxes looks like space between entries.
    pages = _introduction_then_references()
    entries = [["Belkin, M. and Niyogi, P. Laplacian eigenmaps for dimensionality",
                "reduction and data representation. Neural computation, 2003."],
               ["Goodfellow, I., Pouget-Abadie, J., and Bengio, Y. Generative",
                "adversarial nets. In Advances in Neural Information Processing",
                "Systems, pp. 2672-2680, 2014. URL https://proceedings.",
                ("neurips.cc/paper/2014/file/", "tt"), ("5ca3e9b122f61f8f06494c97b1afccf3-paper.", "tt"), "pdf."],
               ["Ozertem, U. and Erdogmus, D. Locally defined principal curves",
                "and surfaces. Journal of Machine learning research, 2011."],
               ["Zhang, Z. and Zha, H. Principal manifolds and nonlinear dimension-",
                "ality reduction via tangent space alignment. SIAM journal, 2004."]]
    page = pages.page
    # a font whose glyph boxes are low, as a typewriter font's are in real PDFs
    glyphs = {45: "hyphen", 46: "period", 47: "slash", **{48 + k: f"d{k}" for k in range(10)}, **LETTERS}
    tt = type3_font(pages.doc, page, glyphs, name="TT", glyph_box=(500, 600))
    runs = []
    for entry in entries:
        for i, line in enumerate(entry):
            x = 72 if i == 0 else 82
            if isinstance(line, tuple):
                runs.append((x, pages.y, line[0]))
            else:
                page.insert_text((x, pages.y), line, fontname="tiro", fontsize=10)
            pages.y += 12.5
        pages.y += 4
    show(pages.doc, page, tt, 10, runs)
    paper = pages.parse()
    assert len(paper.bibliography) == 4, [e.text for e in paper.bibliography]
    assert "neurips.cc/paper/2014/file/" in paper.bibliography[1].text


def test_a_white_sheet_under_the_text_block_hides_no_entries():
    # USENIX: every page paints a white rectangle inside the margins before its text. On a page of
    # references (few lines of prose, "J. Baker, C. Bond, ...") it was still read as a figure's box,
    # which swallowed the page and every entry on it.
    pages = Pages()
    pages.page.draw_rect(pymupdf.Rect(68, 68, 550, 722), color=None, fill=(1, 1, 1))
    pages.heading("1 Introduction")
    pages.paragraph("Earlier work [1, 2] and a later study [3] set the baseline we follow in this paper.")
    pages.heading("References")
    _numbered(pages, 5)
    paper = pages.parse()
    assert len(paper.bibliography) == 5, paper.references
    assert [c.refs for c in paper.citations] == [(0, 1), (2,)]


def _plos_entries(pages: Pages, first: int, count: int) -> None:
    """PLOS: a bold label well left of the entry's text, so that the two are line pieces of their own."""
    for n in range(first, first + count):
        pages.page.insert_text((72, pages.y), f"{n}.", fontname="hebo", fontsize=8)
        pages.line(f"Okafor{n} A, Moreau L. A study of model number {n}. Journal of Learning. 2016;", size=8, x=100)
        pages.line("12(3):45-67. doi: 10.1000/jl.2016.45", size=8, x=100)
        pages.y += 3


def test_labels_set_apart_from_their_entries_open_them():
    # The labels, a narrow column of their own, were read before the entries: "1.", "2.", ... as
    # entries, then the entries' text.
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph("Earlier work [1, 2] and a later study [3] set the baseline we follow in this paper.")
    pages.heading("References")
    _plos_entries(pages, 1, 6)
    paper = pages.parse()
    assert [r.label for r in paper.bibliography] == ["1", "2", "3", "4", "5", "6"], paper.references
    assert paper.bibliography[2].doi == "10.1000/jl.2016.45"
    assert [c.refs for c in paper.citations] == [(0, 1), (2,)]


def test_the_first_label_under_a_pages_header_band_is_no_tick_label():
    # PLOS prints a header band (logo and running title) atop every page; the label "7." of the entry
    # opening the next page, 20 pt under it, was taken for a plot's tick label, and the band's box,
    # growing over it and every label after it, swallowed the page.
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph()
    pages.heading("References")
    _plos_entries(pages, 1, 6)
    pages.new_page()
    pages.page.draw_rect(pymupdf.Rect(36, 27, 576, 55), color=None, fill=(0.2, 0.4, 0.6))
    pages.y = 84.0
    _plos_entries(pages, 7, 6)
    paper = pages.parse()
    assert [r.label for r in paper.bibliography] == [str(n) for n in range(1, 13)], paper.references


def test_entries_set_flush_left_with_space_between_them_split_only_at_the_space():
    # AAAI: no hanging indent, a little space between entries; a wrapped line that opens with a
    # capital after a full stop ("In AAAI, volume 13, ...", "The MIT Press.") is no new entry.
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph("Both (Okafor and Moreau 2013) and (Figueroa and Neumann 2014) reported it.")
    pages.heading("References")
    names = ["Okafor, A., and Moreau, L.", "Figueroa, A., and Neumann, G.", "Goodfellow, I.; Bengio, Y.; and Kim, A.",
             "Hassan, S., and Sato, K.", "Kingma, D. P., and Welling, M."]
    for n, name in enumerate(names):
        pages.line(f"{name} {2013 + n}. Learning to rank effective paraphrases.", size=9)
        pages.line("In AAAI, volume 13, 1099-1105." if n % 2 else "The MIT Press.", size=9)
        pages.y += 5
    paper = pages.parse()
    assert len(paper.bibliography) == len(names), paper.references
    assert [c.refs for c in paper.citations] == [(0,), (1,)]


def test_a_title_line_that_reads_like_a_biography_is_no_biography():
    # "What is the best multi-stage architecture ..." wrapped under its authors, in the second half of
    # the list: its opening ("What is the") was taken for an IEEE biography's ("Ada Okafor is a"),
    # and every entry from it on was dropped.
    pages = _introduction_then_references()
    names = ["Bashivan, P.", "Bergstra, J. S.", "Cortes, C.", "Dozat, T.", "Jarrett, K.", "Jonas, S.", "Kingma, D."]
    for n, name in enumerate(names):
        pages.line(f"{name} and LeCun, Y. A study of models, part {n}:", x=72)
        pages.line("What is the best multi-stage architecture for object" if n == 4 else "how models learn and what they",
                   x=82)
        pages.line(f"recognition? In Proceedings of ICCV, {2000 + n}.", x=82)
        pages.y += 4
    paper = pages.parse()
    assert len(paper.bibliography) == len(names), paper.references


def test_a_hanging_indent_opens_an_entry_whatever_the_line_before_ends_with():
    # NIH author manuscripts: entries end in "[PubMed: 3192766]", not a full stop, and sit close.
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph("Both (Barbas 1988) and (Bichot et al. 1990) reported it.")
    pages.heading("References")
    for n, name in enumerate(["Barbas H", "Beck DM, Kastner S", "Bichot NP, Rossi AF, Desimone R", "Bles M, Jansma BM"]):
        pages.line(f"{name}. Anatomic organization of visual recipient prefrontal regions in the", size=9)
        pages.line(f"rhesus monkey. Journal of Comparative Neurology {1988 + n};276:313-342. [PubMed: 319276{n}]",
                   size=9, x=82)
    paper = pages.parse()
    assert len(paper.bibliography) == 4, paper.references
    assert [c.refs for c in paper.citations] == [(0,), (2,)]


def test_caption_text_after_the_last_entry_is_no_entry():
    # An author manuscript's figures follow the references, one a page: the bold "Figure 1." label is
    # a caption, the text under it, in the body's larger type, ran on as the last entry.
    pages = _introduction_then_references()
    for n in range(4):
        pages.line(f"Okafor{n} A, Moreau L. A study of models. Journal of Learning {2001 + n};12:45-67.", size=9)
        pages.y += 3
    pages.new_page()
    pages.page.draw_rect(pymupdf.Rect(72, 72, 540, 300), color=(0, 0, 0), fill=(0.8, 0.8, 0.8))
    pages.y = 320
    pages.line("Figure 1. Competitive interactions in visual cortex", "tibo", 9)
    pages.paragraph("A: Suppressive interactions in V1 and V4. Simultaneously presented stimuli evoked less "
                    "activity than sequentially presented stimuli in V4, but not in V1.")
    paper = pages.parse()
    assert len(paper.bibliography) == 4, paper.references
    assert "Suppressive" not in paper.references[-1]


def test_author_year_citations_that_list_three_or_more_names():
    from paperkit.reading.bibliography import link_citations, parse_reference

    entries = [parse_reference(text) for text in (
        "Desimone R. Visual attention mediated by biased competition. Phil Trans R Soc B 1998;353:1245–1255.",
        "Luck SJ, Chelazzi L, Hillyard SA, Desimone R. Neural mechanisms of spatial selective attention. "
        "Journal of Neurophysiology 1997;77:24–42.",
        "Fader, A.; Zettlemoyer, L.; and Etzioni, O. 2014. Open question answering. In KDD.",
    )]
    text = "Shown (Luck, Chelazzi, Hillyard & Desimone, 1997; Desimone, 1998) and (Fader, Zettlemoyer, and Etzioni 2014)."
    assert [c.refs for c in link_citations([(0, 0, 1, text)], entries)] == [(1, 0), (2,)]
    # In running text, the words before the names are the sentence's.
    text = "Also, Fader, Zettlemoyer, and Etzioni (2014) agree. In Luck, Chelazzi, Hillyard and Desimone (1997) too, " \
           "as does Luck et al.’s (1997) model."
    assert [(c.text, c.refs) for c in link_citations([(0, 0, 1, text)], entries)] == \
        [("Fader, Zettlemoyer, and Etzioni (2014)", (2,)), ("Luck, Chelazzi, Hillyard and Desimone (1997)", (1,)),
         ("Luck et al.’s (1997)", (1,))]


def test_a_url_running_into_the_gutter_stays_in_its_column():
    # ICML: an overfull URL in typewriter type runs past the left column into the gutter; read as a line
    # across the page, it split the page's reading order, and the left column's last entries were
    # read after the right column's first ones (and the URL after the right column's last entry above it).
    pages = _introduction_then_references()
    pages.new_page()
    page = pages.page
    left = [["Amari, Shun-Ichi. Natural gradient works", "efficiently in learning. Neural computation, 1998."],
            ["Bergstra, J. S. and Bengio, Y. Algorithms for", "hyper-parameter optimization. In NIPS, 2011.",
             "URL http://papers.nips.cc/paper/", ("4443-algorithms-for-hyper-parameter-optimization.", "cour"),
             ("pdf.", "cour")],
            ["Bidelman, G. and Howell, M. Functional changes", "in cortical processing. NeuroImage, 2016."],
            ["Bidelman, G. M. and Lee, C.-C. Effects of", "language experience. NeuroImage, 2015."]]
    right = [["Clevert, D.-A. and Hochreiter, S. Fast and", "accurate deep network learning. CoRR, 2016."],
             ["Cortes, C. and Vapnik, V. Support-vector", "networks. Mach. Learn., 1995."],
             ["Dozat, T. Incorporating nesterov momentum", "into adam. 2016."],
             ["Giraud, A.-L. and Poeppel, D. Cortical", "oscillations and speech processing. 2012."]]
    for x, entries in ((55, left), (315, right)):
        y = 80.0
        for entry in entries:
            for i, line in enumerate(entry):
                text, font = line if isinstance(line, tuple) else (line, "tiro")
                page.insert_text((x if i == 0 else x + 10, y), text, fontname=font, fontsize=9)
                y += 11
            y += 12 if x == 55 else 21  # the right column's gaps fall level with the left's URL
    paper = pages.parse()
    texts = [e.text for e in paper.bibliography]
    assert [t.split(",")[0] for t in texts] == ["Amari", "Bergstra", "Bidelman", "Bidelman", "Clevert", "Cortes",
                                                "Dozat", "Giraud"], texts
    assert paper.bibliography[1].url == "http://papers.nips.cc/paper/4443-algorithms-for-hyper-parameter-optimization.pdf"


def test_a_line_made_smaller_by_its_url_stays_in_its_entry():
    # JMLR: "London, 1st edition, 2007. URL http://www.cs.rhul.ac.uk/books/dbook/." is mostly the URL in
    # smaller typewriter type; as a line in smaller type it was taken for a table's text and dropped.
    pages = _introduction_then_references()
    for n in range(4):
        pages.line(f"J. Okafor{n} and G. Gutin. Digraphs: Theory, Algorithms and Applications.", x=72, size=11)
        if n == 1:
            lead = "London, 2007. URL "
            pages.page.insert_text((82, pages.y), lead, fontname="tiro", fontsize=11)
            x = 82 + pymupdf.get_text_length(lead, fontname="tiro", fontsize=11)
            pages.page.insert_text((x, pages.y), "http://www.cs.rhul.ac.uk/books/dbook/.", fontname="cour", fontsize=10)
            pages.y += 13.75
        else:
            pages.line("Springer Verlag, London, 1st edition, 2007.", x=82, size=11)
        pages.y += 6
    paper = pages.parse()
    assert len(paper.bibliography) == 4, paper.references
    assert paper.bibliography[1].url == "http://www.cs.rhul.ac.uk/books/dbook/", paper.references[1]


def test_author_year_labels_in_brackets_open_entries_set_close():
    # IJCAI: each entry opens with its citation in brackets, "[Chang et al., 2010] Yin-Wen Chang, ...",
    # under a hanging indent, and the space between entries is too small to part them by itself.
    pages = _introduction_then_references("Factorization machines [Rendle, 2010] and wide models [Cheng et al., "
                                          "2016] are strong.")
    labels = ["[Boulanger-Lewandowski et al., 2013]", "[Chang et al., 2010]", "[Cheng et al., 2016]",
              "[Rendle, 2010]", "[van den Oord et al., 2013]"]
    for n, label in enumerate(labels):
        pages.line(f"{label} Nicolas Okafor, Yoshua Moreau, and", gap=1.5)
        pages.y -= 1.5  # lines 11 points apart, entries 12.5
        pages.line("Pascal Vincent. Audio chord recognition with recurrent", x=84)
        pages.y -= 1.5
        pages.line(f"neural networks. In ISMIR, pages 335–340, {2010 + n}.", x=84)
        pages.y -= 1.5
    paper = pages.parse()
    assert [r.split("]")[0] + "]" for r in paper.references] == labels, paper.references


def test_alpha_labels_with_accents_or_without_a_year_open_entries():
    # alpha.bst: an author's accented initial, "[Hös95]", and an entry without a year, "[WYS+]".
    pages = _introduction_then_references()
    labels = ["[BJK15]", "[Hös95]", "[Hub11]", "[WYS+]", "[YCS14]", "[ZK16]"]
    for n, label in enumerate(labels):
        pages.line("Ola Hossjer and Peter Huber. Exact computation of the least trimmed squares", x=100, label=label)
        pages.line(f"estimate in linear regression. Computational Statistics, {1990 + n}.", x=100)
    paper = pages.parse()
    assert [r.split("]")[0] + "]" for r in paper.references] == labels, paper.references


def test_entries_labelled_with_their_citation_and_alpha_labels_link_citations():
    from paperkit.reading.bibliography import link_citations, parse_bibliography

    # IJCAI: the label is the citation itself; the first author and year do not tell two entries apart.
    entries = parse_bibliography([
        "[Rendle and Schmidt-Thieme, 2010] Steffen Rendle and Lars Schmidt-Thieme. Pairwise interaction "
        "tensor factorization. In WSDM, pages 81–90, 2010.",
        "[Rendle, 2010] Steffen Rendle. Factorization machines. In ICDM, 2010.",
        "[Zhang et al., 2014] Yuyu Zhang, Hanjun Dai, and Chang Xu. Sequential click prediction. In AAAI, 2014.",
    ])
    assert [e.label for e in entries] == ["Rendle and Schmidt-Thieme, 2010", "Rendle, 2010", "Zhang et al., 2014"]
    assert entries[0].authors == ("Steffen Rendle", "Lars Schmidt-Thieme") and entries[1].title == "Factorization machines"
    text = "Factorization machines [Rendle, 2010] and tensors [Zhang et al., 2014; Rendle and Schmidt-Thieme, 2010]."
    assert [c.refs for c in link_citations([(0, 0, 1, text)], entries)] == [(1,), (2, 0)]
    # alpha.bst: an accented initial and an entry without a year.
    entries = parse_bibliography([
        "[Hös95] Ola Hössjer. Exact computation of the least trimmed squares estimate. Statistics, 1995.",
        "[Hub11] Peter J Huber. Robust statistics. Springer, 2011.",
        "[WYS+] Bolun Wang, Yuanshun Yao, and Shawn Shan. Neural cleanse: Identifying backdoor attacks.",
    ])
    assert [e.label for e in entries] == ["Hös95", "Hub11", "WYS+"]
    assert entries[2].authors[0] == "Bolun Wang"
    text = "Trimmed estimators [Hös95, Hub11] and backdoors [WYS+]."
    assert [c.refs for c in link_citations([(0, 0, 1, text)], entries)] == [(0, 1), (2,)]


def test_a_surname_of_two_words_keeps_its_initials():
    from paperkit.reading.bibliography import parse_reference

    # Springer's splncs: "Van Gool, L." is one author, not "Van Gool" and "L".
    entry = parse_reference("13. Everingham, M., Van Gool, L., Williams, C.K.I., Zisserman, A.: The PASCAL Visual "
                            "Object Classes Challenge 2007 Results. In: Workshop (2007)")
    assert entry.authors == ("M. Everingham", "L. Van Gool", "C.K.I. Williams", "A. Zisserman")


def test_a_year_after_the_last_authors_initial_is_no_part_of_the_name():
    from paperkit.reading.bibliography import parse_reference

    # AAAI: "..., and Buchholz, S. 2000. Title." when the first author's surname has three words.
    entry = parse_reference("Tjong Kim Sang, E. F., and Buchholz, S. 2000. Introduction to the conll-2000 shared "
                            "task: Chunking. In Learning language in logic and CoNLL, 127–132.")
    assert entry.authors == ("E. F. Tjong Kim Sang", "S. Buchholz") and entry.year == 2000
    assert entry.title == "Introduction to the conll-2000 shared task: Chunking"
    # ... or after the last name with no full stop (EMNLP 2014): "P. Resnik 2014."
    entry = parse_reference("M. Iyyer, P. Enns, J. Boyd-Graber, P. Resnik 2014. Political Ideology Detection Using "
                            "Recursive Neural Networks. In Proceedings of ACL.")
    assert entry.authors[-1] == "P. Resnik" and entry.year == 2014


def test_acm_and_natbib_entries_with_accents_and_a_second_year_in_parentheses():
    from paperkit.reading.bibliography import parse_reference

    # ACM: the year after the authors, and again in parentheses after the volume.
    entry = parse_reference("[4] Inderjit S. Dhillon, Yuqiang Guan, and Brian Kulis. 2007. Weighted Graph Cuts "
                            "Without Eigenvectors. IEEE Trans. Pattern Anal. Mach. Intell. 29, 11 (2007), 1944–1957.")
    assert entry.authors == ("Inderjit S. Dhillon", "Yuqiang Guan", "Brian Kulis") and entry.year == 2007
    assert entry.title == "Weighted Graph Cuts Without Eigenvectors"
    # natbib (ICML): surnames first, given names in full, one with an accent.
    entry = parse_reference("Azar, Mohammad Gheshlaghi, Munos, Rémi, and Kappen, Hilbert. On the sample complexity "
                            "of reinforcement learning. In ICML, 2012.")
    assert entry.authors == ("Mohammad Gheshlaghi Azar", "Rémi Munos", "Hilbert Kappen")


@pytest.mark.parametrize("entries, text, expected", [
    # two entries of the first author in one year: the citation naming the second author picks its own
    (["Eyben, F., Huber, B., Marchi, E., Schuller, D., & Schuller, B. (2015). Real-time robust recognition of speakers' "
      "emotions. In ACII.",
      "Eyben, F., Scherer, K., Schuller, B., Sundberg, J., et al. (2015). The Geneva minimalistic acoustic parameter set. "
      "IEEE Transactions on Affective Computing, 190–202."],
     "consistently over conditions (Eyben, Scherer et al., 2015), unlike (Eyben et al., 2015).",
     [("(Eyben, Scherer et al., 2015)", (1,)), ("(Eyben et al., 2015)", (0,))]),
    # a comma before the year in parentheses; a possessive
    (["Quirk, C., Brockett, C., and Dolan, W. 2004. Monolingual machine translation for paraphrase generation. In EMNLP.",
      "Duncan J. Cooperating brain systems in selective perception and action. Attention and Performance 1996;16:549–578."],
     "As Quirk et al., (2004) did, and as in Duncan’s (1996) account.",
     [("Quirk et al., (2004)", (0,)), ("Duncan’s (1996)", (1,))]),
    # a word before the names joined by "and" is no part of them; names of several words on both sides are
    (["Yishu Miao and Phil Blunsom. 2016. Language as a latent variable. In EMNLP.",
      "Erik F. Tjong Kim Sang and Fien De Meulder. 2003. Introduction to the conll-2003 shared task. In CoNLL."],
     "similar to the CopyNet and Miao and Blunsom’s (2016) model, on CoNLL (Tjong Kim Sang and De Meulder, 2003).",
     [("Miao and Blunsom’s (2016)", (0,)), ("(Tjong Kim Sang and De Meulder, 2003)", (1,))]),
    # alpha keys as a 1994 text layer reads them: a lost "+" ("[S 93]") and a space before the bracket
    (["[S 93] M. Stonebraker et al. DBMS research at a crossroads. In VLDB, 1993.",
      "[HS93] M. Houtsma and A. Swami. Set-oriented mining of association rules. IBM, 1993."],
     "as [S 93 ] showed, and [HS93 ] too.",
     [("[S 93 ]", (0,)), ("[HS93 ]", (1,))]),
])
def test_citation_shapes_link_their_entries(entries, text, expected):
    from paperkit.reading.bibliography import link_citations, parse_reference

    found = link_citations([(0, 0, 1, text)], [parse_reference(e) for e in entries])
    assert [(c.text, c.refs) for c in found] == expected


def test_a_citation_in_a_footnote_is_linked_with_the_paragraph_that_calls_the_footnote():
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph()
    pages.page.insert_text((72, pages.y), "Track-level tests simplify the evaluation of these systems.", fontname="tiro",
                           fontsize=10)
    width = pymupdf.get_text_length("Track-level tests simplify the evaluation of these systems.", fontname="tiro", fontsize=10)
    pages.page.insert_text((72 + width, pages.y - 3.5), "1", fontname="tiro", fontsize=7)
    pages.y += 12.5
    pages.paragraph("Our models are compared with two baselines [1] on the same split of the data, which we describe below.")
    pages.heading("References")
    for n in range(1, 4):
        pages.line(f"[{n}] A. Okafor{n} and L. Moreau. A study of model number {n}. Nature {n}, 2020.")
    pages.page.draw_line((72, 688), (150, 688))
    pages.page.insert_text((72, 697), "1", fontname="tiro", fontsize=6)
    pages.page.insert_text((75.2, 700), "Such tests are an over-simplification, as argued in [3].", fontname="tiro", fontsize=8)
    paper = pages.parse()
    assert [(f.mark, f.section) for f in paper.footnotes] == [("1", 0)]
    footnote = paper.footnotes[0]
    assert sorted((c.text, c.refs, c.section, c.paragraph, c.page) for c in paper.citations) == [
        ("[1]", (0,), 0, 1, 1), ("[3]", (2,), 0, footnote.paragraph, 1)]


def test_surname_first_prechecks_pass_every_entry_their_patterns_match():
    # The cheap checks that spare compiling the surname-first patterns must never turn away an entry
    # the pattern itself would read (a slow reference: the pattern, on entries of every style, cut
    # at every word).
    from paperkit.reading import bibliography as bib

    entries = [
        "Klapuri AP, Davy M, Van Essen DC, et al. Signal processing methods. J Music. 2008;32(3):72–86.",
        "van der Berg JH, de Vries A. Title of a paper. Nature. 2001;3:1–9.",
        "St. Clair RB. A title. Journal. 1999.",
        "Devlin, J., Chang, M.-W., and Toutanova, K. BERT: pre-training. In NAACL, 2019.",
        "De Freitas, N. and van Gogh, V. Painting. 1888.",
        "Bahdanau, D.; Cho, K.; and Bengio, Y. 2015. Neural machine translation. In ICLR.",
        "Ó Séaghdha, D., Müller, K. Title. 2010.",
        "O’Connor, B. Title. 2012.",
        "Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT. In NAACL.",
        "A. Kitaev, J. Preskill, Phys. Rev. Lett. 96, 110404 (2006).",
        "Zann RA. 1996 The zebra finch. Oxford University Press.",
        "McDonald R, Crammer K, Pereira F. Online large-margin training. ACL. 2005.",
    ]
    matched = {"vancouver": 0, "surname first": 0}
    for entry in entries:
        words = entry.split()
        for start in range(len(words)):
            text = " ".join(words[start:])
            if bib.VANCOUVER.match(text):
                matched["vancouver"] += 1
                assert bib._may_open_vancouver(text), text
            if bib._SURNAME_FIRST.match(text):
                matched["surname first"] += 1
                assert bib._may_open_surname_first(text), text
    assert matched["vancouver"] >= 4 and matched["surname first"] >= 4  # the reference saw both styles
    assert not bib._may_open_vancouver(entries[8]) and not bib._may_open_surname_first(entries[8])  # ACL: neither


def test_a_page_filled_by_one_long_author_list_is_one_entry_under_a_hanging_indent():
    # ICML: one entry lists hundreds of authors and fills a whole column with continuation lines, set
    # in by the hanging indent; with no line of that column at the entries' margin, its own left edge
    # is the indent, and each line of names ("Vasic, P., Weng, P., ...") was read as a new entry.
    pages = _introduction_then_references()
    surnames = ["Okafor", "Moreau", "Vasic", "Weng", "Bhargava", "Dubal", "Krishnan", "Koura", "Srinivasan"]
    for n in range(3):
        pages.line(f"Okafor{n}, A. and Moreau, L. A study of model number {n} and its many", size=9)
        pages.line("variants. In Proceedings of the Conference on Learning, 2020.", size=9, x=82)
    pages.line("Grattafiori, A., Dubey, A., Jauhri, A., Pandey, A., Kadian, A.,", size=9)
    for _ in range(6):
        pages.line("Al-Dahle, A., Letman, A., Mathur, A., Schelten, A., Vaughan,", size=9, x=82)
    pages.new_page()
    for n in range(14):
        names = ", ".join(f"{surnames[(n + k) % len(surnames)]}, {chr(65 + (n + k) % 26)}." for k in range(5))
        pages.line(f"{names},", size=9, x=82)
    pages.line("and et al. The herd of models, 2024.", size=9, x=82)
    pages.new_page()
    for n in range(3, 5):
        pages.line(f"Okafor{n}, A. and Moreau, L. A study of model number {n} and its many", size=9)
        pages.line("variants. In Proceedings of the Conference on Learning, 2021.", size=9, x=82)
    paper = pages.parse()
    assert len(paper.bibliography) == 6, paper.references
    assert paper.references[3].endswith("The herd of models, 2024.")


def test_a_short_unheaded_bibliography_under_a_bookmark_is_split_across_its_columns():
    # revtex (a four-page letter): four entries under a rule in two columns, no printed "References"
    # but a bookmark for it; entry 2 breaks at the column and the acknowledgments stand beside the
    # list's top, so the reading order puts them between the entries.
    pages = Pages()
    pages.heading("I. INTRODUCTION")
    for _ in range(3):
        pages.paragraph()
    top = pages.y + 10
    pages.y = top
    for text in ("IV. CONCLUSIONS", "ACKNOWLEDGMENTS"):
        pages.line(text, "tibo", 10, x=330, gap=10)
    for text in ("We wish to acknowledge the financial support of the", "national research councils of our countries."):
        pages.line(text, x=330)
    pages.y = max(pages.y, top) + 30
    pages.page.draw_line((200, pages.y - 12), (412, pages.y - 12))
    entries = [["R. Alicki and M. Fannes, Entanglement boost for ex-", "tractable work from ensembles of quantum batteries,",
                "Physical Review E 87, 042123 (2013)."],
               ["F. Campaioli, S. Gherardini and G. M. Andolina,", "Colloquium: quantum batteries, Reviews"],
               ["of Modern Physics 96, 031001 (2024)."],
               ["A. E. Allahverdyan and R. Balian, Maximal work", "extraction from finite quantum systems,",
                "Europhysics Letters 67, 565 (2004)."],
               ["F. Ciccarello and S. Lorenzo, Quantum collision", "models: Open system dynamics from repeated",
                "interactions, Physics Reports 954, 1 (2022)."]]
    start = pages.y
    labels = ["[1]", "[2]", "", "[3]", "[4]"]
    for k, (label, lines) in enumerate(zip(labels, entries)):
        if k == 2:
            pages.y = start
        x = 90 if k < 2 else 348
        for n, text in enumerate(lines):
            pages.line(text, size=9, x=x, label=label if n == 0 else "")
    paper = pages.parse(toc=[[1, "Introduction", 1], [1, "Conclusions", 1], [1, "Acknowledgments", 1],
                             [1, "References", 1]])
    assert len(paper.bibliography) == 4, paper.references
    assert paper.references[1].endswith("031001 (2024)."), paper.references
    assert all("Ciccarello" not in p.text for s in paper.sections for p in s.paragraphs)


def test_a_figure_s_many_small_labels_on_a_page_of_the_list_do_not_set_the_entries_type():
    # A page of the bibliography opens with a plot whose points carry names in tiny type (more lines
    # than the entries under it): the entries' type is still the list's, and every entry is kept.
    pages = _introduction_then_references()
    names = ["Mirren", "Okafor", "Lindqvist", "Tanaka", "Duarte", "Novak", "Haddad", "Ibsen"]
    for k in range(3):
        pages.line(f"A. {names[k]} and B. {names[k + 1]}. A study of item {k + 1}. In Proceedings, 2003.", size=9,
                   x=90, label=f"[{k + 1}]")
    pages.new_page()
    for k in range(28):
        pages.page.insert_text((150 + 37 * (k % 7), 90 + 7 * k), f"{names[k % 8]} {chr(65 + k % 26)}",
                               fontname="helv", fontsize=6)
    pages.y = 320
    for k in range(3, 8):
        pages.line(f"C. {names[k]} and D. {names[k - 1]}. Results on problem {k + 1}. Journal, 12:3-9, 2001.",
                   size=9, x=90, label=f"[{k + 1}]")
    paper = pages.parse()
    assert len(paper.bibliography) == 8, paper.references
    assert paper.references[-1].startswith("[8]"), paper.references


def test_raised_labels_set_against_indented_entries_split_the_list():
    # AIAA: each entry's first line is indented and opens with its number raised against the first
    # name ("12Nelson, R., ..."); the lines after it go back to the margin; most entries take a line.
    pages = _introduction_then_references()
    names = ["Mirren", "Okafor", "Lindqvist", "Tanaka", "Duarte", "Novak", "Haddad", "Ibsen", "Quill"]
    for k, name in enumerate(names):
        pages.y += 8
        pages.page.insert_text((87, pages.y - 3), str(k + 1), fontname="tiro", fontsize=5.5)
        x = 87 + 3 * len(str(k + 1))
        pages.page.insert_text((x, pages.y), f"{name}, J.M., \"Control of tailless aircraft {k + 1}\", AIAA-97-36{k}.",
                               fontname="tiro", fontsize=8)
        pages.y += 10
        if k % 3 == 1:
            pages.line("Atmospheric Flight Mechanics Conference, 18-21 August 2008, Honolulu, Hawaii.", size=8)
    paper = pages.parse()
    assert len(paper.bibliography) == len(names), paper.references
    assert paper.references[1].startswith("[2] Okafor") and paper.references[1].endswith("Hawaii."), paper.references


def test_a_note_in_prose_over_a_hanging_list_is_no_entry():
    # A template's instructions left under "References" (four lines of sentences, set full width, no
    # year), a wider space, then author-year entries with a hanging indent.
    pages = _introduction_then_references()
    for text in ("Place the list of works after the acknowledgments in the final version of the paper, and",
                 "use a heading of its own for it. Any style of citing the works is fine as long as it is",
                 "the same throughout; the type of the list may be made smaller when the list is long. The",
                 "list itself is not counted against the limit on the number of pages."):
        pages.line(text)
    pages.y += 30
    for name in ("Mirren", "Okafor", "Lindqvist", "Tanaka"):
        pages.line(f"{name}, A., Duarte, B., and Novak, C. (2019). A study of calibrated models for the", gap=4)
        pages.line("many kinds of data that come up. Journal of Learning, 12:1-30.", x=82)
    paper = pages.parse()
    assert len(paper.bibliography) == 4, paper.references
    assert paper.references[0].startswith("Mirren"), paper.references
