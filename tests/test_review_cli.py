"""The review commands end to end, through `paperkit.cli.main` as a user runs them."""

from __future__ import annotations

import pytest

from _review_samples import PAPER_ID, filled_review, setup_paper


@pytest.fixture
def paper_ws(workspace):
    setup_paper(workspace)
    return workspace


def test_new_check_and_force(paper_ws, run):
    code, out, _ = run("review", "new", PAPER_ID, "--reviewer", "ann")
    assert code == 0 and out == "wrote reviews/1603.08511/review-ann.md\n"
    sheet = paper_ws.reviews_dir(PAPER_ID) / "review-ann.md"
    sheet.write_text("edited\n", encoding="utf-8")
    code, _, err = run("review", "new", PAPER_ID, "--reviewer", "ann")
    assert code == 2 and err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert sheet.read_text(encoding="utf-8") == "edited\n"

    sheet.write_text(filled_review("ann").replace("- **Overall rating (1–10):** 7", "- **Overall rating (1–10):** 11"), encoding="utf-8")
    code, out, err = run("review", "check", PAPER_ID)
    assert code == 1
    assert out == "reviews/1603.08511/review-ann.md: Overall rating: 11 is outside 1–10\n"
    assert err.strip() == "paperkit: error: 1 sheet(s) incomplete (fill in the fields named above, then check again)"
    sheet.write_text(filled_review("ann"), encoding="utf-8")
    code, out, _ = run("review", "check", str(sheet))
    assert code == 0 and out.endswith("review-ann.md: complete\n")


def test_bad_input_is_one_line_each(paper_ws, run):
    for argv, expected in [
        (("review", "new", PAPER_ID, "--form", "acl"), "unknown form preset 'acl'"),
        (("summary", "2101.99999"), "paper 2101.99999 is not in papers.toml (run `paperkit papers add 2101.99999`)"),
        (("review", "check", "2101.99999"), "paper 2101.99999 is not in papers.toml"),
        (("talk", PAPER_ID, "--part", "Intro"), "--part 'Intro' is not NAME=MINUTES"),
        (("review", "export", "--format", "docx"), "unknown export format docx"),
        (("report", "nope"), "no run 'nope'"),
    ]:
        code, out, err = run(*argv)
        assert code != 0, argv
        assert err.count("\n") == 1 and expected in err, (argv, err)
    bad = paper_ws.root / "bad.md"
    bad.write_text("# notes\n\nno form here\n", encoding="utf-8")
    code, _, err = run("review", "check", str(bad))
    assert code == 1 and "is not a paperkit sheet" in err and err.count("\n") == 1


def test_merge_writes_a_meta_review(paper_ws, run):
    folder = paper_ws.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    for name, overall in (("ann", "8"), ("bo", "3"), ("cy", "6")):
        (folder / f"review-{name}.md").write_text(filled_review(name, scores={"Overall rating (1–10)": overall}), encoding="utf-8")
    code, out, _ = run("review", "merge", PAPER_ID)
    assert code == 0 and "wrote reviews/1603.08511/meta-review-neurips.md" in out
    assert "disagreement: Overall rating spreads 5 points" in out
    text = (folder / "meta-review-neurips.md").read_text(encoding="utf-8")
    assert "| Overall rating (1–10) | 8 | 3 | 6 | 5.67 | 5 **disagreement** |" in text
    code, _, err = run("review", "merge", PAPER_ID)
    assert code == 2 and "meta-review-neurips.md already exists" in err

    # The meta-review is a sheet of its own form: checking it by path asks only for the recommendation.
    code, out, _ = run("review", "check", str(folder / "meta-review-neurips.md"))
    assert code == 1 and out.splitlines() == ["reviews/1603.08511/meta-review-neurips.md: Recommendation: empty (only the template's blanks are left)"]
    (folder / "meta-review-neurips.md").write_text(text.replace("<!-- TODO: the meta-reviewer's recommendation and the reasons for it -->", "Accept."), encoding="utf-8")
    code, out, _ = run("review", "check", PAPER_ID)
    assert code == 0 and "reviews/1603.08511/meta-review-neurips.md: complete" in out
    code, _, err = run("review", "merge", PAPER_ID, "--form", "seminar")
    assert code == 2 and "at least two sheets, found 0" in err


def test_merge_leaves_out_invalid_scores_names_failing_sheets_and_keeps_one_meta_review_per_form(paper_ws, run):
    folder = paper_ws.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    seminar = {"How convincing (1–5)": "4", "Confidence (1–5)": "3"}

    def seminar_sheet(name, **scores):
        text = filled_review(name, form="seminar", scores={}).split("## Scores")[0]
        return text + "## Scores\n\n" + "".join(f"- **{label}:** {value}\n" for label, value in {**seminar, **scores}.items())

    (folder / "seminar-review-a.md").write_text(seminar_sheet("A"), encoding="utf-8")
    (folder / "seminar-review-b.md").write_text(seminar_sheet("B", **{"How convincing (1–5)": "7"}), encoding="utf-8")
    (folder / "seminar-review-c.md").write_text(seminar_sheet("C", **{"How convincing (1–5)": "four", "Confidence (1–5)": "4.5"}), encoding="utf-8")
    code, out, err = run("review", "merge", PAPER_ID, "--form", "seminar")
    assert code == 0, err
    assert "warning: seminar-review-b.md: How convincing: 7 is outside 1–5; left out of the mean" in err
    assert "warning: seminar-review-c.md: How convincing: 'four' is not a whole number (1–5); left out of the mean" in err
    assert "warning: seminar-review-c.md: Confidence: '4.5' is not a whole number (1–5); left out of the mean" in err
    assert "warning: seminar-review-a.md fails `paperkit review check`" in err  # seminar sheets lack the seminar sections
    text = (folder / "meta-review-seminar.md").read_text(encoding="utf-8")
    assert "| How convincing (1–5) | 4 | — | — | 4 | 0 | 0 |" in text
    assert "## Weaknesses: by reviewer" not in text and "## Criticism: by reviewer" in text

    for name in ("ann", "bo"):
        (folder / f"review-{name}.md").write_text(filled_review(name, weaknesses=(f"{name}'s weakness (Table 2)",)), encoding="utf-8")
    code, out, err = run("review", "merge", PAPER_ID)
    assert code == 0 and "wrote reviews/1603.08511/meta-review-neurips.md" in out and err == ""
    text = (folder / "meta-review-neurips.md").read_text(encoding="utf-8")
    assert "## Weaknesses: by reviewer\n\n- **ann:** ann's weakness (Table 2)\n- **bo:** bo's weakness (Table 2)" in text
    assert "## Questions for the authors: by reviewer" in text and "## Sheets to fix" not in text
    assert (folder / "meta-review-seminar.md").is_file()  # the other form's meta-review is kept


def test_submit_commits_the_sheet_with_the_reviewer_as_author(paper_ws, run):
    import git

    repo = git.Repo.init(paper_ws.root)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Course Bot")
        config.set_value("user", "email", "bot@example.org")
    folder = paper_ws.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    (folder / "review-ann-lee.md").write_text(filled_review("Ann Lee"), encoding="utf-8")
    (folder / "review-bo.md").write_text(filled_review("bo").split("## Scores")[0], encoding="utf-8")

    # Something else the user staged must not ride along in the reviewer's commit.
    (paper_ws.root / "draft.txt").write_text("unrelated\n", encoding="utf-8")
    repo.index.add(["draft.txt"])

    code, out, _ = run("review", "submit", PAPER_ID, "--reviewer", "Ann Lee")
    assert code == 0 and out.startswith("committed ")
    commit = repo.head.commit
    assert commit.author.name == "Ann Lee" and commit.committer.name == "Course Bot"  # the committer is never rewritten
    assert commit.author.email == "ann-lee@users.noreply.paperkit"
    assert commit.message.strip() == f"review {PAPER_ID}: submit review-ann-lee.md by Ann Lee"
    assert set(commit.stats.files) == {f"reviews/{PAPER_ID}/review-ann-lee.md"}
    assert "draft.txt" in repo.git.diff("--cached", "--name-only")  # still staged, not committed
    code, _, err = run("review", "submit", PAPER_ID, "--reviewer", "Ann Lee")
    assert code == 1 and "nothing to commit" in err and repo.head.commit == commit

    code, _, err = run("review", "submit", PAPER_ID, "--reviewer", "bo")
    assert code == 2 and "review-bo.md: Scores: section missing" in err and "--incomplete" in err
    assert repo.head.commit == commit
    code, _, _ = run("review", "submit", PAPER_ID, "--reviewer", "bo", "--incomplete")
    assert code == 0 and repo.head.commit.message.strip().endswith("(draft) by bo")
    assert repo.head.commit.author.name == "bo"

    code, _, err = run("review", "submit", PAPER_ID, "--reviewer", "nobody")
    assert code == 1 and "no sheets by nobody" in err


def test_submit_outside_git_is_one_line(paper_ws, run):
    folder = paper_ws.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    (folder / "review-ann.md").write_text(filled_review("ann"), encoding="utf-8")
    code, _, err = run("review", "submit", PAPER_ID)
    assert code == 1 and "not inside a git repository" in err and "git init" in err


SEMINAR = (
    '\n[seminar]\n[seminar.groups]\nA = ["Dana Levi"]\nB = ["Noa Katz"]\nC = ["Maya Dor"]\n\n'
    f'[[seminar.sessions]]\ndate = 2026-04-29\npaper = "{PAPER_ID}"\npresenter = "A"\ncoders = ["C"]\nreviewer = "B"\n'
)


def test_export_all_formats_and_a_group_pdf_of_the_groups_own_sheets(paper_ws, run):
    import pymupdf

    paper_ws.library_path.write_text(paper_ws.library_path.read_text() + SEMINAR, encoding="utf-8")
    run("summary", PAPER_ID)
    run("review", "new", PAPER_ID, "--reviewer", "ann")
    code, out, _ = run("review", "export", "--format", "all", "--out", "everything")
    assert code == 0
    names = sorted(p.name for p in (paper_ws.root / "everything").iterdir())
    assert names == [f"{PAPER_ID}-{stem}.{ext}" for stem in ("review-ann", "summary") for ext in ("html", "md", "pdf")]

    # Group A presents: its hand-in is the summary (and the talk, still missing), not ann's review.
    code, out, _ = run("review", "export", "--format", "all", "--group", "A", "--out", "handin")
    assert code == 0
    out_dir = paper_ws.root / "handin"
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [f"{PAPER_ID}-summary.{ext}" for ext in ("html", "md", "pdf")] + ["group-A.pdf"]
    with pymupdf.open(out_dir / "group-A.pdf") as doc:
        cover = doc[0].get_text()
        assert "Dana Levi" in cover and "talk.md (missing)" in cover
        text = "".join(p.get_text() for p in doc)
        assert "Key contributions" in text and "Questions for the authors" not in text
        toc = [(level, title) for level, title, _ in doc.get_toc()]
        assert toc[:2] == [(1, "Cover"), (1, "Summary: Colorful Image Colorization")]
        assert (2, "Key contributions") in toc
        assert (2, "The paper in one paragraph") not in toc  # a section holding only its blank is left out
        assert "DRAFT: incomplete" in doc[1].get_text() and "DRAFT" not in cover
        assert doc.metadata["title"] == "Research seminar: group A"
    code, _, err = run("review", "export", "--group", "B", "--format", "pdf")
    assert code == 1 and "group B has no sheets to export yet" in err
    code, _, err = run("review", "export", "--group", "Z", "--format", "pdf")
    assert code == 1 and "no group 'Z'" in err


def _repo_with_identity(root):
    import git

    repo = git.Repo.init(root)
    with repo.config_writer() as config:
        config.set_value("user", "name", "Course Bot")
        config.set_value("user", "email", "bot@example.org")
    return repo


def test_submit_for_a_seminar_group_commits_the_sheets_of_its_role(paper_ws, run):
    paper_ws.library_path.write_text(paper_ws.library_path.read_text() + SEMINAR, encoding="utf-8")
    repo = _repo_with_identity(paper_ws.root)
    run("summary", PAPER_ID)
    run("talk", PAPER_ID)
    run("review", "new", PAPER_ID, "--reviewer", "ann")
    code, out, _ = run("review", "submit", PAPER_ID, "--group", "A", "--incomplete")
    assert code == 0, out
    commit = repo.head.commit
    assert commit.author.name == "Course Bot"  # no --reviewer: git's own identity
    assert commit.message.rstrip().endswith("\n\nGroup: A")
    assert set(commit.stats.files) == {f"reviews/{PAPER_ID}/summary.md", f"reviews/{PAPER_ID}/talk.md"}
    assert "not pushed yet" in out
    code, _, err = run("review", "submit", PAPER_ID, "--group", "Z")
    assert code == 1 and "no group 'Z'" in err


def test_submit_as_a_student_of_a_group_and_push_to_the_shared_remote(paper_ws, run, tmp_path):
    import git

    paper_ws.library_path.write_text(paper_ws.library_path.read_text() + SEMINAR, encoding="utf-8")
    shared = git.Repo.init(tmp_path / "shared.git", bare=True)
    repo = _repo_with_identity(paper_ws.root)
    repo.index.add(["papers.toml"])
    repo.index.commit("plan")
    repo.create_remote("origin", str(tmp_path / "shared.git"))
    repo.git.push("--set-upstream", "origin", repo.active_branch.name)
    folder = paper_ws.reviews_dir(PAPER_ID)
    (folder).mkdir(parents=True)
    (folder / "seminar-review-b.md").write_text(filled_review("B", form="seminar").split("## Summary")[0], encoding="utf-8")
    (folder / "seminar-review-נועה.md").write_text("# other\n\n- **Form:** seminar\n", encoding="utf-8")

    code, out, err = run("review", "submit", PAPER_ID, "--group", "B", "--reviewer", "נועה", "--email", "noa@uni.example",
                         "--incomplete", "--push")
    assert code == 0, err
    pushed = shared.head.commit if not shared.bare else shared.commit(repo.active_branch.name)
    assert pushed == repo.head.commit and f"pushed to origin/{repo.active_branch.name}" in out
    assert (pushed.author.name, pushed.author.email) == ("נועה", "noa@uni.example")
    assert (pushed.committer.name, pushed.committer.email) == ("Course Bot", "bot@example.org")
    assert pushed.message.rstrip().endswith("Group: B") and "by נועה" in pushed.message.splitlines()[0]
    files = repo.git.execute(["git", "-c", "core.quotepath=off", "show", "--name-only", "--format=", pushed.hexsha]).split()
    assert set(files) == {f"reviews/{PAPER_ID}/seminar-review-b.md", f"reviews/{PAPER_ID}/seminar-review-נועה.md"}

    # Someone else pushed first: the push is refused in one line, the commit stays here.
    other = git.Repo.clone_from(str(tmp_path / "shared.git"), tmp_path / "other")
    with other.config_writer() as config:
        config.set_value("user", "name", "Other")
        config.set_value("user", "email", "o@example.org")
    (tmp_path / "other" / "x.txt").write_text("x\n", encoding="utf-8")
    other.index.add(["x.txt"])
    other.index.commit("other work")
    other.git.push("origin", other.active_branch.name)
    (folder / "seminar-review-b.md").write_text(filled_review("B", form="seminar"), encoding="utf-8")
    code, out, err = run("review", "submit", PAPER_ID, "--group", "B", "--incomplete", "--push")
    assert code == 1 and err.count("\n") == 1 and "git could not push to origin" in err and "git pull --rebase" in err
    assert repo.head.commit != pushed and "committed" in out


def test_workspace_forms_add_a_course_preset(paper_ws, run):
    paper_ws.templates_dir.mkdir()
    forms = paper_ws.templates_dir / "forms.toml"
    forms.write_text(
        '[course]\nbased_on = "neurips"\ndescription = "course review"\n\n'
        '[[course.scores]]\nkey = "soundness"\n\n'
        '[[course.scores]]\nkey = "overall"\nlabel = "Overall"\nrange = [1, 5]\n',
        encoding="utf-8",
    )
    code, out, _ = run("review", "new", PAPER_ID, "--form", "course", "--reviewer", "eve")
    assert code == 0 and out == "wrote reviews/1603.08511/review-eve.md\n"
    sheet = paper_ws.reviews_dir(PAPER_ID) / "review-eve.md"
    text = sheet.read_text(encoding="utf-8")
    assert "- **Form:** course (course review)" in text and "- **Overall (1–5):**" in text and "Presentation" not in text
    filled = filled_review("eve", form="course").split("## Scores")[0] + "## Scores\n\n- **Soundness (1–4):** 3\n- **Overall (1–5):** 6\n"
    sheet.write_text(filled, encoding="utf-8")
    code, out, _ = run("review", "check", str(sheet))
    assert code == 1 and out.strip().endswith("Overall: 6 is outside 1–5")

    forms.write_text('[course]\nbased_on = "acl"\n', encoding="utf-8")
    code, _, err = run("review", "new", PAPER_ID, "--form", "course", "--reviewer", "fay")
    assert code == 1 and err.count("\n") == 1 and "templates/forms.toml: [course].based_on names no known form: 'acl'" in err
    assert not (paper_ws.reviews_dir(PAPER_ID) / "review-fay.md").exists()


def test_report_command(paper_ws, run):
    from test_documents import _write_run

    folder = _write_run(paper_ws.runs_root)
    code, out, _ = run("report", str(folder), "--author", "B")
    assert code == 0 and out == "wrote reviews/1603.08511/reproduction-report-b.md\n"


def test_unicode_names_get_their_own_sheets_and_path_characters_are_refused(paper_ws, run):
    made = []
    for name in ("יעל", "נועה", "张伟", "Yael Sadé", "Yael Sade"):
        code, out, err = run("review", "new", PAPER_ID, "--form", "seminar", "--reviewer", name)
        assert code == 0, err
        made.append(out.strip().removeprefix(f"wrote reviews/{PAPER_ID}/"))
    assert made == ["seminar-review-יעל.md", "seminar-review-נועה.md", "seminar-review-张伟.md",
                    "seminar-review-yael-sadé.md", "seminar-review-yael-sade.md"]
    text = (paper_ws.reviews_dir(PAPER_ID) / "seminar-review-נועה.md").read_text(encoding="utf-8")
    assert "- **Reviewer:** נועה" in text
    for name in ("../evil", "a/b", "x\\y", "..", "!!!"):
        code, _, err = run("review", "new", PAPER_ID, "--reviewer", name)
        assert code == 2 and err.count("\n") == 1 and "file name" in err, (name, err)
    assert sorted(p.name for p in paper_ws.root.rglob("*evil*")) == []


def test_a_conflicted_merge_is_caught_by_check_export_and_submit(paper_ws, run):
    import git

    repo = _repo_with_identity(paper_ws.root)
    folder = paper_ws.reviews_dir(PAPER_ID)
    folder.mkdir(parents=True)
    sheet = folder / "review-ann.md"
    sheet.write_text(filled_review("ann"), encoding="utf-8")
    repo.index.add(["papers.toml", str(sheet.relative_to(paper_ws.root))])
    repo.index.commit("first")
    main_branch = repo.active_branch.name
    repo.git.checkout("-b", "other")
    sheet.write_text(filled_review("ann", strengths=("Theirs (§ 2)",)), encoding="utf-8")
    repo.git.commit("-am", "theirs")
    repo.git.checkout(main_branch)
    sheet.write_text(filled_review("ann", strengths=("Mine (§ 3)",)), encoding="utf-8")
    repo.git.commit("-am", "mine")
    with pytest.raises(git.GitCommandError):
        repo.git.merge("other")

    code, out, _ = run("review", "check", PAPER_ID)
    assert code == 1 and "review-ann.md: git conflict: unresolved conflict markers on lines" in out
    code, _, err = run("review", "export", PAPER_ID, "--format", "html")
    assert code == 1 and err.count("\n") == 1 and "unresolved git conflict markers on line" in err
    assert not (paper_ws.root / "exports").exists()
    code, _, err = run("review", "submit", PAPER_ID, "--reviewer", "ann", "--incomplete")
    assert code == 2 and err.count("\n") == 1 and f"git conflict not resolved in reviews/{PAPER_ID}/review-ann.md" in err
    # resolved in git but the markers left in the text: still refused, even as a draft
    repo.git.add(str(sheet.relative_to(paper_ws.root)))
    code, _, err = run("review", "submit", PAPER_ID, "--reviewer", "ann", "--incomplete")
    assert code == 2 and "conflict markers" in err and "not even with --incomplete" in err


def test_export_warns_about_incomplete_sheets(paper_ws, run):
    run("summary", PAPER_ID)
    code, out, err = run("review", "export", PAPER_ID, "--format", "html")
    assert code == 0
    assert err.startswith("warning: reviews/1603.08511/summary.md is incomplete (3 problem(s), first: The paper in one paragraph")  # what I learned and what surprised me are blanks too
    assert "DRAFT" in (paper_ws.root / "exports" / f"{PAPER_ID}-summary.html").read_text(encoding="utf-8")


def test_a_coding_group_without_a_paperkit_run_gets_its_own_sheet(paper_ws, run):
    code, out, err = run("report", "--paper", PAPER_ID, "--author", "B")
    assert code == 0 and out == "wrote reviews/1603.08511/reproduction-report-b.md\n", err
    sheet = paper_ws.reviews_dir(PAPER_ID) / "reproduction-report-b.md"
    text = sheet.read_text(encoding="utf-8")
    assert "- **Form:** coding" in text and "- The authors' code: https://github.com/richzhang/colorization" in text
    code, out, _ = run("review", "check", str(sheet))
    assert code == 1 and [line.split(": ", 2)[1] for line in out.splitlines()] == ["Task", "Approach", "Results", "What was hard"]  # Code holds the authors' link already
    filled = text
    for heading in ("Task", "Approach", "Results", "What was hard", "Code"):
        filled = filled.replace(f"## {heading}\n", f"## {heading}\n\nWritten for {heading}: see https://colab.example/nb (§ 2).\n")
    sheet.write_text(filled, encoding="utf-8")
    code, out, _ = run("review", "check", str(sheet))
    assert code == 0 and out.endswith("complete\n")
    code, _, err = run("report")
    assert code == 2 and "give a RUN, or --paper ID" in err
