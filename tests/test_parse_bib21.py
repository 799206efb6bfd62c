"""Bibliographies of the twenty-first split's shapes, drawn on PyMuPDF pages by the tests themselves: a
preprint's half-inch hanging indent, a back-reference after an entry's pages, a journal's history line
under the list, and keys typed by hand in a list that parts its entries by space."""

from __future__ import annotations

from tests.test_parse_bib12 import _introduction_then_references


def test_a_half_inch_hanging_indent_still_hangs_the_entries():
    # AASTeX's preprint style: 12 pt entries set double-spaced, most of one line, the few that wrap
    # set their later line in by 35 pt (half an inch), the entries parted by a wider step. Each line
    # at the margin opens an entry, whatever the line before ends with.
    pages = _introduction_then_references()
    entries = [
        ("Akeret, J., Seehars, S., Amara, A., Refregier, A., & Csillaghy, A. 2012, arXiv:1212.1721", None),
        ("Bovy, J., Rix, H.-W., Liu, C., et al. 2012, ApJ, 753, 148", None),
        ("Bovy, J., Rix, H.-W., Hogg, D. W., et al. 2012, ApJ, 755, 115", None),
        ("Brewer B. J., Partay L. B., Csanyi G., 2011, Statistics and Computing, 21, 4, 649-656,", "arXiv:0912.2380"),
        ("Brewer, B. J., Foreman-Mackey, D., & Hogg, D. W. 2012, arXiv:1211.5805", None),
        ("Brown, J. M., Rosenfeld, K. A., Andrews, S. M., Wilner, D. J., & van Dishoeck, E. F.", "2012, ApJ, 758, L30"),
        ("Bussmann, R. S., Gurwell, M. A., Fu, H., et al. 2012, ApJ, 756, 134", None),
        ("Cieza, L. A., Olofsson, J., Harvey, P. M., et al. 2013, ApJ, 762, 100", None),
        ("Cowles, M. K. & Carlin, B. P., 1996, Journal of the American Statistical Association, 91,", "883"),
        ("Dorman, C. E., Guhathakurta, P., Fardal, M. A., et al. 2012, ApJ, 752, 147", None),
        ("Goodman, J. & Weare, J., 2010, Comm. App. Math. Comp. Sci., 5, 65", None),
        ("Hou, F., Goodman, J., Hogg, D. W., Weare, J., & Schwab, C. 2012, ApJ, 745, 198", None),
        ("Lang, D., & Hogg, D. W. 2012, AJ, 144, 46", None),
        ("Morton, T. D. 2012, ApJ, 761, 6", None),
    ]
    for first, rest in entries:
        pages.line(first, size=12 if len(first) < 80 else 11.5)
        if rest:
            pages.line(rest, size=12, x=107)
        pages.y += 11
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[3].endswith("arXiv:0912.2380")
    assert paper.references[4].startswith("Brewer, B. J., Foreman-Mackey")


def test_a_back_reference_after_an_entrys_pages_is_no_appendix_heading():
    # Bayesian Analysis: each entry ends with the page that cites it ("61(2): 287-307. 466"), the
    # journal's name in slanted type; a last line that is all journal, "J. R. Stat. Soc. ...", opens
    # with a letter and a full stop as an appendix's heading would, but it ends in pages: an entry's.
    pages = _introduction_then_references()
    entries = [
        [("Andersson, H. and Britton, T. (2000). Stochastic epidemic models and their statistical", "tiro"),
         ("analysis, volume 151 of Lecture Notes in Statistics. New York: Springer-Verlag. 473", "tiro")],
        [("Becker, N. G. (1989). Analysis of infectious disease data. Monographs on Statistics and", "tiro"),
         ("Applied Probability. London: Chapman & Hall. 466", "tiro")],
        [("Becker, N. G. and Britton, T. (1999). Statistical studies of infectious disease incidence.", "tiro"),
         ("J. R. Stat. Soc. Ser. B Stat. Methodol., 61(2): 287-307. 466", "tiit")],
        [("Cauchemez, S. and Ferguson, N. (2008). Likelihood-based estimation of continuous-time", "tiro"),
         ("epidemic models from time-series data. J. R. Soc. Interface, 5: 885-897. 477", "tiro")],
        [("Diggle, P. J. (2006). Spatio-temporal point processes, partial likelihood, foot and mouth", "tiro"),
         ("disease. Stat. Methods Med. Res., 15: 325-336. 467", "tiro")],
        [("Gibson, G. and Renshaw, E. (1998). Estimating parameters in stochastic compartmental", "tiro"),
         ("models using Markov chain methods. IMA J. Math. Appl. Med. Biol., 15: 19-40. 467", "tiro")],
    ]
    for entry in entries:
        for k, (text, font) in enumerate(entry):
            pages.line(text, font=font, x=72 if k == 0 else 82)
        pages.y += 6
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[2].endswith("287-307. 466")
    assert not any(s.title.startswith("R. Stat") for s in paper.sections)


def test_the_papers_history_under_the_list_is_no_entry():
    # A statistics journal sets "Received November 2000, in final form September 2001" under the
    # last entry, then the author's address: neither is an entry.
    pages = _introduction_then_references()
    entries = [
        ("Altmann, M. (1998). The deterministic limit of infectious disease models with", "dynamic partners. Math. Biosci. 150, 153–175."),
        ("Andersson, H. (1998). Limit theorems for a random graph epidemic model. Ann.", "Appl. Probab. 8, 1331–1349."),
        ("Andersson, H. (1999). Epidemic models and social networks. Math. Sci. 24, 128–147.", None),
        ("Becker, N. G. (1989). Analysis of infectious disease data. Chapman & Hall, London.", None),
        ("Gilks, W. R., Richardson, S. & Spiegelhalter, D. J. (1996). Markov chain Monte", "Carlo in practice. Chapman & Hall, London."),
        ("O'Neill, P. D. & Roberts, G. O. (1999). Bayesian inference for partially observed", "stochastic epidemics. J. Roy. Statist. Soc. Ser. A 162, 121–129."),
    ]
    for first, rest in entries:
        pages.line(first, size=8)
        if rest:
            pages.line(rest, size=8, x=80)
    pages.y += 8
    pages.line("Received November 2000, in final form September 2001", size=8)
    pages.y += 8
    pages.line("Tom Smith, Department of Mathematics, Uppsala University, P.O. Box 480, SE-751 06 Uppsala,", size=8)
    pages.line("E-mail: tom.smith@math.example.se", size=8)
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert not any("Received" in r or "E-mail" in r for r in paper.references)


def test_keys_typed_by_hand_open_entries_after_the_space_between_entries():
    # A Word paper's keys of a name and a version ("[ORM9]", "[IBG8]" among "[ORM10]", "[BE03]"): no
    # key of a style file's making, and the list sets every line at the margin, the entries parted by
    # space. A key at the margin a wider step below the line before opens an entry.
    pages = _introduction_then_references()
    entries = [
        ("[BE03] D. G. Benoit. Automatic Diagnosis of Performance Problems in", "Database Management Systems, PhD Thesis, 2003."),
        ("[BR94] K. P. Brown, M. Mehta, M. J. Carey, M. Livny: Towards Automated", "Performance Tuning for Complex Workloads, VLDB 1994."),
        ("[IBG8] IBM Corporation: DB2 Universal Database Version 8 Guide to GUI", "Tools for Administration and Development, 2003."),
        ("[IBP8] IBM Corporation: DB2 Universal Database Version 8 Administration", "Guide: Performance, IBM Corporation, 2003."),
        ("[ORM9] Oracle Corporation: Oracle 9i Database Manageability, Oracle", "White Paper, 2002."),
        ("[ORM10] Oracle Corporation: Oracle Database 10g: The Self-Managing", "Database, Oracle White Paper, 2004."),
        ("[ORP8] Oracle Corporation: Oracle 8i Designing and Tuning for", "Performance Release 2, Oracle 8i Documentation."),
        ("[WE94] G. Weikum, C. Hasse, A. Monkeberg, P. Zabback: The COMFORT", "Automatic Tuning Project, Information Systems, 1994."),
    ]
    for first, rest in entries:
        pages.line(first, size=9)
        pages.line(rest, size=9)
        pages.y += 9
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[4].startswith("[ORM9]") and paper.references[4].endswith("White Paper, 2002.")
