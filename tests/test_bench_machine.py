"""benchmarks/machine.py names the CPU in every speed printout, with its int8 dot product or its lack."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("machine", ROOT / "benchmarks" / "machine.py")
machine = importlib.util.module_from_spec(spec)
spec.loader.exec_module(machine)


def _cpuinfo(tmp_path, flags: str):
    path = tmp_path / "cpuinfo"
    path.write_text(f"processor\t: 0\nmodel name\t: Some CPU 9000\nflags\t\t: fpu sse2 {flags}\n\n"
                    f"processor\t: 1\nmodel name\t: Some CPU 9000\nflags\t\t: fpu sse2 {flags}\n")
    return path


def test_a_cpu_without_vnni_says_so(tmp_path):
    line = machine.cpu_line(_cpuinfo(tmp_path, "avx avx2 fma"))
    assert line.startswith("CPU: Some CPU 9000, ")
    assert "vector: avx2;" in line and "int8 dot product: none (no VNNI)" in line


def test_avx512_vnni_is_named(tmp_path):
    line = machine.cpu_line(_cpuinfo(tmp_path, "avx2 avx512f avx512bw avx512_vnni"))
    assert "vector: avx2 avx512f;" in line and line.endswith("int8 dot product: avx512_vnni")


def test_no_cpuinfo_still_names_the_machine(tmp_path):
    line = machine.cpu_line(tmp_path / "missing")
    assert line.startswith("CPU: ") and "CPUs" in line and "int8" not in line
