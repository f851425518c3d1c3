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


def bundle_contents():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bundle_contents", ROOT / "packaging" / "bundle_contents.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def imports_in(path: Path) -> set[str]:
    """Every module a source file imports, at its top or inside a function."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_the_bundle_leaves_out_nothing_the_app_imports() -> None:
    contents = bundle_contents()
    sources = [ROOT / "packaging" / "launch_gui.py", ROOT / "packaging" / "launch_cli.py"]
    sources += (ROOT / "pledge_desktop").rglob("*.py")
    left_out = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in sources
        for module in imports_in(path)
        if contents.excluded(module)
    }
    assert not left_out


# Modules the bundle leaves out that a library imports only when present, falling back
# without them (checked when the bundle check runs every command from the bundle).
OPTIONAL = {
    "pygments": "mako.exceptions highlights with it when present",
    "cryptography": "pypdf's crypt providers fall back to the next one",
    "cffi": "only cryptography needs it",
    "ssl": "asyncio (under SQLAlchemy) runs without it",
    "_ssl": "only ssl needs it",
}


def test_what_the_app_loads_is_in_the_bundle() -> None:
    """Import every module of the app in a fresh Python: nothing it loads may be left out of
    the bundle, apart from the optional extras named above."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "before = set(sys.modules)\n"  # what Python itself started with
        "import pkgutil, pledge_desktop\n"
        "for m in pkgutil.walk_packages(pledge_desktop.__path__, 'pledge_desktop.'):\n"
        "    if '.migrations.' not in m.name and not m.name.endswith('__main__'):\n"
        "        __import__(m.name)\n"
        "print('\\n'.join(set(sys.modules) - before))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    ).stdout.split()
    contents = bundle_contents()
    left_out = {m for m in loaded if contents.excluded(m) and m.split(".")[0] not in OPTIONAL}
    assert not left_out


def test_the_bundle_keeps_the_qt_plugins_a_desktop_needs() -> None:
    keep = bundle_contents().keep_in_bundle
    for kept in (
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "reportlab/fonts/Vera.ttf",
    ):
        assert keep(kept), kept
    for dropped in (
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/plugins/multimedia/ffmpegmediaplugin.dll",
        "PySide6/plugins/sqldrivers/qsqlite.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
    ):
        assert not keep(dropped), dropped


def test_the_libraries_only_a_dropped_plugin_used_go_with_it() -> None:
    links = {
        "gtk3.so": ["libgtk-3.so.0", "libX11.so.6"],
        "xcb.so": ["libX11.so.6", "libQt6Gui.so.6"],
        "libgtk-3.so.0": ["libcairo.so.2"],
    }
    entries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "gtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "xcb.so", "BINARY"),
        ("libgtk-3.so.0", "libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "libcairo.so.2", "BINARY"),
        ("libX11.so.6", "libX11.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "libQt6Gui.so.6", "BINARY"),
        ("libloaded_by_ctypes.so", "libloaded_by_ctypes.so", "BINARY"),
    ]
    trimmed = bundle_contents().trim(entries, lambda source: links.get(source, []))
    kept = [dest for dest, _source, _kind in trimmed]
    assert kept == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libX11.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libloaded_by_ctypes.so",
    ]
