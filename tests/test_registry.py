"""Plugin discovery: built-ins, workspace folders, entry points, duplicates, broken plugins, no torch."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from _plugins import TINY_PAPER
from paperkit.errors import NotFoundError, PaperkitError
from paperkit.training.registry import discover
from paperkit.training.scaffold import scaffold



def _copy_tiny(dest: Path, folder: str = "tiny", name: str | None = None) -> Path:
    target = scaffold(dest, folder, TINY_PAPER)
    if name:
        text = (target / "plugin.py").read_text().replace(f'name = "{folder}"', f'name = "{name}"')
        (target / "plugin.py").write_text(text)
    return target


def test_workspace_plugins_join_the_builtins(tmp_path):
    _copy_tiny(tmp_path)
    registry = discover(tmp_path, entry_points=False)
    info = registry.get("tiny")
    assert info.papers == ("1234.56789",) and info.claims[0].metric == "test_accuracy"
    assert info.source == str(tmp_path.resolve() / "tiny")
    assert registry.create("tiny").default_config().train.epochs == 2


def test_duplicate_name_is_an_error_naming_both_sources(tmp_path):
    _copy_tiny(tmp_path, "tiny_a", "same")
    _copy_tiny(tmp_path, "tiny_b", "same")
    with pytest.raises(PaperkitError) as info:
        discover(tmp_path, entry_points=False)
    assert "tiny_a" in str(info.value) and "tiny_b" in str(info.value)


def test_a_broken_plugin_is_reported_and_the_others_work(tmp_path):
    _copy_tiny(tmp_path)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "plugin.py").write_text("import definitely_not_a_module\n")
    registry = discover(tmp_path, entry_points=False)
    assert "tiny" in registry.names()
    assert len(registry.problems) == 1 and registry.problems[0].startswith("broken: failed to import")
    assert "ModuleNotFoundError" in registry.problems[0] and "\n" not in registry.problems[0]


def test_unknown_plugin_names_the_known_ones(tmp_path):
    _copy_tiny(tmp_path)
    with pytest.raises(NotFoundError, match="tiny"):
        discover(tmp_path, entry_points=False).get("nope")


def test_task_and_run_default_to_the_sibling_experiment_module(tmp_path):
    folder = _copy_tiny(tmp_path, "split")
    text = (folder / "plugin.py").read_text()
    text = text[: text.index("    def task(self")].replace('name = "split"', 'name = "split"  # declaration only')
    (folder / "plugin.py").write_text(text)
    plugin = discover(tmp_path, entry_points=False).create("split")
    with pytest.raises(NotImplementedError, match="reproductions.split.experiment"):
        plugin.run(plugin.default_config(), None, ("method",))
    (folder / "experiment.py").write_text(textwrap.dedent('''
        def build_task(config, arm, num_classes, ctx):
            return ("task", arm, num_classes)

        def run_experiment(config, ctx, arms):
            return {arm: {"arms": float(len(arms))} for arm in arms}
    '''))
    assert plugin.task(plugin.default_config(), "baseline", 3, None) == ("task", "baseline", 3)
    assert plugin.run(plugin.default_config(), None, ("baseline", "method")) == {
        "baseline": {"arms": 2.0}, "method": {"arms": 2.0}}


def test_entry_point_plugins(tmp_path, monkeypatch):
    package = tmp_path / "thirdparty_pk"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent('''
        from paperkit.training.plugin import Reproduction
        class Third(Reproduction):
            name = "third"
            papers = ("2001.00001",)
            title = "Third-party"
            summary = "From an entry point."
            baseline = "none"
            config_class = dict
    '''))
    dist = tmp_path / "thirdparty_pk-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: thirdparty-pk\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[paperkit.reproductions]\nthird = thirdparty_pk:Third\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = discover(None)
    assert registry.get("third").source.startswith("entry point third")


def test_listing_does_not_import_torch(tmp_path):
    _copy_tiny(tmp_path)
    code = (
        "import sys; from pathlib import Path; from paperkit.training.registry import discover; "
        f"r = discover(Path({str(tmp_path)!r})); assert 'tiny' in r.names(), r.names(); "
        "assert 'torch' not in sys.modules, 'torch imported'; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
