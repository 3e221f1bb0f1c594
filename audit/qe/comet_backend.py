"""COMET quality-estimation models (CometKiwi sentence scores, xCOMET error spans), offline.

A checkpoint is a pickle: loading one runs code. Models are therefore only loaded from a path the
user named or from the local model folders below, and the Hugging Face hub is switched off.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from audit.core.errors import JaanchError
from audit.qe.cache import ScoreCache, cache_key


class QEError(JaanchError):
    """A QE model cannot be found or loaded."""


def model_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path(p) for p in os.environ.get("JAANCH_MODELS", "").split(os.pathsep) if p]
    return dirs + [home / ".cache" / "jaanch" / "models"]


def resolve_checkpoint(name_or_path: str) -> Path:
    """A checkpoint file for a path or a model name; never the network."""
    given = Path(name_or_path).expanduser()
    candidates = [given, given / "checkpoints" / "model.ckpt"]
    for folder in model_dirs():
        candidates.append(folder / name_or_path / "checkpoints" / "model.ckpt")
    hub = Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub"
    candidates.extend(sorted(hub.glob(f"models--{name_or_path.replace('/', '--')}/snapshots/*/checkpoints/model.ckpt")))
    for path in candidates:
        if path.is_file():
            return path
    where = model_dirs()[-1] / name_or_path / "checkpoints" / "model.ckpt"
    raise QEError(
        f"no QE model {name_or_path!r} on this machine; place a COMET checkpoint at {where} "
        "(hparams.yaml beside checkpoints/) or pass --qe-model /path/to/model; jaanch downloads nothing"
    )


def model_identity(checkpoint: Path) -> str:
    """Cheap but content-based: hparams, size and the first megabyte of the checkpoint."""
    h = hashlib.sha256()
    hparams = checkpoint.parent.parent / "hparams.yaml"
    if hparams.exists():
        h.update(hparams.read_bytes())
    h.update(str(checkpoint.stat().st_size).encode())
    with open(checkpoint, "rb") as handle:
        h.update(handle.read(1 << 20))
    return f"{checkpoint.parent.parent.name}@{h.hexdigest()[:12]}"


@dataclass
class Scored:
    score: float
    spans: list[dict] = field(default_factory=list)  # {start, end, severity, confidence} in the target


@dataclass
class CometScorer:
    """One model load per run; length-sorted batches; no Trainer per call; optional int8 encoder."""

    name: str
    device: str = "cpu"
    batch_size: int = 16
    quantize: bool = False
    cache: ScoreCache = field(default_factory=lambda: ScoreCache(None))
    progress: bool | None = None
    hits: int = 0
    misses: int = 0

    def __post_init__(self):
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        self._model = None
        if self.name.startswith("memory:"):
            return  # see in_memory(): a model built in this process, for benchmarks
        self.checkpoint = resolve_checkpoint(self.name)
        self.model_id = model_identity(self.checkpoint) + ("+int8" if self.quantize else "")

    @classmethod
    def in_memory(cls, model, label: str, **options) -> "CometScorer":
        """Wrap a model object already in memory (benchmarks build one with random weights)."""
        scorer = cls(f"memory:{label}", **options)
        scorer.model_id = label + ("+int8" if scorer.quantize else "")
        scorer._model = scorer._prepare(model)
        return scorer

    @property
    def model(self):
        if self._model is None:
            self._model = self._load()
        return self._model

    def _load(self):
        import torch
        from comet import load_from_checkpoint

        if self.device == "cuda" and not torch.cuda.is_available():
            raise QEError("--qe-device cuda: no CUDA device is available")
        try:
            model = load_from_checkpoint(str(self.checkpoint), reload_hparams=True, local_files_only=True)
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise QEError(f"cannot load the QE model: {str(exc).splitlines()[0]}", str(self.checkpoint)) from None
        return self._prepare(model)

    def _prepare(self, model):
        import torch

        model.eval()
        if self.quantize:
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        return model.to(self.device)

    def score(self, pairs: list[tuple[str, str]]) -> list[Scored]:
        out: list[Scored | None] = [None] * len(pairs)
        keys = [cache_key(self.model_id, s, t) for s, t in pairs]
        todo = []
        for i, key in enumerate(keys):
            hit = self.cache.get(key)
            if hit is None:
                todo.append(i)
            else:
                out[i] = Scored(*hit)
        self.hits += len(pairs) - len(todo)
        self.misses += len(todo)
        if todo:
            fresh = self._predict([pairs[i] for i in todo])
            for i, result in zip(todo, fresh):
                out[i] = result
            self.cache.put_many([(keys[i], out[i].score, out[i].spans) for i in todo])
        return out

    def _predict(self, pairs: list[tuple[str, str]]) -> list[Scored]:
        import torch

        model = self.model
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        results: list[Scored | None] = [None] * len(pairs)
        show = self.progress if self.progress is not None else (len(pairs) > 64 and sys.stderr.isatty())
        bar = None
        if show:
            from tqdm import tqdm

            bar = tqdm(total=len(pairs), desc="QE", unit="sent", file=sys.stderr)
        for b in range(0, len(order), self.batch_size):
            chunk = order[b : b + self.batch_size]
            samples = [{"src": pairs[i][0], "mt": pairs[i][1]} for i in chunk]
            with torch.inference_mode():
                batch = _to_device(model.prepare_sample(samples, stage="predict"), self.device)
                prediction = model.predict_step(batch)
            scores = prediction.scores.tolist()
            spans = (prediction.get("metadata") or {}).get("error_spans") if hasattr(prediction, "get") else None
            for k, i in enumerate(chunk):
                found = [
                    {"start": int(s["start"]), "end": int(s["end"]), "severity": s["severity"],
                     "confidence": float(s["confidence"])}
                    for s in (spans[k] if spans else []) if int(s["end"]) > int(s["start"])
                ]
                results[i] = Scored(float(scores[k]), found)
            if bar:
                bar.update(len(chunk))
        if bar:
            bar.close()
        return results


def _to_device(batch, device: str):
    if device == "cpu":
        return batch
    if isinstance(batch, dict):
        return {k: _to_device(v, device) for k, v in batch.items()}
    if isinstance(batch, (list, tuple)):
        return type(batch)(_to_device(v, device) for v in batch)
    return batch.to(device) if hasattr(batch, "to") else batch
