"""One line naming the CPU a benchmark ran on, for its printout: a speed figure means little without it.

The int8 paths of `qe_speed.py` hang on it most: without an int8 dot-product instruction (VNNI) an
int8 matrix multiply is about 2x float32 on AVX2; with AVX-512 VNNI the same run printed about 4x
stock. Read from /proc/cpuinfo where there is one (Linux), else from `platform`.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

_VECTOR = ("avx2", "avx512f", "amx_int8")  # the widest kernels a math library may pick
_INT8_DOT = ("avx512_vnni", "avx_vnni", "amx_int8")  # int8 dot-product instructions


def cpu_line(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    model, flags = platform.processor() or platform.machine(), set()
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "model name" and value.strip():
            model = value.strip()
        elif name.strip() in ("flags", "Features") and not flags:
            flags = set(value.split())
    if not flags:
        return f"CPU: {model}, {os.cpu_count()} CPUs"
    vector = " ".join(f for f in _VECTOR if f in flags) or "none of " + ", ".join(_VECTOR)
    dot = " ".join(f for f in _INT8_DOT if f in flags) or "none (no VNNI)"
    return f"CPU: {model}, {os.cpu_count()} CPUs; vector: {vector}; int8 dot product: {dot}"


if __name__ == "__main__":
    print(cpu_line())
