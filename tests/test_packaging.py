"""The package ships every sub-package and its resources."""

import tomllib
from pathlib import Path

from pledge_desktop.paths import resource, resources_dir

ROOT = Path(__file__).resolve().parents[1]


def test_every_sub_package_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "pledge_desktop").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    resources = {
        ".".join(("pledge_desktop", "resources", *d.relative_to(ROOT / "resources").parts))
        for d in [ROOT / "resources", *(ROOT / "resources").rglob("*")]
        if d.is_dir()
    }
    assert found | resources == listed


def test_resources_are_found_from_a_checkout() -> None:
    assert resources_dir().is_dir()
    assert resource("help", "user-guide.md").is_file()
