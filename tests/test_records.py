"""Run records: run.toml round trip, git state and diff, claims rows, finding runs."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

import pytest

from paperkit.config import DataConfig
from paperkit.errors import NotFoundError
from paperkit.training.plugin import Claim
from paperkit.training.records import (
    claims_rows, claims_table, find_run, finish_run, list_runs, load_run, mean_arms, mean_std, new_run_dir, start_run,
)


@dataclass(frozen=True)
class Cfg:
    data: DataConfig = field(default_factory=DataConfig)
    milestones: tuple[int, ...] = (3, 5)


def test_claims_rows_direction():
    claims = (Claim("s", "err", 5.0, 4.0, False, "Table 1"), Claim("s", "acc", None, None, True, "§ 2"))
    rows = claims_rows(claims, {"baseline": {"err": 3.0, "acc": 0.5}, "method": {"err": 2.0}})
    assert rows[0]["direction_held"] is True and rows[0]["paper_method"] == 4.0
    assert rows[0]["verdict"] == "inconclusive" and rows[0]["verdict_reason"].startswith("1 seed")
    assert rows[1]["measured_method"] is None and rows[1]["direction_held"] is None
    assert rows[1]["verdict"] == "not measured"


def test_claims_rows_over_seeds_and_datasets():
    claims = (
        Claim("CIFAR-10", "err", 5.0, 4.0, False, "Table 1", datasets=("cifar10",)),
        Claim("any data", "err", None, None, False, "Table 1"),
    )
    seeds = [{"baseline": {"err": b}, "method": {"err": m}} for b, m in ((30.0, 5.0), (28.0, 4.0), (29.0, 6.0))]
    cifar, proxy = claims_rows(claims, seeds, datasets=("digits",), setting="digits 16 px")
    # A digits run never fills the CIFAR-10 row ...
    assert cifar["verdict"] == "not measured" and cifar["measured_method"] is None and cifar["method_values"] == []
    assert "cifar10" in cifar["verdict_reason"] and "digits" in cifar["verdict_reason"] and cifar["measured_setting"] == ""
    # ... but does fill the proxy row, labelled with what was measured.
    assert proxy["measured_setting"] == "digits 16 px" and proxy["baseline_values"] == [30.0, 28.0, 29.0]
    assert proxy["measured_baseline"] == pytest.approx(29.0) and proxy["baseline_sd"] == pytest.approx(1.0)
    assert proxy["verdict"] == "held" and proxy["p_value"] < 0.05
    (on_cifar, _) = claims_rows(claims, seeds, datasets=("cifar10",))
    assert on_cifar["verdict"] == "held" and on_cifar["measured_method"] == pytest.approx(5.0)


def test_claims_table_shows_settings_spread_and_verdicts():
    from rich.console import Console

    claims = (Claim("CIFAR-10", "err", 5.0, 4.0, False, "T", datasets=("cifar10",)), Claim("any data", "err", None, None, False, "T"))
    seeds = [{"baseline": {"err": b}, "method": {"err": m}} for b, m in ((30.0, 5.0), (28.0, 4.0), (29.0, 6.0))]
    console = Console(width=160, record=True)
    console.print(claims_table(claims_rows(claims, seeds, datasets=("digits",), setting="digits 16 px")))
    text = console.export_text()
    assert "not measured" in text and "paper's data:" in text and "here: digits 16 px" in text
    assert "29 ± 1" in text and "→ 5 ± 1" in text and "(3 seeds)" in text and "held" in text


def test_mean_arms_averages_numbers_and_keeps_the_rest():
    seeds = [{"method": {"acc": 0.5, "note": "a"}}, {"method": {"acc": 0.7, "note": "b"}}]
    assert mean_arms(seeds) == {"method": {"acc": pytest.approx(0.6), "note": "a"}}


def test_run_round_trip_in_a_dirty_git_repo(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a.txt").write_text("one\n")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    (tmp_path / "a.txt").write_text("two\n")
    (tmp_path / "new.txt").write_text("?\n")
    run_dir = new_run_dir(tmp_path / "runs", "p", Cfg(), now="2024-01-02T03:04:05Z")
    assert run_dir.name.startswith("20240102T030405Z-")
    record = start_run(run_dir, "p", Cfg(), 7, device="cpu", determinism="d", argv=["reproduce", "p"])
    assert "+two" in (run_dir / "diff.patch").read_text()
    finish_run(record, {7: {"baseline": {"acc": 0.5}}}, (Claim("s", "acc", 1, 2, True, "T"),), Cfg())
    loaded = load_run(run_dir)
    assert loaded.status == "finished" and loaded.seed == 7 and loaded.command == "paperkit reproduce p"
    assert loaded.git["dirty"] is True and "new.txt" in loaded.git["untracked"] and loaded.git["branch"]
    assert loaded.config["data"]["data_dir"] is None and loaded.config["milestones"] == [3, 5]
    assert loaded.arms == {"baseline": {"acc": 0.5}}
    assert find_run(tmp_path / "runs", run_dir.name[:10]).path == run_dir
    assert [r.name for r in list_runs(tmp_path / "runs")] == [run_dir.name]
    with pytest.raises(NotFoundError):
        find_run(tmp_path / "runs", "zzz")


def test_mean_std_matches_the_sample_formula():
    mean, std = mean_std([1.0, 2.0, 4.0])
    assert mean == pytest.approx(7 / 3)
    assert std == pytest.approx((((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2) / 2) ** 0.5)


def test_a_whole_run_name_is_found_beside_its_same_second_twin(tmp_path):
    """Two runs of one config started in one second are X and X-2: `--resume X` must mean X."""
    runs = tmp_path / "runs"
    first = new_run_dir(runs, "p", Cfg(), now="2024-01-02T03:04:05Z")
    second = new_run_dir(runs, "p", Cfg(), now="2024-01-02T03:04:05Z")
    assert second.name == first.name + "-2"
    for run_dir in (first, second):
        start_run(run_dir, "p", Cfg(), 0, device="cpu", determinism="d", argv=["reproduce", "p"])
    assert find_run(runs, first.name).path == first
    assert find_run(runs, f"p/{first.name}").path == first
    assert find_run(runs, second.name).path == second
    with pytest.raises(NotFoundError, match="matches 2 runs"):
        find_run(runs, first.name[:12])
