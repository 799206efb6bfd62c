"""The reader's logic without a terminal: pass structure, time, notes store, drafts, links."""

from __future__ import annotations

import json

import pytest

from paperkit.reading.notes import Mark, Notes, ReadingState
from paperkit.tui import reading_list, reproduction
from paperkit.tui.clock import ManualClock
from paperkit.tui.notes_store import NotesStore
from paperkit.tui.session import PASS1_STEPS, ReadingSession, format_duration, paper_id_for, where_for
from tui_support import PAPER_ID, make_paper


def new_session(workspace, clock=None, **kwargs):
    return ReadingSession(make_paper(**kwargs), PAPER_ID, workspace, clock=clock or ManualClock())


def test_pass1_order_and_pass2_sections_run_from_introduction_to_conclusion(workspace):
    session = new_session(workspace)
    assert [key for key, _ in PASS1_STEPS] == ["title", "abstract", "headings", "figures", "conclusion", "introduction", "references"]
    labels = [s.label for s in session.pass2_sections]
    assert labels[0] == "§ 1 Introduction"
    assert labels[-1].endswith("Conclusion")
    assert "§ A Extra results" not in labels  # the appendix is not part of pass 2
    assert "§ 2.1 Details of part 2" in labels


def test_time_is_counted_per_pass_and_long_gaps_are_not_reading_time(workspace):
    clock = ManualClock()
    session = new_session(workspace, clock)
    clock.advance(90)  # longer than one tick: the machine slept
    session.tick()
    assert session.spent(1) == 0
    for _ in range(3):
        clock.advance(20)
        session.tick()
    assert session.spent(1) == 60
    session.go_to_pass(2)
    clock.advance(5)
    session.tick()
    assert (session.spent(1), session.spent(2)) == (60, 5)
    assert format_duration(3725) == "1:02:05" and format_duration(65) == "01:05"


def test_over_budget_after_ten_minutes_of_pass_one(workspace):
    session = new_session(workspace)
    session.state.seconds["1"] = 601
    assert session.over_budget(1) and not session.over_budget(2)


def test_marks_are_cited_by_section_and_found_again(workspace):
    session = new_session(workspace)
    part2 = next(s for s in session.paper.sections if s.number == "2")
    sub = next(s for s in session.paper.sections if s.number == "2.1")
    session.add_claim("beats the baseline on ImageNet", where_for(part2))
    session.add_not_understood("why  the prior\nis smoothed", f"{where_for(sub)}, Fig. 2")
    assert [k for k, _ in session.marks_in(part2)] == ["claim"]
    assert session.marks_in(sub) == [("not understood", Mark("why the prior is smoothed", "§ 2.1, Fig. 2"))]
    assert session.section_for("§ 2.1, Fig. 2") == sub


def test_reference_with_arxiv_id_goes_to_see_also_and_reading_list(workspace):
    session = new_session(workspace)
    message = session.add_reference(session.paper.references[2])
    assert session.notes.see_also == [session.paper.references[2]]
    assert "1703.04044" in message
    session.add_reference("arXiv:1505.05192v3")
    assert session.notes.see_also[-1] == "1505.05192"
    no_id = session.add_reference(session.paper.references[1])
    assert "not to papers.toml" in no_id


def test_paper_id_from_metadata_or_file_name(tmp_path):
    assert paper_id_for(make_paper()) == PAPER_ID
    assert paper_id_for(make_paper(with_metadata=False), "downloads/1603.08511v2.pdf") == "1603.08511"
    assert paper_id_for(make_paper(with_metadata=False), "my paper (final).pdf") == "my-paper-final"


def test_state_survives_a_new_session(workspace):
    session = new_session(workspace)
    session.go_to_pass(2)
    session.go_to_section(3)
    session.state.scroll = 12.0
    session.save()
    again = new_session(workspace)
    assert (again.state.current_pass, again.state.section, again.state.scroll) == (2, 3, 12.0)


def test_store_keeps_both_versions_when_the_file_changed_on_disk(tmp_path):
    clock = ManualClock()
    store = NotesStore(tmp_path, PAPER_ID, clock=clock)
    notes = store.load()
    notes.five_cs["category"] = "a new method"
    first = store.save(notes)
    assert first.conflict_copy is None and first.written
    assert store.save(notes).written is False  # nothing changed, nothing written
    (tmp_path / "notes.md").write_text("# my own edit in another editor\n", encoding="utf-8")
    notes.five_cs["clarity"] = "clear"
    result = store.save(notes)
    assert result.conflict_copy is not None and result.conflict_copy.name == "notes.conflict-20240101-120000.md"
    assert result.conflict_copy.read_text(encoding="utf-8") == "# my own edit in another editor\n"
    assert Notes.parse((tmp_path / "notes.md").read_text(encoding="utf-8")).five_cs["clarity"] == "clear"
    notes.pass1 = "more"
    assert store.save(notes).conflict_copy is None  # after keeping both, saving goes on normally


def test_first_save_does_not_clobber_a_file_written_after_loading(tmp_path):
    store = NotesStore(tmp_path, PAPER_ID)
    notes = store.load()  # no file yet
    (tmp_path / "notes.md").write_text("written meanwhile\n", encoding="utf-8")
    notes.pass1 = "mine"
    assert store.save(notes).conflict_copy.read_text(encoding="utf-8") == "written meanwhile\n"


def test_drafts_are_regenerated_but_hand_edits_are_kept(workspace):
    session = new_session(workspace)
    session.set_five_c("category", "A new method")
    first = session.write_drafts()
    paths = {d.kind: d.path for d in first}
    assert all(p is not None and p.exists() for p in paths.values()), [d.message for d in first]
    session.set_five_c("contributions", "Class rebalancing")
    session.write_drafts()
    summary = paths["summary"]
    summary.write_text(summary.read_text(encoding="utf-8") + "\nMy own paragraph.\n", encoding="utf-8")
    results = {d.kind: d for d in session.write_drafts()}
    assert "kept your edited" in results["summary"].message
    assert summary.read_text(encoding="utf-8").endswith("My own paragraph.\n")
    record = json.loads((session.notes_dir / "drafts.json").read_text(encoding="utf-8"))
    assert set(record) == {"summary", "review"}
    # No path of this machine in the workspace: the record names drafts relative to its root.
    assert record["summary"]["path"] == summary.relative_to(workspace.root).as_posix()


def test_finishing_a_pass_records_it(workspace):
    session = new_session(workspace)
    session.decide("stop")
    messages = session.finish_pass(1)
    assert session.state.finished == [1]
    assert any("status" in m for m in messages)
    assert ReadingState.load(session.notes_dir).finished == [1]
    assert "Stop after pass 1" in (session.notes_dir / "notes.md").read_text(encoding="utf-8")


def test_arxiv_ids_are_found_in_reference_text():
    assert reading_list.arxiv_id_in("Foo. CVPR 2017. arXiv:1703.04044v2") == "1703.04044"
    assert reading_list.arxiv_id_in("hep-th/9901001") == "hep-th/9901001"
    assert reading_list.arxiv_id_in("Let there be color! SIGGRAPH 2016.") is None


def test_reproduction_plugin_found_through_the_registry(workspace):
    plugin = workspace.reproductions_dir / "colour" / "plugin.py"
    plugin.parent.mkdir(parents=True)
    plugin.write_text(
        "from dataclasses import dataclass\n"
        "from paperkit.config import DataConfig\n"
        "from paperkit.training.plugin import Reproduction\n\n"
        "@dataclass(frozen=True)\nclass Config:\n    data: DataConfig = DataConfig()\n\n"
        "class Colour(Reproduction):\n"
        "    name = 'colour-cls'\n    papers = ('2101.00001',)\n    title = 't'\n"
        "    summary = 's'\n    baseline = 'b'\n    config_class = Config\n\n"
        "    def task(self, config, arm, num_classes, ctx):\n        raise NotImplementedError\n\n"
        "    def run(self, config, ctx, arms):\n        return {}\n",
        encoding="utf-8",
    )
    assert reproduction.reproduction_for("2101.00001v2", workspace) == "colour-cls"
    assert reproduction.reproduction_for("9999.99999", workspace) is None
    assert reproduction.reproduction_for("Colour", workspace) is None  # a file-name id names no paper
    assert reproduction.reproduction_for("1603.08511", workspace) == "colorization"  # built-ins too
    assert reproduction.overfit_command("colour-cls") == "paperkit reproduce colour-cls --overfit"


@pytest.mark.parametrize("status", ["pass-1", "pass-3"])
def test_library_status_only_goes_up(workspace, status):
    from paperkit.library import store as library

    with library.Library.edit(workspace) as lib:
        lib.add(library.LibraryEntry(PAPER_ID, title="t", status="pass-2"))
    reading_list.record_pass(workspace, PAPER_ID, int(status[-1]))
    expected = "pass-3" if status == "pass-3" else "pass-2"
    assert library.Library.load(workspace).get(PAPER_ID).status == expected
