"""Quicker imports once PySide6 is loaded.

PySide6 looks at every module imported after it to see whether the module names PySide6 (for
its optional `__feature__` switches). It does so with `inspect.getsource`, which decodes the
file, splits it into lines and caches them: at start-up that is some 350 modules, 60 to 80 ms on
an office PC. The same question is answered here by reading the file's bytes; modules without a
source file of their own (a bundled app's, or built-in ones) still go to PySide6's own check.
The answer is the same, so PySide6 behaves as before. If PySide6 changes how it asks, its own
check is left in place.

Imported for its effect, before the app's other modules (app.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6's import check, replaced below)

FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"


def quick_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """PySide6's check of whether `module` names PySide6, answered from the file's bytes."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    return uses_pyside


def read_sources_quickly() -> None:
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if callable(original) and not getattr(original, "quick", False):
        setattr(feature, CHECK, quick_check(original))


read_sources_quickly()
