"""What the bundle leaves out, in one place: read by `pledge-desktop.spec` and checked by
`tests/test_packaging.py` against what the app imports.

The bundle carries Qt Core, Gui, Widgets, Pdf and PdfWidgets (with Network and DBus, which Pdf
links), the platform plugins a desktop needs, and the Python libraries the app runs on. Python
packages are left out by name below; Qt plugins are kept only when listed in QT_PLUGINS, so a
plugin that a new Qt release adds stays out until someone chooses it; Qt's own translations are
left out (the app speaks English only and loads none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

# Python modules left out: the bundle's commands and window never need them. Each entry drops the
# module and everything under it.
EXCLUDED_MODULES: tuple[str, ...] = (
    # Qt modules the app does not use (Qt Quick and QML, 3D, web, multimedia, ...)
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtBluetooth",
    "PySide6.QtCanvasPainter",
    "PySide6.QtCharts",
    "PySide6.QtConcurrent",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtHelp",
    "PySide6.QtHttpServer",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtNfc",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtPrintSupport",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtAsyncio",
    "PySide6.QtNetwork",  # the Python side of these two: Qt's own libraries stay (Pdf links them)
    "PySide6.QtDBus",
    # development tools that ride along through optional imports
    "mypy",
    "ast_serialize",
    "sqlalchemy.ext.mypy",
    "hypothesis",
    "pytest",
    "_pytest",
    "pluggy",
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "pydoc_data",
    "IPython",
    "tkinter",
    "_tkinter",
    # optional extras of the libraries, never reached by the app's use of them
    "pygments",  # Mako (under Alembic) highlights template errors with it when present
    "cryptography",  # pypdf decrypts with it when present; the app opens no encrypted PDF
    "cffi",
    "brotli",  # compressed web fonts and HTTP: the app uses neither
    "_brotli",
    "numpy",
    "pandas",
    "yaml",  # frictionless reads YAML descriptors with it; the app writes and reads JSON
    "rich",  # frictionless's own command line
    "typer",
    "jinja2",  # frictionless's HTML reports
    "markdown_it",
    "PIL._avif",  # AVIF images (a large codec); ReportLab draws PNG and JPEG
    "PIL.ImageQt",
    "PIL._webp",  # WebP, fonts and colour profiles: the booklet's images are PNG
    "PIL._imagingft",
    "PIL._imagingcms",
    "PIL._imagingmath",
    "PIL._imagingmorph",
    "PIL._imagingtk",
    "readline",  # an interactive prompt; the command reads no input line by line
    "curses",
    "ssl",  # the app makes no network connection (hashlib's scrypt still has OpenSSL)
    "_ssl",
    "charset_normalizer",  # requests' guesser; frictionless guesses encodings with chardet
    "Cryptodome.PublicKey",  # pyzipper uses AES, HMAC and PBKDF2 (whose module loads Salsa20)
    "Cryptodome.Signature",
    "Cryptodome.IO",
    *(
        f"Cryptodome.Cipher.{cipher}"
        for cipher in (
            "DES",
            "DES3",
            "CAST",
            "ARC2",
            "ARC4",
            "Blowfish",
            "Salsa20",
            "ChaCha20",
            "ChaCha20_Poly1305",
            "PKCS1_OAEP",
            "PKCS1_v1_5",
            "_raw_des",
            "_raw_des3",
            "_raw_cast",
            "_raw_arc2",
            "_ARC4",
            "_raw_blowfish",
            "_chacha20",
            "_pkcs1_decode",
        )
    ),
    "petl",  # frictionless's transform steps
    "pydantic.v1",
    "pydantic.mypy",
    "fontTools.varLib",  # pypdf reads fonts with fontTools.ttLib only
    "fontTools.designspaceLib",
    "fontTools.otlLib",
    "fontTools.feaLib",
    "fontTools.subset",
    "fontTools.merge",
    "fontTools.qu2cu",
    "fontTools.cu2qu",
    "fontTools.ufoLib",
    "fontTools.svgLib",
    "sqlalchemy.dialects.mssql",  # the app's database is SQLite
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.oracle",
    "requests",  # frictionless fetches remote files with it; the app's files are all local
    "urllib3",
    "certifi",
    "lxml.sax",
    "lxml.builder",
    "_pydecimal",  # the slow twin of _decimal, which is carried
    "_codecs_jp",  # East Asian text encodings: the app reads and writes UTF-8 and Windows-1252
    "_codecs_kr",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_tw",
    "_codecs_iso2022",
    "_multibytecodec",
    "pdb",  # the standard library's tools for developers
    "doctest",
    "pydoc",
    "xmlrpc",
    "http.server",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "venv",
    "turtle",
    "lxml.html",  # python-docx and openpyxl use lxml.etree only
    "lxml.objectify",
    "lxml.isoschematron",
)

# Qt plugins kept, by folder and name (without "lib" and the file extension): the platforms of
# Windows, macOS and Linux (X11), drawing offscreen for the self-test, the styles, the image
# formats and icons the app shows, and typing accents on Linux.
QT_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qwindows", "qdirect2d", "qcocoa", "qxcb", "qoffscreen", "qminimal"}),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "imageformats": frozenset({"qgif", "qico", "qjpeg", "qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
}


def qt_plugin(dest: str) -> tuple[str, str] | None:
    """(folder, name) when `dest` (a path inside the bundle) is a Qt plugin, else None."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "plugins" not in parts or parts[0] != "PySide6":
        return None
    at = parts.index("plugins")
    if len(parts) != at + 3:
        return None
    name = parts[-1].split(".")[0]
    return parts[at + 1], name.removeprefix("lib")


# Windows' software OpenGL and its shader compiler: Qt Quick and OpenGL need them, the app's
# widgets and PDF pages are drawn without OpenGL.
DROPPED_LIBRARIES = frozenset({"opengl32sw.dll", "d3dcompiler_47.dll"})

# Linux libraries of the operating system (X11, GLib, D-Bus, fontconfig, the C++ runtime ...)
# that only Qt links to are left to the system, as PySide6's own wheel does.
SYSTEM_FOLDERS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def keep_in_bundle(dest: str) -> bool:
    """Whether a file PyInstaller collected (by its path inside the bundle) stays in it."""
    path = dest.replace("\\", "/")
    if _name(path) in DROPPED_LIBRARIES or excluded(_module_of(path)):
        return False
    parts = PurePath(path).parts
    if len(parts) == 2 and parts[0].endswith(".dist-info") and parts[1] == "RECORD":
        return False  # the list of a package's files: only installers read it
    if path.startswith("PySide6/") and "/translations/" in f"/{path}":
        return False
    plugin = qt_plugin(path)
    if plugin is None:
        return True
    folder, name = plugin
    return name in QT_PLUGINS.get(folder, frozenset())


def excluded(module: str) -> bool:
    """Whether `module` is left out of the bundle (itself or a package above it)."""
    return any(module == gone or module.startswith(gone + ".") for gone in EXCLUDED_MODULES)


Entry = tuple[str, str, str]  # PyInstaller's (path inside the bundle, source file, kind)


def trim(entries: Iterable[Entry], needs: Callable[[str], Iterable[str]]) -> list[Entry]:
    """The entries that stay: those `keep_in_bundle` allows, less the libraries that only the
    dropped plugins linked to (GTK for its theme plugin, Qt Quick for the virtual keyboard ...)
    and the system's libraries that only Qt links to. `needs(source)` names the libraries a
    binary links to."""
    entries = list(entries)
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        by_name.setdefault(_name(entry[0]), []).append(entry)

    def linked(starts: Iterable[Entry]) -> set[str]:
        """The bundle paths of everything `starts` links to, directly or not."""
        seen: set[str] = set()
        todo = [n for entry in starts if entry[2] != "SYMLINK" for n in needs(entry[1])]
        while todo:
            for entry in by_name.get(_name(todo.pop()), ()):
                if entry[0] not in seen:
                    seen.add(entry[0])
                    if entry[2] != "SYMLINK":
                        todo.extend(needs(entry[1]))
        return seen

    dropped = [entry for entry in entries if not keep_in_bundle(entry[0])]
    gone = {entry[0] for entry in dropped}
    suspects = linked(dropped) - gone
    kept = [entry for entry in entries if entry[0] not in gone | suspects]
    gone |= suspects - linked(kept)
    stays = [entry for entry in entries if entry[0] not in gone]
    from_system = {entry[0] for entry in stays if entry[1].startswith(SYSTEM_FOLDERS)}
    python_side = [e for e in stays if not _is_qt(e[0]) and e[0] not in from_system]
    gone = from_system - linked(python_side)
    stays = [entry for entry in stays if entry[0] not in gone]
    # PyInstaller's links to a library kept elsewhere in the bundle go with that library
    targets = {entry[0] for entry in stays if entry[2] != "SYMLINK"}
    return [entry for entry in stays if entry[2] != "SYMLINK" or entry[1] in targets]


def _module_of(path: str) -> str:
    """The module a file in the bundle would be: "Cryptodome/PublicKey/_ec_ws.abi3.so" ->
    "Cryptodome.PublicKey._ec_ws" (so that binaries under a left-out package go with it)."""
    parts = PurePath(path).parts
    return ".".join([*parts[:-1], parts[-1].split(".")[0]])


def _is_qt(dest: str) -> bool:
    return dest.replace("\\", "/").startswith(("PySide6/", "shiboken6/"))


def _name(path: str) -> str:
    return PurePath(path.replace("\\", "/")).name.lower()
