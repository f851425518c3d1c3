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


def test_the_bundle_and_installer_carry_the_same_version() -> None:
    from pledge_desktop import __version__

    packaging = ROOT / "packaging"
    version_info = (packaging / "version-info.txt").read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{__version__}')" in version_info
    numbers = ", ".join(__version__.split(".")) + ", 0"
    assert f"filevers=({numbers})" in version_info
    installer = (packaging / "pledge-desktop.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in installer
    assert "PrivilegesRequired=lowest" in installer


def test_the_bundle_spec_ships_what_the_app_reads_from_files() -> None:
    spec = (ROOT / "packaging" / "pledge-desktop.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert '"pledge_desktop/db/migrations"' in spec
    for package in ("reportlab", "frictionless", "docx", "openpyxl"):
        assert f'"{package}"' in spec
    assert 'name="pledge-desktop"' in spec and 'name="pledge"' in spec
