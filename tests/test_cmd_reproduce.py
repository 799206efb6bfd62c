"""The reproduction commands end to end on the tiny test plugin (what `new-reproduction` scaffolds)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from _plugins import TINY_PAPER, TINY_TITLE, add_broken, add_tiny
from paperkit.cli import cli

# Smaller than the plugin's defaults: the commands' behaviour, not the learning, is under test.
SMALL = ("--set", "data.train_size=100", "--set", "data.test_size=50")


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def tiny_workspace(workspace):
    add_tiny(workspace.reproductions_dir)
    return workspace


def test_reproductions_lists_name_paper_claims_without_torch(tiny_workspace):
    code = (
        "import sys; from paperkit.cli import main; main(['reproductions'])"
    )
    unloaded = "; assert not {'torch', 'sklearn', 'skimage', 'scipy'} & set(sys.modules)"
    done = subprocess.run([sys.executable, "-c", code + unloaded],
                          capture_output=True, text=True, cwd=tiny_workspace.root)
    assert done.returncode == 0, done.stderr
    assert f"tiny  arXiv {TINY_PAPER}  {TINY_TITLE}" in done.stdout and "test_accuracy" in done.stdout


@pytest.mark.slow
def test_reproduce_records_the_run_and_prints_claims(tiny_workspace):
    result = invoke("reproduce", "tiny", "--epochs", "1", "--set", "width=4", "--seed", "3", "--seeds", "1", *SMALL)
    assert result.exit_code == 0, result.output
    assert "Claims:" in result.output and "inconclusive" in result.output and "run recorded in" in result.output
    assert "here: shapes 32 px" in result.output  # the measured setting beside the paper's
    (run_dir,) = (tiny_workspace.runs_root / "tiny").iterdir()
    from paperkit.training.records import load_run

    record = load_run(run_dir)
    assert record.status == "finished" and record.seed == 3 and record.seeds == [3]
    assert record.config["width"] == 4 and record.config["train"]["epochs"] == 1
    assert record.config["data"]["data_dir"] is None and record.config["data"]["train_size"] == 100
    assert record.git == {"in_repo": False, "note": "the workspace is not inside a git repository"}
    assert set(record.arms) == {"baseline", "method"}
    (claim,) = record.result["claims"]
    assert claim["metric"] == "test_accuracy" and claim["verdict"] == "inconclusive"
    assert claim["verdict_reason"].startswith("1 seed") and claim["measured_setting"].startswith("shapes 32 px")
    assert len(record.metrics()) == 2
    assert "torch" in record.versions and record.command.startswith("paperkit")

    shown = invoke("runs", "show", run_dir.name)
    assert "width = 4" in shown.output and "not a git repository" in shown.output
    assert "tiny/" in invoke("runs", "list").output


@pytest.mark.slow
def test_precision_is_recorded_and_a_resumed_run_keeps_it(tiny_workspace):
    from paperkit.training.records import load_run

    result = invoke("reproduce", "tiny", "--epochs", "1", "--precision", "bf16", "--seeds", "1", *SMALL)
    assert result.exit_code == 0, result.output
    (run_dir,) = (tiny_workspace.runs_root / "tiny").iterdir()
    record = load_run(run_dir)
    assert record.extra["precision"] == "bf16" and record.extra["memory_format"] == "channels_last"
    measured = record.arms["method"]
    # Pretend the run stopped before the method arm; resuming without --precision must train it in bf16 again.
    (run_dir / "checkpoints" / "method.done.pt").unlink()
    record.status = "interrupted"
    record.save()
    resumed = invoke("reproduce", "tiny", "--resume", run_dir.name)
    assert resumed.exit_code == 0, resumed.output
    again = load_run(run_dir)
    assert again.extra["precision"] == "bf16" and again.arms["method"] == measured
    fp32 = invoke("reproduce", "tiny", "--epochs", "1", "--seeds", "1", *SMALL)
    assert fp32.exit_code == 0, fp32.output
    (other,) = [p for p in (tiny_workspace.runs_root / "tiny").iterdir() if p != run_dir]
    assert load_run(other).extra["precision"] == "fp32"
    assert load_run(other).arms["method"] != measured  # bf16 arithmetic really was used
    assert "device cpu, bf16 channels_last, seeded" in invoke("runs", "show", run_dir.name).output
    bad = CliRunner().invoke(cli, ["reproduce", "tiny", "--precision", "fp16"])
    assert bad.exit_code == 2 and "fp16" in bad.output


def test_config_errors_name_the_key_and_type(tiny_workspace):
    result = CliRunner().invoke(cli, ["reproduce", "tiny", "--set", "train.lr=fast"])
    assert result.exit_code != 0 and "train.lr must be float" in str(result.exception)
    result = CliRunner().invoke(cli, ["reproduce", "tiny", "--set", "train.nope=1"])
    assert "unknown config key 'train.nope'" in str(result.exception)


def test_missing_resume_run_is_an_error_not_a_fresh_start(tiny_workspace):
    result = CliRunner().invoke(cli, ["reproduce", "tiny", "--resume", "20990101"])
    assert result.exit_code != 0 and "no run '20990101'" in str(result.exception)
    assert not (tiny_workspace.runs_root / "tiny").exists()


@pytest.mark.slow
def test_scaffolded_plugin_passes_its_own_overfit_check_and_a_broken_one_fails(workspace):
    created = invoke("new-reproduction", "tiny", "--paper", TINY_PAPER)
    assert created.exit_code == 0 and "--overfit --controls" in created.output
    assert (workspace.reproductions_dir / "tiny" / "plugin.py").exists()
    again = CliRunner().invoke(cli, ["new-reproduction", "tiny", "--paper", TINY_PAPER])
    assert again.exit_code != 0 and "already exists" in str(again.exception)

    ok = invoke("reproduce", "tiny", "--overfit")  # both arms, K = 32: out of the box
    assert ok.exit_code == 0, ok.output
    assert ok.output.count("PASS") == 2 and "│" in ok.output
    assert len(list((workspace.runs_root / "tiny").glob("overfit-*/overfit-*.png"))) == 2

    add_broken(workspace.reproductions_dir, "tiny_frozen")
    bad = CliRunner().invoke(cli, ["reproduce", "tiny_frozen", "--overfit", "--method-only"])
    assert bad.exit_code != 0 and "FAIL" in bad.output and "gradients" in str(bad.exception)


def test_compare_groups_seeds(tiny_workspace):
    for seed in ("0", "1"):
        assert invoke("reproduce", "tiny", "--epochs", "1", "--seed", seed, "--seeds", "1", "--baseline-only", *SMALL).exit_code == 0
    out = invoke("runs", "compare", "--plugin", "tiny").output
    assert "±" in out and "0,1" in out


@pytest.mark.slow
def test_seeds_train_in_their_folders_give_verdicts_and_resume_skips_finished_seeds(tiny_workspace):
    from paperkit.training.records import load_run

    result = invoke("reproduce", "tiny", "--epochs", "1", "--seed", "5", "--seeds", "2", *SMALL)
    assert result.exit_code == 0, result.output
    assert "seed 6 (2 of 2)" in result.output and "(2 seeds)" in result.output
    (run_dir,) = (tiny_workspace.runs_root / "tiny").iterdir()
    record = load_run(run_dir)
    assert record.seeds == [5, 6] and record.result["seeds"] == [5, 6]
    per_seed = record.result["per_seed"]
    assert per_seed["5"] != per_seed["6"]  # the seeds really differ
    (claim,) = record.result["claims"]
    values = [per_seed[s]["method"]["test_accuracy"] for s in ("5", "6")]
    assert claim["method_values"] == values and claim["measured_method"] == pytest.approx(sum(values) / 2)
    assert record.arms["method"]["test_accuracy"] == pytest.approx(sum(values) / 2)
    assert claim["verdict"] in ("held", "not held", "inconclusive") and claim["p_value"] is not None
    assert {m["seed"] for m in record.metrics()} == {5, 6}
    assert "seeds 5, 6" in invoke("runs", "show", run_dir.name).output

    # Stop it as if seed 6 was cut short: its method arm and its arms.json are gone. Seed 5 is finished:
    # resuming must not touch it (its checkpoints go, and must not come back).
    import shutil

    (run_dir / "seed-6" / "arms.json").unlink()
    (run_dir / "seed-6" / "checkpoints" / "method.done.pt").unlink()
    shutil.rmtree(run_dir / "seed-5" / "checkpoints")
    record.status = "interrupted"
    record.save()
    assert CliRunner().invoke(cli, ["reproduce", "tiny", "--resume", run_dir.name, "--seeds", "4"]).exit_code != 0
    resumed = invoke("reproduce", "tiny", "--resume", run_dir.name)
    assert resumed.exit_code == 0, resumed.output
    again = load_run(run_dir)
    assert again.status == "finished" and again.result["per_seed"] == per_seed
    assert not (run_dir / "seed-5" / "checkpoints").exists()


def test_seeds_must_be_positive_and_the_overfit_check_uses_the_shapes(tiny_workspace):
    bad = CliRunner().invoke(cli, ["reproduce", "tiny", "--seeds", "0"])
    assert bad.exit_code != 0 and "--seeds must be at least 1" in str(bad.exception)
    from paperkit.training.experiment import ConfigRequest, build_config, overfit_data
    from paperkit.training.registry import workspace_registry

    plugin = workspace_registry().create("tiny")
    config = build_config(plugin, ConfigRequest(dataset="digits"))
    assert config.data.dataset == "digits"
    assert overfit_data(config, 32).data.dataset == "shapes"


def test_a_non_finite_result_ends_the_run_as_diverged(tiny_workspace, run):
    folder = tiny_workspace.reproductions_dir / "tiny_blowup"
    folder.mkdir()
    (folder / "plugin.py").write_text(
        "from reproductions.tiny.plugin import TinyReproduction\n\n\n"
        "class BlowUp(TinyReproduction):\n"
        "    name = 'tiny_blowup'\n\n"
        "    def run(self, config, ctx, arms):\n"
        "        measured = super().run(config, ctx, arms)\n"
        "        measured['method']['test_accuracy'] = float('nan')  # as a diverged test loss would be\n"
        "        return measured\n"
    )
    code, out, err = run("reproduce", "tiny_blowup", "--epochs", "1", "--set", "width=4", *SMALL)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "training diverged: test_accuracy = nan for arm method" in err
    (run_dir,) = (tiny_workspace.runs_root / "tiny_blowup").iterdir()
    assert 'status = "diverged"' in (run_dir / "run.toml").read_text()
    assert not (run_dir / "result.json").exists()


def test_the_scaffold_declares_its_own_field_range(tiny_workspace):
    bad = CliRunner().invoke(cli, ["reproduce", "tiny", "--set", "width=0", "--seeds", "1"])
    assert bad.exit_code != 0 and "width" in str(bad.exception) and "0" in str(bad.exception)
    assert "\n" not in str(bad.exception)
    assert not (tiny_workspace.runs_root / "tiny").exists()


def test_an_unknown_dataset_is_refused_where_the_config_declares_it(tiny_workspace):
    bad = CliRunner().invoke(cli, ["reproduce", "tiny", "--set", "data.dataset=cifar9", "--seeds", "1"])
    assert bad.exit_code != 0 and "data.dataset must be one of" in str(bad.exception) and "'digits'" in str(bad.exception)
    assert not (tiny_workspace.runs_root / "tiny").exists()
