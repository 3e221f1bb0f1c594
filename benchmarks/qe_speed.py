"""QE throughput of a CometKiwi-sized model with random weights (speed does not depend on weights).

    python benchmarks/qe_speed.py [--sentences 64] [--layers 24] [--device cpu|cuda]

Builds an XLM-R-large-shaped encoder (24 layers, 1024 hidden, 16 heads, 4096 feed-forward) under a
CometKiwi-shaped head (its layer mix without layer norm, as wmt22-cometkiwi-da's hparams say),
offline, then scores the same sentence pairs four ways in one run: stock `model.predict(...)` (a
Lightning Trainer per call, batches sorted by the source's characters), jaanch's path (one load,
batches cut by token count with at most 5% padding, no Trainer, inference mode), jaanch's path with
torch's int8 dynamic quantisation of the linear layers (`--qe-quantize`), and the encoder exported
to ONNX and run int8 on ONNX Runtime (`--qe-runtime onnx`), reporting how far each int8 path moves
the scores. On a GPU (`--device cuda`) the third and fourth are replaced by bfloat16 autocast
(`--qe-precision bfloat16`), again with its score change.
The one-off ONNX export and quantisation is timed apart: jaanch caches it on disk.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # as jaanch sets it before importing onnxruntime
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def sentence_pairs(n: int) -> list[tuple[str, str]]:
    from audit.inputs.pairs import read_aligned

    pairs = []
    for name in ("ai_model_race_mt", "phone_launch_mt"):
        pairs += [(p.source, p.target) for p in read_aligned(ROOT / "samples" / f"{name}.txt",
                                                              ROOT / "samples" / "english" / f"{name}.en")[1]]
    return [pairs[i % len(pairs)] for i in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--layers", type=int, default=24)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    args = parser.parse_args()
    import torch

    from audit.qe.cache import ScoreCache
    from audit.qe.comet_backend import CometScorer
    from machine import cpu_line
    from tiny_comet import build_tiny_comet

    torch.set_num_threads(torch.get_num_threads())
    pairs = sentence_pairs(args.sentences)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        model = build_tiny_comet(Path(tmp) / "kiwi-sized", hidden=1024, layers=args.layers, heads=16,
                                 intermediate=4096, word_level=False, head_sizes=[3072, 1024], save=False,
                                 layer_norm=False)  # CometKiwi's hparams: its layer mix has no layer norm
        build = time.perf_counter() - t
    params = sum(p.numel() for p in model.parameters()) / 1e6
    device = args.device
    print(f"device: {device} ({torch.cuda.get_device_name(0) if device == 'cuda' else f'{torch.get_num_threads()} CPU threads'}), "
          f"torch {torch.__version__}")
    print(cpu_line())  # the int8 paths' speed hangs on the CPU's int8 dot product (VNNI)
    print("load average (1, 5, 15 min) at start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    print(f"model: {params:.0f}M parameters ({args.layers} layers x 1024), built in {build:.0f} s; "
          f"{len(pairs)} sentence pairs, batch size {args.batch_size}")

    model.eval()
    if device == "cuda":  # CUDA's context and kernels start on the first call: not stock's cost alone
        model.predict([{"src": s, "mt": m} for s, m in pairs[:64]], batch_size=args.batch_size, gpus=1,
                      progress_bar=False)
    t, c = time.perf_counter(), time.process_time()
    stock = model.predict([{"src": s, "mt": m} for s, m in pairs], batch_size=args.batch_size,
                          gpus=1 if device == "cuda" else 0, progress_bar=False)
    stock_s, stock_cpu = time.perf_counter() - t, time.process_time() - c
    print(f"stock model.predict:      {len(pairs) / stock_s:6.2f} sentences/s ({stock_s:.1f} s, {stock_cpu:.0f} CPU s)",
          flush=True)

    ours = CometScorer.in_memory(model, "kiwi-sized", device=device, batch_size=args.batch_size, cache=ScoreCache(None))
    if device == "cuda":
        ours.score(pairs[:64])  # the same untimed warm-up stock had: kernels load on first use
    t, c = time.perf_counter(), time.process_time()
    fast = ours.score(pairs)
    fast_s, fast_cpu = time.perf_counter() - t, time.process_time() - c
    drift = max(abs(a.score - b) for a, b in zip(fast, stock.scores))
    print(f"jaanch (token batches, no Trainer): {len(pairs) / fast_s:6.2f} sentences/s ({fast_s:.1f} s), "
          f"{stock_s / fast_s:.2f}x stock ({stock_cpu / fast_cpu:.2f}x in CPU s); max score difference {drift:.2e}",
          flush=True)
    if device == "cuda":
        half = CometScorer.in_memory(model, "kiwi-sized", device=device, batch_size=args.batch_size,
                                     precision="bfloat16", cache=ScoreCache(None))
        half.score(pairs[:64])  # bfloat16's kernels load on their first use: warmed up like the others
        _timed("jaanch bfloat16 (--qe-precision bfloat16)", half, pairs, (stock_s, stock_cpu), fast)
    if device == "cpu":
        quant = CometScorer.in_memory(model.cpu(), "kiwi-sized", device="cpu", batch_size=args.batch_size,
                                      quantize=True, cache=ScoreCache(None))
        _timed("jaanch + torch int8 (--qe-quantize)", quant, pairs, (stock_s, stock_cpu), fast)
        try:
            import onnxruntime  # noqa: F401
        except ImportError:
            print("jaanch + ONNX Runtime int8: skipped (onnxruntime is missing: pip install -e '.[qe]')")
            return 0
        with tempfile.TemporaryDirectory() as cache_home:
            os.environ["XDG_CACHE_HOME"] = cache_home  # a fresh export, not one cached by an earlier run
            t = time.perf_counter()
            onnx = CometScorer.in_memory(model, "kiwi-sized", device="cpu", batch_size=args.batch_size,
                                         runtime="onnx", cache=ScoreCache(None))
            print(f"  (one-off ONNX export + int8 quantisation, cached on disk: {time.perf_counter() - t:.0f} s)")
            _timed("jaanch + ONNX Runtime int8 (--qe-runtime onnx)", onnx, pairs, (stock_s, stock_cpu), fast)
    print("load average (1, 5, 15 min) at end: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    return 0


def _timed(label: str, scorer, pairs, stock: tuple[float, float], reference) -> None:
    """Wall seconds and this process's CPU seconds: on a shared machine the load can change between
    paths, and the CPU-second ratio is the steadier of the two (stock runs no worker processes on CPU)."""
    t, c = time.perf_counter(), time.process_time()
    scored = scorer.score(pairs)
    took, cpu = time.perf_counter() - t, time.process_time() - c
    diffs = [abs(a.score - b.score) for a, b in zip(scored, reference)]
    print(f"{label}: {len(pairs) / took:6.2f} sentences/s ({took:.1f} s), {stock[0] / took:.2f}x stock "
          f"({stock[1] / cpu:.2f}x in CPU s); "
          f"score change vs float32 mean {sum(diffs) / len(diffs):.4f}, max {max(diffs):.4f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
