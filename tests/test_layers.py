"""The layer contract: a lower layer never imports a higher one.

    core <- language <- lint <- qe / reporters / maintenance / policy <- review / cli <- tui
    inputs rests on core alone.

Imports are read from the source (absolute and relative, at any depth, including imports made
inside functions), so a lazy import cannot slip a higher layer in.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "inputs": {"core"},
    "language": {"core"},
    "lint": {"core", "language"},
    "qe": {"core", "language", "lint", "inputs"},
    "reporters": {"core", "language", "lint"},
    "maintenance": {"core", "language", "lint", "inputs"},
    "policy": {"core", "language", "lint"},
    "review": {"core", "language", "lint", "inputs", "qe", "policy"},
    "cli": {"core", "language", "lint", "inputs", "qe", "reporters", "maintenance", "policy", "review"},
    "tui": {"core", "language", "lint", "inputs", "qe", "reporters", "maintenance", "policy", "review", "cli"},
}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "tui":
        return "tui"
    if parts[0] == "audit" and len(parts) > 1 and parts[1] in ALLOWED:
        return parts[1]
    return None


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    own = module_name(path, root)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from audit.lint import engine` imports audit.lint.engine: check the names too
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
    return found


def violations(root: Path) -> list[str]:
    bad = []
    for package in ("audit", "tui"):
        for path in sorted((root / package).rglob("*.py")):
            own = layer_of(module_name(path, root))
            if own is None:
                continue
            seen = set()
            for lineno, target in imported_modules(path, root):
                other = layer_of(target)
                if other is not None and other != own and other not in ALLOWED[own] and lineno not in seen:
                    seen.add(lineno)
                    bad.append(f"{path.relative_to(root)}:{lineno}: {own} imports {other} ({target})")
    return bad


def test_every_module_of_audit_sits_in_a_layer():
    loose = [p.name for p in (ROOT / "audit").glob("*.py") if p.name != "__init__.py"]
    assert loose == [], "modules at audit/'s root belong in a layer folder"
    for folder in (ROOT / "audit").iterdir():
        if folder.is_dir() and folder.name != "__pycache__":
            assert folder.name in ALLOWED, f"audit/{folder.name} is not a known layer"
            doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
            assert doc and len(doc.splitlines()) <= 3, f"audit/{folder.name}/__init__.py needs a short docstring"


def test_no_layer_imports_a_higher_one():
    assert violations(ROOT) == []


@pytest.mark.parametrize("importer, imported", [("core", "lint"), ("inputs", "qe"), ("language", "policy")])
def test_the_contract_catches_an_upward_import(tmp_path, importer, imported):
    for layer in {importer, imported}:
        (tmp_path / "audit" / layer).mkdir(parents=True)
        (tmp_path / "audit" / layer / "__init__.py").write_text('"""x."""\n')
    (tmp_path / "tui").mkdir()
    (tmp_path / "audit" / importer / "bad.py").write_text(f"from ..{imported} import thing\n")
    assert violations(tmp_path) == [
        f"audit/{importer}/bad.py:1: {importer} imports {imported} (audit.{imported})"]
