"""COMET quality-estimation models (CometKiwi sentence scores, xCOMET error spans), offline.

A checkpoint is a pickle: loading one could run code. Models are therefore only loaded from a path
the user named or from the local model folders below, the Hugging Face hub is switched off, the
checkpoint is read with `weights_only=True` passed explicitly (so TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD
cannot turn it off), and hparams.yaml is read with yaml.safe_load before anything else reads it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from audit.core.errors import JaanchError
from audit.qe.cache import ScoreCache, cache_key


CHUNK_BATCHES = 8  # pairs tokenised together, then cut into batches by token count (batching.py)


class QEError(JaanchError):
    """A QE model cannot be found or loaded."""


def model_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path(p) for p in os.environ.get("JAANCH_MODELS", "").split(os.pathsep) if p]
    return dirs + [home / ".cache" / "jaanch" / "models"]


def resolve_checkpoint(name_or_path: str) -> Path:
    """A checkpoint file for a path or a model name; never the network.

    A folder that exists is a local model, read as one (its checkpoint, or one line naming it); a
    missing one written as a path (absolute, ./, ~, a .ckpt, more than one slash, or under a folder
    that exists here) is a path error naming it. Only what is left is a model name (org/name) looked
    up in the local model folders and the Hugging Face cache: a folder was read as a name, and the
    message sent the user to ~/.cache/jaanch/models/FOLDER."""
    given = Path(name_or_path).expanduser()
    if given.is_dir():
        return _checkpoint_in(given)
    if given.is_file():
        if given.suffix.lower() in (".yaml", ".yml", ".json"):
            raise QEError("is a settings file, not a checkpoint: give the model folder (the one holding "
                          "hparams.yaml and checkpoints/) or checkpoints/model.ckpt", str(given))
        return given
    if os.path.lexists(given):
        what = "a broken symbolic link" if given.is_symlink() else "neither a file nor a folder"
        raise QEError(f"--qe-model: is {what}; give a COMET model folder or its checkpoints/model.ckpt", name_or_path)
    if _looks_like_path(name_or_path):
        raise QEError("--qe-model: no such file or folder; give a COMET model folder (hparams.yaml beside "
                      "checkpoints/model.ckpt) or the checkpoint file; jaanch downloads nothing", name_or_path)
    candidates = [folder / name_or_path / "checkpoints" / "model.ckpt" for folder in model_dirs()]
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


def _looks_like_path(value: str) -> bool:
    """Whether a --qe-model that names nothing here was meant as a path, not a model name (org/name)."""
    first = value.split("/")[0]
    return (value.startswith(("/", ".", "~")) or value.endswith(("/", ".ckpt")) or value.count("/") > 1
            or ("/" in value and Path(first).is_dir()))


def _checkpoint_in(folder: Path) -> Path:
    """The checkpoint of a local model folder: the folder COMET saves (hparams.yaml beside
    checkpoints/model.ckpt), its checkpoints/ folder, or a Hugging Face cache folder of one
    (models--ORG--NAME, holding snapshots/*/checkpoints/model.ckpt)."""
    candidates = [folder / "checkpoints" / "model.ckpt"]
    if folder.name == "checkpoints":
        candidates.append(folder / "model.ckpt")
    candidates.extend(sorted(folder.glob("snapshots/*/checkpoints/model.ckpt")))
    for path in candidates:
        if path.is_file():
            return path
    raise QEError("--qe-model: is a folder with no COMET checkpoint in it (looked for checkpoints/model.ckpt); "
                  "give the model folder that holds hparams.yaml and checkpoints/, or the checkpoint file",
                  str(folder))


def read_hparams(path: Path) -> dict:
    """hparams.yaml as plain data: yaml.safe_load constructs no Python objects."""
    import yaml

    from audit.core.fileio import read_text

    class OneOfEach(yaml.SafeLoader):
        """safe_load, refusing a mapping that gives a key twice (it kept the last without a word: which
        encoder or layer mix the model meant is a guess); a merge key (<<) is YAML's own."""

        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else ():
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise yaml.constructor.ConstructorError(None, None, f"{key_node.value!r} is given twice; keep one",
                                                            key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep)

    try:
        data = yaml.load(read_text(path, "hparams.yaml"), Loader=OneOfEach)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise QEError(f"refused hparams.yaml: {reason}", str(path), mark.line + 1 if mark else None) from None
    except RecursionError:  # lists nested thousands deep: an internal error, exit 3
        raise QEError("refused hparams.yaml: nested too deeply to be a model's settings", str(path)) from None
    if not isinstance(data, dict):
        raise QEError("hparams.yaml must be a mapping of settings", str(path))
    return data


def model_identity(checkpoint: Path) -> str:
    """Cheap but content-based: hparams, size and the first megabyte of the checkpoint."""
    h = hashlib.sha256()
    hparams = checkpoint.parent.parent / "hparams.yaml"
    if not hparams.is_file():
        raise QEError(f"no hparams.yaml beside checkpoints/ (looked for {hparams})", str(checkpoint))
    try:
        h.update(hparams.read_bytes())
        h.update(str(checkpoint.stat().st_size).encode())
        with open(checkpoint, "rb") as handle:
            h.update(handle.read(1 << 20))
    except OSError as exc:
        from audit.core.fileio import describe

        raise QEError(f"cannot read the QE model: {describe(exc)}", str(exc.filename or checkpoint)) from None
    return f"{checkpoint.parent.parent.name}@{h.hexdigest()[:12]}"


@dataclass
class Scored:
    score: float
    spans: list[dict] = field(default_factory=list)  # {start, end, severity, confidence} in the target


@dataclass
class CometScorer:
    """One model load per run; length-sorted batches; no Trainer per call; optional int8 encoder,
    by torch's dynamic quantisation (quantize) or on ONNX Runtime (runtime="onnx", always int8), or
    bfloat16 matrix products under autocast (precision="bfloat16": for GPUs, whose tensor cores run
    bfloat16 several times faster than float32; layer norms and softmax stay float32)."""

    name: str
    device: str = "cpu"
    batch_size: int = 16
    quantize: bool = False
    cache: ScoreCache = field(default_factory=lambda: ScoreCache(None))
    runtime: str = "torch"
    precision: str = "float32"
    progress: bool | None = None
    hits: int = 0
    misses: int = 0

    def __post_init__(self):
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # see audit/qe/onnx_encoder.py
        self._model = None
        if self.runtime == "onnx" and self.device != "cpu":
            raise QEError("--qe-runtime onnx runs on the CPU; on a GPU use --qe-runtime torch")
        if self.precision not in PRECISIONS:
            raise QEError(f"unknown QE precision {self.precision!r} (known: {', '.join(PRECISIONS)})")
        if self.precision != "float32" and (self.quantize or self.runtime == "onnx"):
            raise QEError(f"--qe-precision {self.precision} is for the torch runtime's float model; "
                          "--qe-quantize and --qe-runtime onnx are int8 already")
        self.checkpoint = None
        if self.name.startswith("memory:"):
            return  # see in_memory(): a model built in this process, for benchmarks
        self.checkpoint = resolve_checkpoint(self.name)
        self.model_id = model_identity(self.checkpoint) + self._variant()

    def _variant(self) -> str:
        """Part of the model id, so the score cache keeps each runtime's (slightly different) scores."""
        if self.runtime == "onnx":
            return "+onnx-int8"
        return "+int8" if self.quantize else "+bf16" if self.precision == "bfloat16" else ""

    def _cache_id(self) -> str:
        """What the score cache files scores under: for the ONNX runtime the export recipe's version
        too, since a new recipe's int8 scores differ (within the tolerance) from an old one's."""
        if self.runtime != "onnx":
            return self.model_id
        from audit.qe.onnx_encoder import EXPORT_VERSION

        return f"{self.model_id}.v{EXPORT_VERSION}"

    @classmethod
    def in_memory(cls, model, label: str, **options) -> "CometScorer":
        """Wrap a model object already in memory (benchmarks build one with random weights)."""
        scorer = cls(f"memory:{label}", **options)
        scorer.model_id = label + scorer._variant()
        scorer._model = scorer._prepare(model, owned=False)
        return scorer

    @property
    def model(self):
        if self._model is None:
            self._model = self._load()
        return self._model

    def _load(self):
        try:
            import torch

            with warnings.catch_warnings():  # torchmetrics warns about pkg_resources on import: noise to a user
                warnings.filterwarnings("ignore", message=".*pkg_resources", category=UserWarning)
                warnings.filterwarnings("ignore", message=".*pkg_resources", category=DeprecationWarning)
                from comet.models import str2model
        except ImportError as exc:
            missing = getattr(exc, "name", None) or "torch"
            raise QEError(f"--qe needs the qe extra (torch and unbabel-comet; {missing} is missing): "
                          "pip install 'jaanch[qe]'", str(self.checkpoint)) from None
        self._require_onnx()

        if self.device == "cuda" and not torch.cuda.is_available():
            raise QEError("--qe-device cuda: no CUDA device is available")
        hparams_file = self.checkpoint.parent.parent / "hparams.yaml"
        hparams = read_hparams(hparams_file)
        model_class = str2model.get(str(hparams.get("class_identifier")))
        if model_class is None:
            raise QEError(f"unknown COMET model class {hparams.get('class_identifier')!r} "
                          f"(known: {', '.join(sorted(str2model))})", str(hparams_file))
        options = {}
        if hparams.get("layer_transformation") == "sparsemax_patch":
            options["layer_transformation"] = "softmax"  # what comet's own loader does since 2.2.4
        try:
            model = model_class.load_from_checkpoint(
                checkpoint_path=str(self.checkpoint), hparams_file=str(hparams_file), load_pretrained_weights=False,
                map_location=torch.device("cpu"), strict=False, local_files_only=True, weights_only=True,
                **options)
        except pickle.UnpicklingError as exc:
            raise QEError(_refusal(str(exc)), str(self.checkpoint)) from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RuntimeError, EOFError, ImportError) as exc:
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise QEError(f"cannot load the QE model: {detail}", str(self.checkpoint)) from None
        return self._prepare(model)

    def _require_onnx(self) -> None:
        if self.runtime != "onnx":
            return
        try:
            import onnx  # noqa: F401
            import onnxruntime  # noqa: F401
        except ImportError as exc:
            missing = getattr(exc, "name", None) or "onnxruntime"
            raise QEError(f"--qe-runtime onnx needs the qe extra's onnxruntime and onnx ({missing} is missing): "
                          "pip install 'jaanch[qe]'", str(self.checkpoint or self.name)) from None

    def _prepare(self, model, owned: bool = True):
        import torch

        model.eval()
        if self.runtime == "onnx":
            return self._on_onnx(model, owned)
        if self.quantize:
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        return model.to(self.device)

    def _on_onnx(self, model, owned: bool):
        import copy

        import torch

        from audit.qe.onnx_encoder import OnnxEncoder, OnnxUnsupported, check_supported, drop_torch_encoder, \
            use_onnx_encoder

        self._require_onnx()
        try:
            check_supported(model)
        except OnnxUnsupported as exc:
            raise QEError(str(exc), str(self.checkpoint or self.name)) from None
        encoder = OnnxEncoder(model, self.model_id, torch.get_num_threads())
        if owned:
            drop_torch_encoder(model)
        else:
            model = copy.copy(model)  # the caller's model keeps its own forward
        use_onnx_encoder(model, encoder)
        return model

    def score(self, pairs: list[tuple[str, str]]) -> list[Scored]:
        out: list[Scored | None] = [None] * len(pairs)
        cache_id = self._cache_id()
        keys = [cache_key(cache_id, s, t) for s, t in pairs]
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
        model = self.model  # first: it says so in one line when torch or comet is missing
        import torch

        from audit.qe.batching import row_lengths, take, token_batches

        # characters first, to cut chunks of similar pairs; within a chunk, tokens (see batching.py)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        results: list[Scored | None] = [None] * len(pairs)
        show = self.progress if self.progress is not None else (len(pairs) > 64 and sys.stderr.isatty())
        bar = None
        if show:
            from tqdm import tqdm

            bar = tqdm(total=len(pairs), desc="QE", unit="sent", file=sys.stderr)
        step = self.batch_size * CHUNK_BATCHES
        half = self.precision == "bfloat16"
        for c in range(0, len(order), step):
            chunk = order[c : c + step]
            with torch.inference_mode():
                tokenised = model.prepare_sample([{"src": pairs[i][0], "mt": pairs[i][1]} for i in chunk],
                                                 stage="predict")
            for rows in token_batches(row_lengths(tokenised), self.batch_size):
                with torch.inference_mode(), torch.autocast(self.device, torch.bfloat16, enabled=half):
                    prediction = model.predict_step(_to_device(take(tokenised, rows), self.device))
                scores = prediction.scores.float().tolist()
                spans = (prediction.get("metadata") or {}).get("error_spans") if hasattr(prediction, "get") else None
                for k, row in enumerate(rows):
                    found = [
                        {"start": int(s["start"]), "end": int(s["end"]), "severity": s["severity"],
                         "confidence": float(s["confidence"])}
                        for s in (spans[k] if spans else []) if int(s["end"]) > int(s["start"])
                    ]
                    results[chunk[row]] = Scored(float(scores[k]), found)
                if bar:
                    bar.update(len(rows))
        if bar:
            bar.close()
        return results


PRECISIONS = ("float32", "bfloat16")


def _refusal(message: str) -> str:
    """torch's many-paragraph UnpicklingError as one line: code in the pickle, or not a checkpoint."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    code = next((line for line in lines if "GLOBAL" in line), None)
    if code is not None:
        return f"refused the checkpoint: it asks to run code when loaded ({code.rstrip('.')}); jaanch loads weights only"
    detail = next((line for line in lines if line.startswith("Unsupported")), lines[0] if lines else "")
    return f"not a readable PyTorch checkpoint (corrupt or another format: {detail})"


def _to_device(batch, device: str):
    if device == "cpu":
        return batch
    if isinstance(batch, dict):
        return {k: _to_device(v, device) for k, v in batch.items()}
    if isinstance(batch, (list, tuple)):
        return type(batch)(_to_device(v, device) for v in batch)
    return batch.to(device) if hasattr(batch, "to") else batch
