from __future__ import annotations

from paperkit.reading.notes import Mark, Notes, ReadingState, load_notes, save_notes


def realistic_notes() -> Notes:
    return Notes(
        paper_id="1603.08511",
        title="Colorful Image Colorization",
        five_cs={
            "category": "New method: colorization as classification over quantized ab bins.",
            "context": "Builds on regression colorization (Cheng et al.) and\nself-supervised pretext tasks.",
            "correctness": "Assumes the ab prior of ImageNet transfers.",
            "contributions": "Class rebalancing; annealed mean; a colorization Turing test.",
            "clarity": "Clear, well illustrated.",
        },
        decision="continue",
        decision_reason="I will present it in the seminar",
        sections={"§ 1 Introduction": "Regression gives desaturated colours.", "§ 2.1 Objective": ""},
        claims=[Mark("Fools humans on 32 % of trials", "§ 3.1, Table 1"), Mark("rebalancing raises saturation")],
        not_understood=[Mark("why T = 0.38 exactly", "Fig. 3")],
        see_also=["1703.04044 — Colorization as a Proxy Task for Visual Understanding"],
        critical={"baselines": "No comparison with GAN colorization.", "ablations": "Varies loss and rebalancing at once in Table 2."},
        code="github: richzhang/colorization, caffe",
    )


def test_render_parse_round_trip():
    notes = realistic_notes()
    text = notes.render()
    assert "## Pass 1" in text and "## Pass 2" in text and "## Pass 3" in text
    assert "- Fools humans on 32 % of trials (§ 3.1, Table 1)" in text
    assert Notes.parse(text) == notes


def test_hand_edits_under_unknown_headings_survive(tmp_path):
    notes = realistic_notes()
    text = notes.render().replace("## Pass 3", "### My diagram\n\nA -> B\n\n## Pass 3") + "\n## Questions for the mentor\n\nAsk about Lab.\n"
    parsed = Notes.parse(text)
    assert parsed.sections["My diagram"] == "A -> B"
    assert "Ask about Lab." in parsed.render()
    assert Notes.parse(parsed.render()) == parsed


def test_save_and_load(tmp_path):
    notes = realistic_notes()
    save_notes(tmp_path, notes)
    assert load_notes(tmp_path, "1603.08511") == notes
    assert load_notes(tmp_path / "none", "x").paper_id == "x"


def test_reading_state_round_trip(tmp_path):
    state = ReadingState(current_pass=2, section=3, scroll=12.5, finished=[1])
    state.save(tmp_path)
    assert ReadingState.load(tmp_path) == state
