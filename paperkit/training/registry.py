"""Finding reproduction plugins: built-in folders, workspace folders and entry points, in one registry.

* built-ins: `reproductions/<name>/plugin.py` in the `reproductions` package next to `paperkit`;
* workspace plugins: `<workspace>/reproductions/<name>/plugin.py`; the folder is added to the
  `reproductions` package's path, so a workspace plugin imports its siblings as
  `reproductions.<name>.<module>` exactly like a built-in;
* third-party packages: entry points in the group `paperkit.reproductions` naming a
  `Reproduction` subclass (`mypkg.plugin:MyReproduction`).

Each plugin.py defines one `Reproduction` subclass. Plugin modules import torch only inside their
methods, so listing the registry stays fast and torch-free. A duplicate name is an error naming
both sources; a plugin that fails to import, or breaks the contract of `Reproduction` (no `task`
or `run` of its own, a config class that is not a dataclass of defaults or has no `data` field),
is kept as a one-line problem and the others work.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from paperkit.errors import NotFoundError, PaperkitError
from paperkit.training.plugin import PluginInfo, Reproduction

ENTRY_POINT_GROUP = "paperkit.reproductions"


@dataclass
class Registry:
    plugins: dict[str, PluginInfo] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # one line per plugin that could not be loaded

    def add(self, info: PluginInfo) -> None:
        if info.name in self.plugins:
            raise PaperkitError(
                f"two reproductions are named {info.name!r}: {self.plugins[info.name].source} and {info.source}",
                hint="rename one of them (its `name` attribute)",
            )
        self.plugins[info.name] = info

    def names(self) -> list[str]:
        return sorted(self.plugins)

    def get(self, name: str) -> PluginInfo:
        broken = [p for p in self.problems if p.startswith(f"{name}: ")]
        if name not in self.plugins and broken:
            raise PaperkitError(f"reproduction {broken[0]}", hint="fix the plugin; `paperkit reproductions` lists the others")
        if name not in self.plugins:
            known = ", ".join(self.names()) or "none"
            broken = f"; {len(self.problems)} failed to load (see `paperkit reproductions`)" if self.problems else ""
            raise NotFoundError(f"no reproduction named {name!r} (known: {known}{broken})")
        return self.plugins[name]

    def create(self, name: str) -> Reproduction:
        cls = self.get(name).cls
        assert cls is not None
        return cls()


def builtin_dir() -> Path:
    """The built-in plugins: the `reproductions` package installed beside `paperkit`."""
    return Path(__file__).resolve().parents[2] / "reproductions"


def _reproductions_package() -> object:
    """The built-in `reproductions` package, loaded from its file.

    A workspace's own reproductions/ folder (no __init__.py) on sys.path would otherwise be
    imported as a namespace package in its place.
    """
    import importlib.util
    import sys

    package = sys.modules.get("reproductions")
    if package is not None and getattr(package, "__file__", None):
        return package
    init = builtin_dir() / "__init__.py"
    spec = importlib.util.spec_from_file_location("reproductions", init, submodule_search_locations=[str(init.parent)])
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    sys.modules["reproductions"] = package
    spec.loader.exec_module(package)
    return package


def _plugin_class(module: object, where: str) -> type[Reproduction]:
    found = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, Reproduction) and obj is not Reproduction
        and obj.__module__ == getattr(module, "__name__", None)
    ]
    if len(found) != 1:
        raise PaperkitError(f"{where} defines {len(found)} Reproduction subclasses, expected exactly one")
    return found[0]


def info_of(cls: type[Reproduction], source: str) -> PluginInfo:
    missing = [a for a in ("name", "papers", "title", "summary", "config_class") if not hasattr(cls, a)]
    inherited = {"task": "build_task", "run": "run_experiment"}
    missing += [
        f"{a}()" for a, default in inherited.items()
        if getattr(cls, a, None) is getattr(Reproduction, a) and not cls.experiment_defines(default)
    ]
    if missing:
        raise PaperkitError(f"{source}: {cls.__name__} lacks {', '.join(missing)}")
    _check_config_class(cls, source)
    return PluginInfo(cls.name, tuple(cls.papers), cls.title, cls.summary, tuple(cls.claims), source, cls)


def _check_config_class(cls: type[Reproduction], source: str) -> None:
    """The config must be a dataclass whose defaults build, with a `data: DataConfig` field."""
    import dataclasses

    from paperkit.config import DataConfig

    config_class = cls.config_class
    if not (isinstance(config_class, type) and dataclasses.is_dataclass(config_class)):
        raise PaperkitError(f"{source}: {cls.__name__}.config_class is not a dataclass")
    try:
        config = cls().default_config()
    except Exception as exc:
        raise PaperkitError(f"{source}: {cls.__name__}'s default config cannot be built ({_one_line(exc)})") from exc
    if not isinstance(getattr(config, "data", None), DataConfig):
        raise PaperkitError(f"{source}: {cls.__name__}'s config has no `data: DataConfig` field (the data the runner loads)")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


def _folders(root: Path) -> Iterable[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "plugin.py").is_file() and not p.name.startswith((".", "_")))


def _set_package_path(roots: list[Path]) -> None:
    """Make `reproductions.<name>` resolve in exactly these folders, forgetting earlier workspaces."""
    import sys

    reproductions: Any = _reproductions_package()
    wanted = [str(r) for r in roots]
    if list(reproductions.__path__) == wanted:
        return
    reproductions.__path__[:] = wanted
    for module in [m for m in sys.modules if m.startswith("reproductions.")]:
        del sys.modules[module]


def discover(workspace_dir: Path | None = None, *, entry_points: bool = True) -> Registry:
    """Scan the built-ins, `workspace_dir` (a workspace's reproductions/ folder) and entry points."""
    registry = Registry()
    roots = [builtin_dir()]
    if workspace_dir is not None and workspace_dir.is_dir() and workspace_dir.resolve() != roots[0]:
        roots.append(workspace_dir.resolve())
    _set_package_path(roots)
    seen_modules: dict[str, Path] = {}
    for root in roots:
        for folder in _folders(root):
            source = str(folder)
            if folder.name in seen_modules:
                # Both import as reproductions.<name>: that is a clash even before reading `name`.
                raise PaperkitError(
                    f"two reproduction folders are named {folder.name!r}: {seen_modules[folder.name]} and {folder}",
                    hint="rename one of the folders",
                )
            seen_modules[folder.name] = folder
            try:
                module = importlib.import_module(f"reproductions.{folder.name}.plugin")
                cls = _plugin_class(module, str(folder / "plugin.py"))
                info = info_of(cls, source)
            except PaperkitError as exc:
                registry.problems.append(f"{folder.name}: {exc}")
                continue
            except Exception as exc:  # a broken plugin must not take the others down
                registry.problems.append(f"{folder.name}: failed to import ({_one_line(exc)})")
                continue
            registry.add(info)
    if entry_points:
        from importlib.metadata import entry_points as _entry_points

        for ep in _entry_points(group=ENTRY_POINT_GROUP):
            source = f"entry point {ep.name} = {ep.value}"
            try:
                cls = ep.load()
                if not (inspect.isclass(cls) and issubclass(cls, Reproduction)):
                    raise PaperkitError(f"{ep.value} is not a Reproduction subclass")
                info = info_of(cls, source)
            except Exception as exc:
                registry.problems.append(f"{ep.name}: failed to load ({_one_line(exc)})")
                continue
            registry.add(info)
    return registry


def workspace_registry() -> Registry:
    """The registry as seen from the current folder's workspace (built-ins only outside one)."""
    from paperkit.workspace import find_workspace

    workspace = find_workspace()
    return discover(workspace.reproductions_dir if workspace else None)
