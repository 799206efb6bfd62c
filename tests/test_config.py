"""Config values are checked where they are declared, the same way from every door."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import pytest

from paperkit.config import (
    Allowed,
    DataConfig,
    NonNegative,
    OptimConfig,
    Positive,
    apply_overrides,
    check_config,
    one_of,
)
from paperkit.errors import UsageError
from paperkit.training.registry import discover

PLUGINS = ("colorization", "lottery_ticket", "mixup", "supcon")
# Were a bad value let through, the run must end in seconds (and the test fail), not train for minutes.
TINY = ("--set", "data.train_size=64", "--set", "data.test_size=32", "--set", "train.epochs=1", "--method-only")


@pytest.mark.parametrize(
    "key, value, allowed",
    [
        ("mixup.alpha", "-1", ">= 0"),
        ("mixup.alpha", "nan", "finite"),
        ("mixup.alpha", "inf", "finite"),
        ("train.epochs", "-1", "> 0"),
        ("train.batch_size", "0", "> 0"),
        ("data.train_size", "0", "> 0"),
        ("data.label_noise", "1.5", ">= 0 and <= 1"),
        ("train.optimizer", "rmsprop", "one of 'sgd', 'adam', 'adamw'"),
        ("train.milestones", "20,-3", ">= 0"),
        ("model.widths", "32,0", "> 0"),
    ],
)
def test_a_value_outside_its_declaration_is_one_line_naming_key_value_and_rule(run, workspace, key, value, allowed):
    code, out, err = run("reproduce", "mixup", *TINY, "--set", f"{key}={value}")
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    shown = value.split(",")[-1] if "," in value else value  # a list names the item: model.widths[1]
    assert key in err and repr(shown) in err and allowed in err
    assert not workspace.runs_root.exists() or not any(workspace.runs_root.rglob("*.json"))


def test_the_same_rule_holds_for_a_toml_file_ablate_and_the_epochs_option(run, workspace):
    (workspace.root / "bad.toml").write_text("[mixup]\nalpha = -0.5\n")
    code, _, err = run("reproduce", "mixup", *TINY, "--config", "bad.toml")
    assert code == 2 and "mixup.alpha must be >= 0, got -0.5" in err
    code, _, err = run("ablate", "mixup", *TINY, "--vary", "mixup.alpha=0.2,-1")
    assert code == 2 and "mixup.alpha must be >= 0, got '-1'" in err and err.count("\n") == 1
    code, _, err = run("reproduce", "mixup", *TINY[:4], "--method-only", "--epochs", "0")
    assert code == 2 and "epochs must be > 0, got 0" in err


def test_a_plugins_own_default_that_breaks_its_declaration_is_refused(tmp_path):
    @dataclasses.dataclass(frozen=True)
    class Config:
        train: OptimConfig = OptimConfig(lr=-0.1)

    with pytest.raises(UsageError, match=r"train\.lr must be > 0, got -0\.1"):
        check_config(Config())


@pytest.mark.parametrize("name", PLUGINS)
def test_every_default_and_paper_config_meets_its_declarations(name):
    plugin = discover(entry_points=False).create(name)
    check_config(plugin.default_config())
    for overrides in plugin.paper_configs.values():
        check_config(apply_overrides(plugin.default_config(), overrides))


def test_declarations_compose_with_optional_and_tuple_types():
    @dataclasses.dataclass(frozen=True)
    class Section:
        scale: Annotated[float, Positive] | None = None
        sizes: tuple[Annotated[int, NonNegative], ...] = ()
        mode: Annotated[str, one_of("a", "b")] = "a"
        rate: Annotated[float, Allowed(gt=0, lt=1)] = 0.5

    base = Section()
    assert apply_overrides(base, {"scale": "none", "sizes": "0,3", "mode": "b", "rate": "0.99"}) == Section(None, (0, 3), "b", 0.99)
    for key, value, words in [
        ("scale", "0", "scale must be > 0, got '0'"),
        ("sizes", "1,-1", "sizes[1] must be >= 0, got '-1'"),
        ("mode", "c", "mode must be one of 'a', 'b', got 'c'"),
        ("rate", "1", "rate must be > 0 and < 1, got '1'"),
        ("rate", "nan", "rate must be a finite number"),
    ]:
        with pytest.raises(UsageError) as info:
            apply_overrides(base, {key: value})
        assert words in str(info.value)


def test_the_engine_declares_its_ranges():
    check_config(DataConfig())
    check_config(OptimConfig())
    with pytest.raises(UsageError, match="train_fraction must be > 0 and <= 1"):
        apply_overrides(DataConfig(), {"train_fraction": "0"})


def test_fields_the_command_line_cannot_write_are_left_to_the_plugin():
    @dataclasses.dataclass(frozen=True)
    class Config:
        data: DataConfig = DataConfig()
        extra: dict = dataclasses.field(default_factory=lambda: {"anything": object()})
        rate: Annotated[float, Positive] = 0.5

    check_config(Config())
    with pytest.raises(UsageError, match="rate must be > 0"):
        check_config(Config(rate=0.0))
