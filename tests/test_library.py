from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest

from paperkit.errors import InvalidInputError, NotFoundError, PaperkitError, UsageError
from paperkit.library.store import STATUSES, Library, LibraryEntry, entry_from_metadata
from paperkit.reading.paper import Metadata
from paperkit.workspace import Workspace

REPO_ROOT = Path(__file__).resolve().parents[1]

HAND_WRITTEN = """\
# My reading list -- keep this comment
[seminar]
date = 2024-06-01
slots = ["1603.08511"]

# colourisation first
[papers."1603.08511"]
title = "Colorful Image Colorization"  # the ECCV paper
authors = ["Richard Zhang", "Phillip Isola", "Alexei A. Efros"]
year = 2016
categories = ["cs.CV"]
status = "pass-1"
my_own_key = "kept"

[papers."hep-th/9901001"]
title = "An old-style paper"
"""


def _write(ws: Workspace, text: str) -> None:
    ws.library_path.write_text(text, encoding="utf-8")


def test_empty_workspace_has_no_entries(workspace):
    lib = Library.load(workspace)
    assert lib.entries() == []
    assert lib.get("1603.08511") is None
    assert lib.section("seminar") == {}


def test_reads_entries_in_file_order(workspace):
    _write(workspace, HAND_WRITTEN)
    lib = Library.load(workspace)
    entries = lib.entries()
    assert [e.id for e in entries] == ["1603.08511", "hep-th/9901001"]
    first = entries[0]
    assert first.authors == ("Richard Zhang", "Phillip Isola", "Alexei A. Efros")
    assert first.year == 2016 and first.status == "pass-1" and first.primary_category == "cs.CV"
    assert entries[1].status == "to-read" and entries[1].authors == ()
    assert lib.get("arXiv:1603.08511v2").id == "1603.08511"
    assert lib.get("https://arxiv.org/abs/hep-th/9901001").title == "An old-style paper"
    assert lib.section("seminar") == {"date": dt.date(2024, 6, 1), "slots": ["1603.08511"]}


def test_edits_keep_comments_ordering_and_unknown_keys(workspace):
    _write(workspace, HAND_WRITTEN)
    with Library.edit(workspace) as lib:
        lib.update("1603.08511", status="pass-2", tags=["colorization", "self-supervised"])
        lib.add(LibraryEntry(id="2004.11362v3", title="Supervised Contrastive Learning", year=2020, added=dt.date(2024, 5, 1)))
    text = workspace.library_path.read_text()
    assert text.startswith("# My reading list -- keep this comment\n[seminar]")
    assert "# colourisation first" in text and "# the ECCV paper" in text and 'my_own_key = "kept"' in text
    assert text.index("1603.08511") < text.index("hep-th/9901001") < text.index('[papers."2004.11362"]')
    lib = Library.load(workspace)
    assert lib.get("1603.08511").status == "pass-2"
    assert lib.get("1603.08511").tags == ("colorization", "self-supervised")
    new = lib.get("2004.11362")
    assert new.version == 3 and new.added == dt.date(2024, 5, 1) and new.status == "to-read"
    assert "added = 2024-05-01" in text


def test_update_with_none_removes_a_field_and_remove_deletes(workspace):
    _write(workspace, HAND_WRITTEN)
    with Library.edit(workspace) as lib:
        lib.update("1603.08511", categories=None)
        removed = lib.remove("hep-th/9901001")
    assert removed.title == "An old-style paper"
    lib = Library.load(workspace)
    assert lib.get("1603.08511").categories == ()
    assert lib.ids() == ["1603.08511"]


def test_add_to_a_fresh_library_writes_papers_tables(workspace):
    with Library.edit(workspace) as lib:
        lib.add(LibraryEntry(id="1710.09412", title="mixup", authors=("A", "B", "C", "D"), tags=("aug",)))
    text = workspace.library_path.read_text()
    assert '[papers."1710.09412"]' in text
    assert "[papers]\n" not in text
    assert Library.load(workspace).get("1710.09412").authors == ("A", "B", "C", "D")


def test_duplicates_unknown_fields_and_bad_status_are_refused_without_writing(workspace):
    _write(workspace, HAND_WRITTEN)
    before = workspace.library_path.read_bytes()
    with pytest.raises(UsageError, match="already in"):
        with Library.edit(workspace) as lib:
            lib.update("1603.08511", status="reviewed")
            lib.add(LibraryEntry(id="arXiv:1603.08511"))
    with pytest.raises(UsageError, match="unknown library field 'colour'"):
        with Library.edit(workspace) as lib:
            lib.update("1603.08511", colour="red")
    with pytest.raises(UsageError, match="unknown status"):
        with Library.edit(workspace) as lib:
            lib.update("1603.08511", status="skimmed")
    with pytest.raises(NotFoundError, match="1111.1111 is not in papers.toml"):
        with Library.edit(workspace) as lib:
            lib.remove("1111.1111")
    assert workspace.library_path.read_bytes() == before


def test_syntax_error_reports_file_line_and_column_and_leaves_file_untouched(workspace):
    broken = '[papers."1603.08511"]\ntitle = "ok"\nyear = 20 16\n'
    _write(workspace, broken)
    with pytest.raises(InvalidInputError) as info:
        with Library.edit(workspace) as lib:
            lib.add(LibraryEntry(id="1710.09412"))
    message = str(info.value)
    assert f"{workspace.library_path}:3:" in message and "TOML syntax error" in message
    assert "\n" not in message
    assert workspace.library_path.read_text() == broken


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ('status = "skimmed"', "status 'skimmed'"),
        ("year = \"2016\"", "year = '2016' should be an integer"),
        ("authors = [1, 2]", "authors should be a list of strings"),
        ('added = "yesterday"', "should be a date"),
    ],
)
def test_bad_values_name_the_paper_and_key(workspace, body, complaint):
    _write(workspace, f'[papers."1603.08511"]\n{body}\n')
    with pytest.raises(InvalidInputError) as info:
        Library.load(workspace)
    assert '[papers."1603.08511"]' in str(info.value) and complaint in str(info.value)


def test_entry_from_metadata_puts_primary_category_first():
    meta = Metadata(
        arxiv_id="2004.11362", version=5, title="Supervised Contrastive Learning", authors=("Prannay Khosla",),
        categories=("cs.CV", "cs.LG", "stat.ML"), primary_category="cs.LG", published="2020-04-23T17:58:56Z",
    )
    entry = entry_from_metadata(meta, tags=("contrastive",))
    assert entry.categories == ("cs.LG", "cs.CV", "stat.ML")
    assert entry.year == 2020 and entry.version == 5 and entry.tags == ("contrastive",)


def _add_many(root: str, worker: int, count: int, start) -> None:
    start.wait()
    for i in range(count):
        with Library.edit(Workspace(Path(root))) as lib:
            lib.add(LibraryEntry(id=f"local-{worker}-{i}", title=f"paper {worker}.{i}"))


def test_concurrent_adds_from_several_processes_all_survive(workspace):
    ctx = multiprocessing.get_context("fork")
    start = ctx.Event()
    workers = [ctx.Process(target=_add_many, args=(str(workspace.root), w, 5, start)) for w in range(4)]
    for p in workers:
        p.start()
    start.set()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    ids = Library.load(workspace).ids()
    assert sorted(ids) == sorted(f"local-{w}-{i}" for w in range(4) for i in range(5))


def test_statuses_are_the_documented_ones():
    assert STATUSES == ("to-read", "pass-1", "pass-2", "pass-3", "reviewed")


def test_repository_reading_list_loads_offline():
    lib = Library.load(REPO_ROOT / "papers.toml")
    entries = {e.id: e for e in lib.entries()}
    assert list(entries) == ["1603.08511", "1703.04044", "2004.11362", "1710.09412", "1803.03635", "1611.03530"]
    assert entries["1603.08511"].title == "Colorful Image Colorization"
    assert entries["2004.11362"].categories == ("cs.LG", "cs.CV", "stat.ML")
    assert entries["1803.03635"].reproduction == "lottery_ticket"
    assert entries["1611.03530"].authors[-1] == "Oriol Vinyals"
    for entry in entries.values():
        assert entry.title and entry.authors and entry.year and entry.categories
    assert "abstract =" not in (REPO_ROOT / "papers.toml").read_text()


# -- bad files: one line each, nothing written ---------------------------------------------------


def test_a_byte_order_mark_is_read_and_kept(workspace):
    workspace.library_path.write_bytes(b"\xef\xbb\xbf" + HAND_WRITTEN.encode())
    assert Library.load(workspace).get("1603.08511").title == "Colorful Image Colorization"
    with Library.edit(workspace) as lib:
        lib.update("1603.08511", status="reviewed")
    raw = workspace.library_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# My reading list") and raw.count(b"\xef\xbb\xbf") == 1
    assert Library.load(workspace).get("1603.08511").status == "reviewed"


def test_git_conflict_markers_are_named_with_their_line(workspace):
    conflicted = HAND_WRITTEN.replace(
        'status = "pass-1"\n', '<<<<<<< HEAD\nstatus = "pass-1"\n=======\nstatus = "pass-2"\n>>>>>>> origin/main\n'
    )
    _write(workspace, conflicted)
    with pytest.raises(InvalidInputError) as info:
        Library.load(workspace)
    line = conflicted.splitlines().index("<<<<<<< HEAD") + 1
    assert str(info.value).startswith(f"{workspace.library_path}:{line}: unresolved git merge conflict")
    assert "Empty key" not in str(info.value)


@pytest.mark.parametrize("key", ["..", "../../etc", "a/b", ".hidden", ""])
def test_keys_that_are_neither_arxiv_ids_nor_names_are_refused_at_load(workspace, key):
    _write(workspace, f'[papers."{key}"]\ntitle = "x"\n')
    with pytest.raises(InvalidInputError, match="neither an arXiv id nor a paper name") as info:
        Library.load(workspace)
    assert "\n" not in str(info.value)


def test_local_names_and_any_arxiv_spelling_are_keys(workspace):
    _write(workspace, '[papers."zhang2016:colorful-v1.2"]\ntitle = "x"\n[papers."arXiv:1603.08511v2"]\ntitle = "y"\n')
    lib = Library.load(workspace)
    assert lib.ids() == ["zhang2016:colorful-v1.2", "1603.08511"]
    assert lib.get("1603.08511").version == 2


def test_adding_a_path_like_id_is_refused(workspace):
    with pytest.raises(UsageError, match="neither an arXiv id nor a paper name"):
        with Library.edit(workspace) as lib:
            lib.add(LibraryEntry(id=".."))


def test_one_paper_under_two_spellings_is_refused_at_load(workspace):
    _write(workspace, '[papers."1603.08511"]\ntitle = "x"\n\n[papers."arXiv:1603.08511v2"]\ntitle = "x"\n')
    with pytest.raises(InvalidInputError, match=r'\[papers."1603.08511"\] and \[papers."arXiv:1603.08511v2"\] are the same paper'):
        Library.load(workspace)


def test_a_paper_under_another_spelling_is_found_refused_twice_and_removed(workspace):
    _write(workspace, '[papers."arXiv:1603.08511v2"]\ntitle = "x"\n')
    with pytest.raises(UsageError, match="already in"):
        with Library.edit(workspace) as lib:
            lib.add(LibraryEntry(id="1603.08511"))
    with Library.edit(workspace) as lib:
        assert lib.remove("https://arxiv.org/abs/1603.08511").id == "1603.08511"
    assert Library.load(workspace).entries() == []
    assert "1603.08511" not in workspace.library_path.read_text()


def test_a_read_only_library_is_one_line_and_stays(workspace):
    _write(workspace, HAND_WRITTEN)
    workspace.library_path.chmod(0o444)
    try:
        with pytest.raises(PaperkitError, match="papers.toml is read-only") as info:
            with Library.edit(workspace) as lib:
                lib.update("1603.08511", status="reviewed")
        assert "chmod u+w papers.toml" in str(info.value)
        assert workspace.library_path.read_text() == HAND_WRITTEN
        assert workspace.library_path.stat().st_mode & 0o777 == 0o444
    finally:
        workspace.library_path.chmod(0o644)


def test_a_library_that_is_a_folder_is_one_line(tmp_path):
    (tmp_path / "papers.toml").mkdir()
    with pytest.raises(InvalidInputError, match="is a folder, not the library file"):
        Library.load(tmp_path / "papers.toml")
    with pytest.raises(InvalidInputError, match="is a folder, not the library file"):
        with Library.edit(tmp_path / "papers.toml"):
            pass


# -- edits touch only what changes ----------------------------------------------------------------


def test_an_edit_rewrites_only_the_changed_table(workspace):
    text = HAND_WRITTEN + '\n[papers."1710.09412"]   # mixup\ntitle   =   "mixup"   # odd spacing kept\n'
    _write(workspace, text)
    with Library.edit(workspace) as lib:
        lib.update("hep-th/9901001", status="pass-3")
    new = workspace.library_path.read_text()
    start = text.index('[papers."hep-th/9901001"]')
    end = text.index('\n[papers."1710.09412"]')
    assert new[:start] == text[:start]  # every byte before the table
    assert new.endswith(text[end:])  # and after it
    assert 'status = "pass-3"' in new[start:]


def test_papers_written_as_inline_tables_are_edited_through_the_whole_document(workspace):
    _write(workspace, '# mine\n[papers]\n"1603.08511" = { title = "Colorful Image Colorization" }  # inline\n')
    with Library.edit(workspace) as lib:
        lib.update("1603.08511", status="pass-1")
        lib.add(LibraryEntry(id="1710.09412", title="mixup"))
    text = workspace.library_path.read_text()
    assert text.startswith("# mine\n") and "# inline" in text
    lib = Library.load(workspace)
    assert lib.get("1603.08511").status == "pass-1" and lib.get("1710.09412").title == "mixup"


def test_a_header_like_line_inside_a_multiline_string_does_not_fool_the_edit(workspace):
    text = '[papers."1603.08511"]\ntitle = "x"\nnote = """\n[papers."1710.09412"]\n"""\n'
    _write(workspace, text)
    with Library.edit(workspace) as lib:
        lib.update("1603.08511", status="pass-2")
    entry = Library.load(workspace).get("1603.08511")
    assert entry.status == "pass-2" and Library.load(workspace).ids() == ["1603.08511"]


def test_removing_the_last_paper_keeps_the_other_sections(workspace):
    _write(workspace, HAND_WRITTEN)
    with Library.edit(workspace) as lib:
        lib.remove("1603.08511")
        lib.remove("hep-th/9901001")
    lib = Library.load(workspace)
    assert lib.entries() == [] and lib.section("seminar")["slots"] == ["1603.08511"]
    assert workspace.library_path.read_text().startswith("# My reading list -- keep this comment\n[seminar]")


def test_the_document_edits_other_sections_with_papers(workspace):
    _write(workspace, HAND_WRITTEN)
    with Library.edit(workspace) as lib:
        lib.document["seminar"]["slots"].append("1710.09412")
        lib.add(LibraryEntry(id="1710.09412", title="mixup"))
        assert lib.section("seminar")["slots"] == ["1603.08511", "1710.09412"]
    lib = Library.load(workspace)
    assert lib.section("seminar")["slots"] == ["1603.08511", "1710.09412"] and "1710.09412" in lib
    assert "# colourisation first" in workspace.library_path.read_text()


def test_section_values_are_copies(workspace):
    _write(workspace, HAND_WRITTEN)
    Library.load(workspace).section("seminar")["slots"].append("changed")
    assert Library.load(workspace).section("seminar")["slots"] == ["1603.08511"]


def test_a_removal_cut_short_by_a_header_inside_a_string_is_caught_before_writing(workspace):
    # The cut for 1710.09412 would end at the fake [other] header; tomllib's check sends the edit to tomlkit.
    _write(workspace, '[papers."1603.08511"]\ntitle = "a"\n\n[papers."1710.09412"]\nnote = """\n[other]\n"""\n')
    with Library.edit(workspace) as lib:
        lib.remove("1710.09412")
    lib = Library.load(workspace)
    assert lib.ids() == ["1603.08511"] and "other" not in lib.section("other")


def test_a_new_paper_never_lands_inside_the_last_papers_multiline_string(workspace):
    _write(workspace, '[papers."1603.08511"]\nnote = """\n[other]\n"""\n')
    with Library.edit(workspace) as lib:
        lib.add(LibraryEntry(id="1710.09412", title="mixup"))
    lib = Library.load(workspace)
    assert lib.ids() == ["1603.08511", "1710.09412"] and lib.section("papers")["1603.08511"]["note"] == "[other]\n"


def test_a_paper_added_after_an_inline_papers_table_goes_into_it(workspace):
    _write(workspace, "papers = {}\n")
    with Library.edit(workspace) as lib:
        lib.add(LibraryEntry(id="1710.09412", title="mixup"))
    assert Library.load(workspace).ids() == ["1710.09412"]


def test_reading_never_imports_tomlkit(workspace):
    import subprocess
    import sys

    _write(workspace, HAND_WRITTEN)
    code = (
        "import sys; from paperkit.library.store import Library; "
        f"lib = Library.load({str(workspace.library_path)!r}); lib.entries(); lib.section('seminar'); "
        "print('tomlkit' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_lock_that_cannot_be_made_is_one_line(workspace, monkeypatch):
    import contextlib

    from paperkit.library import store

    @contextlib.contextmanager
    def read_only_folder(path):
        raise PermissionError(13, "Permission denied", str(path) + ".lock")
        yield

    monkeypatch.setattr(store, "locked", read_only_folder)
    with pytest.raises(PaperkitError, match="the folder is read-only; paperkit has not changed anything"):
        with Library.edit(workspace) as lib:
            lib.add(LibraryEntry(id="1710.09412"))
