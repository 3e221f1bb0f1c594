"""The engine is headless and starts fast: no textual, tui, ray, torch or comet on its import path."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

FORBIDDEN_IN_AUDIT = ("textual", "tui", "ray", "scaleout")
HEAVY = ("torch", "comet", "textual", "transformers", "pytorch_lightning", "ray", "scaleout")


def test_audit_package_never_imports_textual_tui_or_ray():
    offenders = []
    for path in (ROOT / "audit").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in FORBIDDEN_IN_AUDIT:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert offenders == []


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(out.stdout.split())


def test_importing_the_cli_loads_nothing_heavy():
    loaded = _loaded_after("import audit.cli.main")
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_a_full_check_run_loads_nothing_heavy():
    loaded = _loaded_after("from audit.cli.main import main\nmain(['check', '--fail-on', 'never', 'samples'])")
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_a_check_run_keeps_pandas_polars_and_the_big_libraries_off_its_path():
    """pandas (indic-nlp's script tables), polars, wordfreq and sanscript's ninety scheme files
    cost `jaanch check` most of its cold start; their data comes from the table cache instead."""
    run = "from audit.cli.main import main\nmain(['check', '--fail-on', 'never', 'samples'])"
    _loaded_after(run)  # the first run may build the cached tables
    loaded = _loaded_after(run)
    slow = ("pandas", "polars", "wordfreq", "numpy")
    assert not {m for m in loaded if m.split(".")[0] in slow}
    assert "indic_transliteration.sanscript" not in loaded


def test_the_console_script_loads_no_ray_without_ray():
    """`jaanch check` through the installed entry point: ray is for `--ray` runs alone."""
    loaded = _loaded_after("from tui.cli import main\nmain(['check', '--fail-on', 'never', 'samples'])")
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_ray_without_the_extra_is_one_line():
    probe = ("import sys\nsys.modules['ray'] = None\nfrom tui.cli import main\n"
             "sys.exit(main(['check', '--ray', 'local', 'samples']))")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "jaanch: --ray needs the ray extra: pip install 'jaanch[ray]'\n"


def test_ray_options_are_refused_where_they_cannot_run():
    from audit.cli.main import main

    assert main(["check", "--output-parquet", "out", "samples"]) == 2  # needs --ray
    assert main(["check", "--ray", "local", "samples"]) == 2  # audit's own main has no scaleout handler
