from __future__ import annotations

import pytest

from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.review.templating import find_template, render, template_dirs, todo, without_comments

TEMPLATES = ("summary.md", "review.md", "seminar-review.md", "talk.md", "reproduction-report.md", "coding-report.md", "print.css")


def test_every_packaged_template_is_found_in_the_checkout():
    for name in TEMPLATES:
        assert find_template(name).is_file()


def test_workspace_templates_override_packaged_ones_by_file_name(workspace):
    (workspace.templates_dir).mkdir()
    (workspace.templates_dir / "summary.md").write_text("Custom summary for {{ who }}\n", encoding="utf-8")
    assert template_dirs(workspace)[0] == workspace.templates_dir
    assert render("summary.md", {"who": "the seminar"}, workspace) == "Custom summary for the seminar\n"
    # files the workspace does not override still come from the package
    assert find_template("review.md", workspace) != workspace.templates_dir / "review.md"


def test_unknown_variable_is_one_line_naming_variable_template_and_line(workspace):
    workspace.templates_dir.mkdir()
    (workspace.templates_dir / "summary.md").write_text("# Title\n\n{{ paper.title }}\n{{ reviewr }}\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        render("summary.md", {"paper": {"title": "x"}}, workspace)
    message = str(info.value)
    assert "\n" not in message
    assert "'reviewr'" in message and "summary.md" in message and "line 4" in message
    assert f"your override {workspace.templates_dir / 'summary.md'} is wrong" in message and "delete it" in message


def test_an_error_in_a_packaged_template_is_reported_as_a_bug_not_as_edit_this_file(workspace):
    with pytest.raises(InvalidInputError) as info:
        render("summary.md", {}, workspace)  # the packaged template, given none of its variables
    message = str(info.value)
    assert "bug in paperkit's packaged template" in message and "override" not in message


def test_unknown_attribute_is_named(workspace):
    workspace.templates_dir.mkdir()
    (workspace.templates_dir / "talk.md").write_text("{{ paper.venue }}\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"talk\.md.*'\.venue'"):
        render("talk.md", {"paper": {"title": "x"}}, workspace)


def test_syntax_error_names_file_and_line(workspace):
    workspace.templates_dir.mkdir()
    (workspace.templates_dir / "talk.md").write_text("ok\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"talk\.md, line 2"):
        render("talk.md", {}, workspace)


def test_missing_template_is_not_found():
    with pytest.raises(NotFoundError, match="no template named 'nope.md'"):
        find_template("nope.md")


def test_blanks_are_comments_that_vanish():
    blank = todo("Write  the\nsummary")
    assert blank == "<!-- TODO: Write the summary -->"
    assert without_comments(f"a {blank} b") == "a  b"
