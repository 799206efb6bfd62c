"""Run configuration: frozen dataclasses, loaded from TOML or `--set key=value`.

A reproduction's config is a frozen dataclass whose fields may themselves be frozen dataclasses
(`data`, `train`, a method section...). Overrides address nested fields with dots
(`data.label_noise=0.4`). An unknown key or a value of the wrong type is a `UsageError` naming
the key and the type it wants; nothing is guessed.

What a field accepts beyond its type is declared on the field itself, in its annotation:
`lr: Annotated[float, Positive] = 0.05`, `optimizer: Annotated[str, one_of("sgd", "adam")]`;
for a tuple, on its items: `widths: tuple[Annotated[int, Positive], ...]`. The one function
that turns text into a field value (`_coerce`) checks it, so `--set`, a TOML file, a paper
config, `ablate --vary` and a recorded config meet the same rule, and break it with one line
naming the key, the value and what is allowed. A float field is always finite (nan and inf are
refused).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Mapping

from paperkit.errors import UsageError


@dataclass(frozen=True)
class Allowed:
    """The values a config field accepts beyond its type: bounds and/or a set of choices."""

    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None
    choices: tuple[Any, ...] = ()

    def accepts(self, value: Any) -> bool:
        if self.choices and value not in self.choices:
            return False
        # Written as "not (value >= bound)" so that a nan (which compares false) never passes.
        if self.ge is not None and not value >= self.ge:
            return False
        if self.gt is not None and not value > self.gt:
            return False
        if self.le is not None and not value <= self.le:
            return False
        if self.lt is not None and not value < self.lt:
            return False
        return True

    def describe(self) -> str:
        if self.choices:
            return "one of " + ", ".join(map(repr, self.choices))
        low = f">= {self.ge:g}" if self.ge is not None else f"> {self.gt:g}" if self.gt is not None else ""
        high = f"<= {self.le:g}" if self.le is not None else f"< {self.lt:g}" if self.lt is not None else ""
        return " and ".join(part for part in (low, high) if part)


Positive = Allowed(gt=0)
NonNegative = Allowed(ge=0)
Fraction = Allowed(ge=0, le=1)  # a probability or a share, both ends included


def one_of(*choices: Any) -> Allowed:
    return Allowed(choices=choices)


# Every dataset the engine loads (paperkit.training.data implements each): declared here, with the
# config, so `--set data.dataset=...` is checked where the other values are.
DATASET_NAMES = ("shapes", "digits", "photos", "cifar10", "cifar100", "mnist", "fashion-mnist", "stl10", "pets", "imagefolder")


@dataclass(frozen=True)
class DataConfig:
    """Which images a run trains and evaluates on."""

    dataset: Annotated[str, one_of(*DATASET_NAMES)] = "shapes"  # "digits", "photos" (bundled, offline), "shapes" (generated), cifar10, cifar100, mnist, fashion-mnist, stl10, pets, imagefolder
    data_dir: str | None = None  # where real datasets live (torchvision layout, or an ImageFolder root)
    download: bool = False  # opt-in: let torchvision download the dataset into data_dir
    image_size: Annotated[int, Positive] = 32  # side of the square images fed to the model, in pixels
    train_size: Annotated[int, Positive] = 2000  # shapes only: training images generated
    test_size: Annotated[int, Positive] = 1000  # shapes only: test images generated
    label_noise: Annotated[float, Fraction] = 0.0  # fraction of training labels replaced uniformly at random (fixed per seed)
    train_fraction: Annotated[float, Allowed(gt=0, le=1)] = 1.0  # fraction of training images kept (class-balanced subset), for low-data claims
    difficulty: Annotated[float, Fraction] = 0.5  # shapes only: 0 = trivially separable, 1 = heavy clutter/overlap


@dataclass(frozen=True)
class OptimConfig:
    """The optimizer and schedule of one training stage."""

    optimizer: Annotated[str, one_of("sgd", "adam", "adamw")] = "sgd"  # "sgd" (with momentum) or "adam" / "adamw"
    lr: Annotated[float, Positive] = 0.05  # peak learning rate
    momentum: Annotated[float, Allowed(ge=0, lt=1)] = 0.9  # SGD momentum
    weight_decay: Annotated[float, NonNegative] = 5e-4  # L2 penalty (decoupled for adamw)
    batch_size: Annotated[int, Positive] = 128  # examples per step
    epochs: Annotated[int, Positive] = 10  # passes over the training set
    schedule: Annotated[str, one_of("cosine", "step", "constant")] = "cosine"  # "cosine", "step" (x0.1 at milestones) or "constant"
    milestones: tuple[Annotated[int, NonNegative], ...] = ()  # epochs where the "step" schedule decays
    warmup_epochs: Annotated[float, NonNegative] = 0.0  # linear warm-up from 0, in epochs


def field_types(cls: type) -> dict[str, Any]:
    """Each field's type, with its `Annotated[..., Allowed(...)]` declarations kept."""
    return typing.get_type_hints(cls, include_extras=True)


def _describe(tp: Any) -> str:
    if typing.get_origin(tp) is Annotated:
        return _describe(typing.get_args(tp)[0])
    if isinstance(tp, type):
        return tp.__name__
    return str(tp).replace("typing.", "")


def _coerce(key: str, raw: Any, tp: Any) -> Any:
    """Convert `raw` (a string from the command line, or a TOML value) to type `tp`, or fail naming `key`."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Annotated:
        value = _coerce(key, raw, args[0])
        for allowed in args[1:]:
            if isinstance(allowed, Allowed) and not allowed.accepts(value):
                raise UsageError(f"{key} must be {allowed.describe()}, got {raw!r}")
        return value
    if origin in (typing.Union, types.UnionType):
        if raw is None or (isinstance(raw, str) and raw.lower() in ("none", "null")):
            if type(None) in args:
                return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _coerce(key, raw, arg)
            except UsageError as exc:
                errors.append(exc)
        if len(errors) == 1:
            raise errors[0]  # "must be > 0", not just "must be float | None"
        raise UsageError(f"{key} must be {' | '.join(_describe(a) for a in args)}, got {raw!r}")
    if origin is typing.Literal:
        for choice in args:
            if str(choice) == str(raw):
                return choice
        raise UsageError(f"{key} must be one of {', '.join(map(repr, args))}, got {raw!r}")
    if origin is tuple:
        items = raw
        if isinstance(raw, str):
            items = [part for part in raw.strip("()[] ").split(",") if part.strip()]
        if not isinstance(items, (list, tuple)):
            raise UsageError(f"{key} must be a comma-separated list, got {raw!r}")
        item_type = args[0] if args else str
        return tuple(_coerce(f"{key}[{i}]", item, item_type) for i, item in enumerate(items))
    if tp is bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.lower() in ("true", "1", "yes", "on"):
            return True
        if isinstance(raw, str) and raw.lower() in ("false", "0", "no", "off"):
            return False
        raise UsageError(f"{key} must be bool (true/false), got {raw!r}")
    if tp is int:
        if isinstance(raw, bool):
            raise UsageError(f"{key} must be int, got {raw!r}")
        if isinstance(raw, int):
            return raw
        try:
            return int(str(raw).replace("_", ""))
        except ValueError:
            raise UsageError(f"{key} must be int, got {raw!r}") from None
    if tp is float:
        if isinstance(raw, bool):
            raise UsageError(f"{key} must be float, got {raw!r}")
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise UsageError(f"{key} must be float, got {raw!r}") from None
        if not math.isfinite(value):
            raise UsageError(f"{key} must be a finite number, got {raw!r}")
        return value
    if tp is str:
        if isinstance(raw, str):
            return raw
        raise UsageError(f"{key} must be str, got {raw!r}")
    raise UsageError(f"{key} has a type ({_describe(tp)}) that cannot be set from the command line")


def apply_overrides(config: Any, overrides: Mapping[str, Any]) -> Any:
    """A copy of `config` with dotted keys replaced; unknown keys and bad values are errors."""
    for dotted, raw in overrides.items():
        config = _set(config, dotted.split("."), raw, dotted)
    return config


def _set(obj: Any, path: list[str], raw: Any, dotted: str) -> Any:
    if not dataclasses.is_dataclass(obj):
        raise UsageError(f"unknown config key {dotted!r}")
    hints = field_types(type(obj))
    name = path[0]
    if name not in hints:
        known = ", ".join(sorted(hints))
        raise UsageError(f"unknown config key {dotted!r}", hint=f"keys here: {known}")
    current = getattr(obj, name)
    if len(path) > 1:
        return dataclasses.replace(obj, **{name: _set(current, path[1:], raw, dotted)})
    if dataclasses.is_dataclass(current):
        if not isinstance(raw, Mapping):
            raise UsageError(f"{dotted} is a section; set its fields, e.g. {dotted}.<field>=...")
        for key, value in raw.items():
            current = _set(current, [key], value, f"{dotted}.{key}")
        return dataclasses.replace(obj, **{name: current})
    return dataclasses.replace(obj, **{name: _coerce(dotted, raw, hints[name])})


def check_config(config: Any, prefix: str = "") -> None:
    """Every declared field of `config` against its declaration (defaults and directly built configs too).

    Fields without a declaration and of types `--set` cannot write (a plugin's own dict, say) are
    left alone: they are the plugin's business.
    """
    hints = field_types(type(config))
    for f in dataclasses.fields(config):
        value = getattr(config, f.name)
        if dataclasses.is_dataclass(value):
            check_config(value, f"{prefix}{f.name}.")
        elif _declares(hints[f.name]):
            _coerce(f"{prefix}{f.name}", value, hints[f.name])


def _declares(tp: Any) -> bool:
    """Whether a type carries an `Allowed` declaration or is a float (always finite), anywhere inside."""
    if tp is float or typing.get_origin(tp) is Annotated:
        return True
    return any(_declares(arg) for arg in typing.get_args(tp) if arg is not Ellipsis)


def parse_assignments(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """`["a.b=1", "c=x"]` -> `{"a.b": "1", "c": "x"}`, rejecting items without `=`."""
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set expects key=value, got {pair!r}")
        result[key.strip()] = value.strip()
    return result


def load_toml_overrides(path: str) -> dict[str, Any]:
    """A TOML file's tables flattened into dotted keys (`[data] label_noise = 0.4` -> `data.label_noise`)."""
    import tomllib

    from paperkit.errors import InvalidInputError, NotFoundError

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise NotFoundError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInputError(f"{path}: TOML syntax error: {exc}", hint="fix the file and run again") from None

    flat: dict[str, Any] = {}

    def walk(prefix: str, table: Mapping[str, Any]) -> None:
        for key, value in table.items():
            dotted = f"{prefix}{key}"
            if isinstance(value, Mapping):
                walk(dotted + ".", value)
            else:
                flat[dotted] = value

    walk("", data)
    return flat


def to_dict(config: Any) -> dict[str, Any]:
    return dataclasses.asdict(config)


def config_hash(config: Any) -> str:
    """A short stable hash of a config, used in run folder names."""
    blob = json.dumps(to_dict(config), sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:8]
