from __future__ import annotations

import json

import pytest

from _review_samples import PAPER_ID, realistic_notes, setup_paper
from paperkit.review.documents import time_budget, write_report, write_review, write_summary, write_talk
from paperkit.errors import NotFoundError, UsageError
from paperkit.reading.paper import Paper, Section
from paperkit.review.sheets import check_sheet, load_sheet


@pytest.fixture
def paper_ws(workspace):
    setup_paper(workspace)
    return workspace


def test_summary_is_prefilled_from_library_and_notes(paper_ws):
    path = write_summary(paper_ws, PAPER_ID)
    assert path == paper_ws.reviews_dir(PAPER_ID) / "summary.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Summary: Colorful Image Colorization\n")
    assert "Richard Zhang, Phillip Isola, Alexei A. Efros (2016)" in text
    assert "- Fools people on 32 % of trials (§ 3.1, Table 1)" in text  # marked claims, with their place
    assert "Classification with rebalancing is a general fix" not in text  # pass-3 other notes stay in the notes
    assert "- why the temperature is 0.38 (Eq. 5)" in text
    assert "- 1703.04044 — Colorization as a Proxy Task" in text
    # ShortScience-style: how the method works and what it achieved, from the notes' sections
    how = text.split("## How it works")[1].split("## Results")[0]
    results = text.split("## Results")[1].split("## Key contributions")[0]
    assert "- § 2 Approach: Predict a distribution over 313 ab bins per pixel." in how and "Experiments" not in how
    assert "- § 3 Experiments: AMT study and ImageNet linear probes." in results
    # the paragraph and what one learned are the reader's to write: marked blanks, so the check says so
    problems = [str(p) for p in check_sheet(load_sheet(path))]
    assert problems == [f"{s}: empty (only the template's blanks are left)" for s in ("The paper in one paragraph", "What I learned", "What surprised me")]


def test_review_is_prefilled_and_scores_left_blank(paper_ws):
    path = write_review(paper_ws, PAPER_ID, form="iclr", reviewer="Ann Lee")
    assert path.name == "review-ann-lee.md"
    text = path.read_text(encoding="utf-8")
    assert "- **Reviewer:** Ann Lee" in text and "- **Form:** iclr" in text
    assert "- Missing baselines: No comparison with a GAN colorizer." in text
    assert "- Claims Fools people on 32 % of trials (§ 3.1, Table 1)" in text  # claims: in the neutral summary
    assert "- **Overall rating (1, 3, 5, 6, 8, 10):** <!-- TODO" in text
    sheet = load_sheet(path)
    assert sheet.form.name == "iclr" and sheet.paper_id == PAPER_ID and sheet.reviewer == "Ann Lee"
    fields = {p.field for p in check_sheet(sheet)}
    assert {"Weaknesses", "Limitations", "Soundness", "Overall rating", "Confidence"} <= fields
    assert "Summary" not in fields and "Strengths" in fields  # strengths are the reviewer's judgement, left blank


def test_seminar_review_has_the_seminar_questions(paper_ws):
    path = write_review(paper_ws, PAPER_ID, form="seminar", reviewer="D")
    assert path.name == "seminar-review-d.md"
    text = path.read_text(encoding="utf-8")
    for heading in ("## Another idea in the same family", "## Papers that cite this one", "## Criticism", "## Are the experiments enough?"):
        assert heading in text
    assert "Follows regression-based colorization" in text
    assert "- **How convincing (1–5):**" in text


def test_nothing_is_overwritten_without_force(paper_ws):
    path = write_review(paper_ws, PAPER_ID)
    path.write_text("my half-written review\n", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists.*--force"):
        write_review(paper_ws, PAPER_ID)
    assert path.read_text(encoding="utf-8") == "my half-written review\n"
    write_review(paper_ws, PAPER_ID, overwrite=True)
    assert path.read_text(encoding="utf-8").startswith("# Review:")


def test_unknown_form_and_missing_paper_are_one_line_each(paper_ws):
    with pytest.raises(UsageError, match="unknown form preset 'acl'.*neurips, iclr, seminar"):
        write_review(paper_ws, PAPER_ID, form="acl")
    with pytest.raises(NotFoundError) as info:
        write_summary(paper_ws, "2101.00001")
    assert "paperkit papers add 2101.00001" in str(info.value)
    assert not (paper_ws.reviews_dir("2101.00001")).exists()


def test_versioned_id_finds_the_library_entry(paper_ws):
    assert write_summary(paper_ws, PAPER_ID + "v2").parent == paper_ws.reviews_dir(PAPER_ID)


def test_parsed_paper_fills_what_the_library_lacks(workspace):
    workspace.library_path.write_text('[papers."2002.05709"]\n', encoding="utf-8")
    paper = Paper(
        title="A Simple Framework for Contrastive Learning", authors=("T. Chen", "S. Kornblith"), abstract="Abstract.",
        sections=(Section("1", "Introduction", 1, 1), Section("3", "Method", 1, 2)), figures=(), tables=(), references=(), pages=9,
    )
    text = write_talk(workspace, "2002.05709", paper=paper).read_text(encoding="utf-8")
    assert "# Talk: A Simple Framework for Contrastive Learning" in text
    assert "T. Chen, S. Kornblith" in text
    assert "- § 3 Method" in text


def test_a_local_pdf_outside_the_library_gets_the_real_templates(workspace):
    paper = Paper(
        title="Notes on Pretext Tasks", authors=("A. Reader",), abstract="", sections=(), figures=(), tables=(), references=(), pages=4,
    )
    summary = write_summary(workspace, "lecture-notes", paper=paper).read_text(encoding="utf-8")
    assert "- **Paper:** lecture-notes — Notes on Pretext Tasks" in summary and "arXiv:" not in summary and "Link" not in summary
    assert "- **Authors:** A. Reader" in summary and "## Key contributions" in summary
    review = load_sheet(write_review(workspace, "lecture-notes", paper=paper))
    assert review.paper_id == "lecture-notes" and "Paper" not in {p.field for p in check_sheet(review)}
    with pytest.raises(NotFoundError):
        write_summary(workspace, "lecture-notes")  # without the parsed paper there is nothing to go on


@pytest.mark.parametrize(
    ("total", "expected"),
    [(None, [5, 5, 5, 10, 5]), (30, [5, 5, 5, 10, 5]), (60, [10, 10, 10, 20, 10]), (45, [8, 8, 7, 15, 7]), (5, [1, 1, 1, 1, 1])],
)
def test_time_budget_adds_up_to_the_total(total, expected):
    budget = time_budget(total)
    assert [m for _, m in budget] == expected
    assert sum(m for _, m in budget) == (total or 30)  # the plan adds up, not the expectation


def test_time_budget_rejects_impossible_plans():
    with pytest.raises(UsageError, match="4 minutes cannot hold 5 parts"):
        time_budget(4)
    with pytest.raises(UsageError, match="positive"):
        time_budget(None, (("Intro", 0),))


def test_talk_outline_has_budget_and_hints_from_notes(paper_ws):
    text = write_talk(paper_ws, PAPER_ID, minutes=20, parts=(("Background", 1), ("Main idea", 1), ("Training details", 1), ("Experiments", 1))).read_text(encoding="utf-8")
    assert "- **Length:** 20 minutes" in text
    assert "| Experiments | 5 | 15 |" in text
    assert "### Training details (5 min)\n\n- § 2.3 Training details: Adam, batch 40, 450k iterations." in text
    assert "- Fools people on 32 % of trials (§ 3.1, Table 1)" in text.split("### Experiments")[1]
    assert check_sheet(load_sheet(paper_ws.reviews_dir(PAPER_ID) / "talk.md")) == []


def _write_run(root, plugin="colorization", held=True):
    folder = root / plugin / "20260101T000000Z-abc123"
    folder.mkdir(parents=True)
    (folder / "run.toml").write_text(
        f'[run]\nplugin = "{plugin}"\ncommand = "paperkit reproduce {plugin}"\nseed = 7\nstarted = "2026-01-01T00:00:00Z"\n'
        'finished = "2026-01-01T00:20:00Z"\nstatus = "finished"\ndevice = "cpu"\n\n'
        '[config.optim]\nlr = 0.001\nepochs = 3\n\n[config.data]\nbatch_size = 32\n\n'
        '[git]\ncommit = "0123456789abcdef"\nbranch = "main"\ndirty = false\n\n[versions]\ntorch = "2.4.0"\n',
        encoding="utf-8",
    )
    result = {
        "plugin": plugin,
        "arms": {"baseline": {"accuracy": 0.61}, "method": {"accuracy": 0.66}},
        "claims": [{
            "setting": "CIFAR-10 linear probe", "metric": "accuracy", "source": "Table 2", "note": "",
            "higher_is_better": True, "paper_baseline": 0.60, "paper_method": 0.67,
            "measured_baseline": 0.61, "measured_method": 0.66, "direction_held": held,
        }],
        "config": {}, "seed": 7,
    }
    (folder / "result.json").write_text(json.dumps(result), encoding="utf-8")
    return folder


def test_report_is_filled_from_the_run_record(paper_ws):
    folder = _write_run(paper_ws.runs_root)
    path = write_report(paper_ws, folder.name)  # a run id, found under runs/
    assert path == paper_ws.reviews_dir(PAPER_ID) / "reproduction-report-colorization.md"
    text = path.read_text(encoding="utf-8")
    assert "- CIFAR-10 linear probe: accuracy (Table 2)" in text
    assert "| `optim.lr` | 0.001 |" in text and "Seed: 7." in text
    assert "Commit `0123456789abcdef` on branch `main`" in text
    assert "| CIFAR-10 linear probe | accuracy | 0.6 → 0.67 | 0.61 → 0.66 | yes |" in text
    assert "- **method:** accuracy = 0.66" in text
    assert "moved the way the paper reports" in text
    fields = {p.field for p in check_sheet(load_sheet(path))}
    assert "Methodology / Model" in fields and "What was hard" in fields and "Scope" not in fields


def test_report_of_a_run_recorded_outside_git_says_commit_unknown(paper_ws):
    folder = _write_run(paper_ws.runs_root)
    record = folder / "run.toml"
    text = record.read_text(encoding="utf-8").split("[git]")[0]
    record.write_text(text + '[git]\nin_repo = false\nnote = "not inside a git repository"\n\n[versions]\ntorch = "2.4.0"\n', encoding="utf-8")
    text = write_report(paper_ws, folder.name).read_text(encoding="utf-8")
    assert "- Commit: unknown (the run was not recorded inside a git repository)" in text


def test_report_by_path_with_explicit_paper_and_author(paper_ws):
    folder = _write_run(paper_ws.root / "elsewhere", plugin="other")
    path = write_report(paper_ws, folder, paper_id="1703.04044", author="B")
    assert path == paper_ws.reviews_dir("1703.04044") / "reproduction-report-b.md"


def test_report_errors_are_one_line(paper_ws):
    with pytest.raises(NotFoundError, match="no run 'nope'"):
        write_report(paper_ws, "nope")
    folder = _write_run(paper_ws.runs_root, plugin="unlinked")
    with pytest.raises(NotFoundError, match="reproduction = 'unlinked'"):
        write_report(paper_ws, folder)


def test_every_template_renders_before_any_notes_exist(workspace):
    workspace.library_path.write_text('[papers."2002.05709"]\ntitle = "SimCLR"\nreproduction = "simclr"\n', encoding="utf-8")
    paths = [write_summary(workspace, "2002.05709"), write_talk(workspace, "2002.05709")]
    paths += [write_review(workspace, "2002.05709", form=form) for form in ("neurips", "seminar")]
    paths.append(write_report(workspace, _write_run(workspace.runs_root, plugin="simclr")))
    for path in paths:
        sheet = load_sheet(path)
        assert sheet.paper_id == "2002.05709"
        assert any("empty" in p.message for p in check_sheet(sheet)), path.name  # blanks, not invented text


def test_report_shows_verdicts_and_the_measured_setting_of_a_seeded_run(paper_ws):
    from paperkit.training.plugin import Claim
    from paperkit.training.records import claims_rows

    folder = _write_run(paper_ws.runs_root)
    seeds = [{"baseline": {"accuracy": b}, "method": {"accuracy": m}} for b, m in ((0.60, 0.70), (0.62, 0.71), (0.61, 0.72))]
    claims = [Claim("CIFAR-10 linear probe", "accuracy", 0.60, 0.67, True, "Table 2", datasets=("cifar10",)),
              Claim("any data", "accuracy", None, None, True, "Table 2")]
    result = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    result["claims"] = claims_rows(claims, seeds, datasets=("digits",), setting="digits 16 px")
    (folder / "result.json").write_text(json.dumps(result), encoding="utf-8")
    text = write_report(paper_ws, folder.name).read_text(encoding="utf-8")
    assert "| CIFAR-10 linear probe | accuracy | 0.6 → 0.67 | — → — | not measured |" in text
    assert "| any data; here: digits 16 px | accuracy | None → None | 0.61 ± 0.01 → 0.71 ± 0.01 (3 seeds) | held |" in text
    reproduced = text.split("### Reproduced")[1].split("###")[0]
    assert "any data" in reproduced and "CIFAR-10" not in reproduced


def test_a_reviews_folder_linked_outside_the_workspace_is_refused(paper_ws, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    paper_ws.reviews_root.mkdir(exist_ok=True)
    paper_ws.reviews_dir(PAPER_ID).symlink_to(outside, target_is_directory=True)
    with pytest.raises(UsageError, match="leads outside the workspace") as info:
        write_review(paper_ws, PAPER_ID, reviewer="ann")
    assert "\n" not in str(info.value)
    assert list(outside.iterdir()) == []


def test_a_reviews_folder_linked_inside_the_workspace_is_fine(paper_ws):
    (paper_ws.root / "sheets").mkdir()
    paper_ws.reviews_root.mkdir(exist_ok=True)
    paper_ws.reviews_dir(PAPER_ID).symlink_to(paper_ws.root / "sheets", target_is_directory=True)
    path = write_review(paper_ws, PAPER_ID, reviewer="ann")
    assert (paper_ws.root / "sheets" / path.name).is_file()


def _create_review(root: str, gate, results) -> None:
    import contextlib
    import os
    import threading
    from pathlib import Path

    import paperkit.files
    from paperkit.errors import PaperkitError
    from paperkit.workspace import Workspace

    # Both processes reach the disk write before either writes, whatever the scheduler does: the
    # race a check-then-write loses every time (a lock-based writer times out of the gate instead).
    for name in ("atomic_create_text", "atomic_write_text"):
        def gated(*args, _real=getattr(paperkit.files, name), **kwargs):
            with contextlib.suppress(threading.BrokenBarrierError):
                gate.wait(10)
            return _real(*args, **kwargs)

        setattr(paperkit.files, name, gated)
    os.chdir(root)
    try:
        write_review(Workspace(Path(root)), PAPER_ID, reviewer="ann")
        results.put("wrote")
    except PaperkitError as exc:
        results.put(str(exc))


def test_of_two_concurrent_creators_of_one_sheet_exactly_one_wins(paper_ws):
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    gate, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_create_review, args=(str(paper_ws.root), gate, results)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    outcomes = sorted(results.get(timeout=5) for _ in procs)
    assert outcomes[1] == "wrote"
    assert "already exists" in outcomes[0]
    folder = paper_ws.reviews_dir(PAPER_ID)
    assert [p.name for p in folder.iterdir()] == ["review-ann.md"]  # no temporary file left
