"""Ablations: one change at a time, type-checked up front, mean ± std tables."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from _plugins import add_tiny, plugins_folder
from paperkit.training.ablate import Variation, ablate, markdown_table, parse_vary, variations
from paperkit.errors import UsageError
from paperkit.training.registry import discover



@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return discover(plugins_folder(tmp_path_factory.mktemp("plugins")), entry_points=False).create("tiny").default_config()


def test_variations_change_one_key_at_a_time(base):
    rows = variations(base, ["train.lr=0.1,0.01", "width=4"])
    assert [r.label for r in rows] == ["default", "train.lr=0.1", "train.lr=0.01", "width=4"]
    assert all(len(r.overrides) <= 1 for r in rows)
    with pytest.raises(UsageError, match="width must be int"):
        variations(base, ["width=wide"])
    with pytest.raises(UsageError, match="unknown config key"):
        variations(base, ["nope=1"])
    assert parse_vary("train.milestones=1,2;3,4") == ("train.milestones", ["1,2", "3,4"])


def test_ablate_table_mean_std_against_hand_computation(base):
    seen = []

    def run_one(config, seed, row):
        seen.append((row.label, seed, config.width))
        return {"method": {"acc": config.width + seed}}

    table = ablate(base, [Variation("default"), Variation("width=4", {"width": "4"})], [0, 1], run_one)
    assert seen == [("default", 0, 8), ("default", 1, 8), ("width=4", 0, 4), ("width=4", 1, 4)]
    assert table == {"default": {"method/acc": [8.0, 9.0]}, "width=4": {"method/acc": [4.0, 5.0]}}
    text = markdown_table(table)
    assert "| default | 8.5 ± 0.71 |" in text  # std of (8, 9) with n-1 = 0.707


def test_a_diverged_variation_is_a_row_not_the_end_of_the_ablation(base):
    from paperkit.errors import NonFiniteLoss

    def run_one(config, seed, row):
        if config.width == 4 and seed == 1:
            raise NonFiniteLoss("training diverged: test_loss = nan")
        return {"method": {"acc": float(config.width)}}

    table = ablate(base, [Variation("default"), Variation("width=4", {"width": "4"})], [0, 1], run_one)
    assert table["default"] == {"method/acc": [8.0, 8.0]}
    assert table["width=4"] == {"method/acc": [4.0], "diverged": [1.0]}
    text = markdown_table(table)
    assert "| variation | method/acc | diverged |" in text
    assert "| width=4 | 4 | seeds 1 |" in text and "| default | 8 ± 0 |  |" in text


def test_ablate_command_writes_the_table(workspace):
    add_tiny(workspace.reproductions_dir)
    from paperkit.cli import cli

    result = CliRunner().invoke(cli, ["ablate", "tiny", "--vary", "width=4", "--epochs", "1", "--baseline-only",
                                      "--set", "data.train_size=100", "--set", "data.test_size=50"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (table,) = (workspace.runs_root / "tiny").glob("ablation-*.md")
    text = table.read_text()
    assert "| width=4 |" in text and "baseline/test_accuracy" in text
    assert len(list((workspace.runs_root / "tiny").glob("*/run.toml"))) == 2
