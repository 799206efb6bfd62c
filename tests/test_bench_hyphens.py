"""The line-end hyphen benchmark: its truth list and its scoring, on a page drawn here (no real papers)."""

from __future__ import annotations

import pymupdf

from benchmarks import bench_hyphens


def test_the_truth_list_names_each_hyphen_once_per_list_with_a_known_verdict():
    rows = bench_hyphens.load_truth()
    assert {r["list"] for r in rows} == {"sample", "changed"}
    assert sum(r["list"] == "sample" for r in rows) == 100
    assert {r["truth"] for r in rows} <= {"J", "K", "S", "E"}
    assert all(r["paper"] and r["head"].isalpha() and r["tail"].isalpha() for r in rows)


def test_both_rules_are_scored_on_the_hyphens_the_parser_meets(tmp_path):
    (tmp_path / "tune").mkdir()
    body = ["Models come and go, and over the years each one learns from the data it is given. To over-",
            "come the noise we make the model fully data-", "driven, for both low-",
            "and high-level features of every input we tried in these experiments."]
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "1 Introduction", fontname="tibo", fontsize=12)
    page.insert_text((72, 85), "\n".join(body), fontname="tiro", fontsize=10, lineheight=1.3)
    doc.save(tmp_path / "tune" / "drawn.pdf")
    truth = [{"paper": "drawn", "list": "sample", "head": head, "tail": tail, "truth": verdict}
             for head, tail, verdict in (("over", "come", "J"), ("data", "driven", "K"), ("low", "and", "S"),
                                         ("never", "printed", "K"))]
    outcomes, costs = bench_hyphens.run(tmp_path, truth)
    assert [outcomes[id(r)] for r in truth] == [("K", "J"), ("J", "K"), ("-", "S"), (None, None)]
    assert bench_hyphens.score(truth, lambda r: outcomes[id(r)][1]) == (3, 4)  # one the parse never met: wrong
    assert [name for name, _, _ in costs] == ["drawn"]
    assert "3/4 (75%)" in bench_hyphens.report_body(truth, outcomes, costs)
