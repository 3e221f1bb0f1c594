"""COMET encoders on ONNX Runtime with int8 weights: the CPU path that does not rest on torch's
deprecated dynamic quantisation (`--qe-runtime onnx`).

What is exported is the encoder together with what the heads read from it: the learned mix of
all hidden layers (CometKiwi and xCOMET score from a softmax-weighted sum of every layer, not the
last one) at the first token, and the word layer for error spans. It is exported once with
torch.onnx's TorchScript exporter (it needs `onnx` only), quantised with onnxruntime's
quantize_dynamic (int8 weights; activations quantised per batch at run time) and cached under
~/.cache/jaanch/onnx/, keyed by the model identity. The heads (the estimator feed-forward and the
word tagger) stay in torch in float32: they are small, and the score is read from them.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import warnings
from pathlib import Path

EXPORT_VERSION = 3  # bump when the exported graph changes: old folders are then never read (3: first-token mix)
MODEL_FILE = "encoder.int8.onnx"


class OnnxUnsupported(Exception):
    """The model cannot take the ONNX path; the message says why, in one line."""


def onnx_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "jaanch" / "onnx"


def check_supported(model) -> None:
    """The ONNX path replaces UnifiedMetric.forward (CometKiwi 22/23, xCOMET); others keep torch."""
    if type(model).__name__ != "UnifiedMetric" or not hasattr(model, "estimator"):
        raise OnnxUnsupported(f"--qe-runtime onnx runs UnifiedMetric models (CometKiwi, xCOMET), "
                              f"not {type(model).__name__}; use --qe-runtime torch")
    if model.encoder.uses_token_type_ids:
        raise OnnxUnsupported("--qe-runtime onnx runs XLM-R-style encoders (no token type ids); "
                              "use --qe-runtime torch")


def _encoder_and_mix(model):
    import torch

    class EncoderAndMix(torch.nn.Module):
        """UnifiedMetric.forward up to the heads, as one traceable module."""

        def __init__(self):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            m = self.model
            layers = m.encoder(input_ids, attention_mask)["all_layers"]
            if m.layerwise_attention:
                mixed = m.layerwise_attention(layers, attention_mask)
            else:
                mixed = layers[m.hparams.sent_layer]
            if m.word_level:
                return mixed[:, 0, :], layers[m.hparams.word_layer]
            return mixed[:, 0, :]

    if _reads_first_token_only(model):
        return _first_token_mix(model).eval()
    return EncoderAndMix().eval()


def _reads_first_token_only(model) -> bool:
    """A sentence-only model whose layer mix has no layer norm (CometKiwi's hparams say
    layer_norm: false) reads one position of each layer: the first token's."""
    mix = model.layerwise_attention
    config = model.encoder.model.config  # relative position keys would need their own last layer
    return (not model.word_level and bool(mix) and not mix.layer_norm
            and getattr(config, "position_embedding_type", "absolute") == "absolute")


def _first_token_mix(model):
    import copy
    import math

    import torch

    class FirstTokenMix(torch.nn.Module):
        """The same sentence embedding with less work, for models that read only the first token:
        the layer mix is taken over the first token of each layer, not every token, and the last
        layer is run for the first token only (its other positions feed nothing: its keys and
        values still come from every token of the layer below). Exact, not an approximation."""

        def __init__(self):
            super().__init__()
            self.model = model
            transformer = model.encoder.model
            below = copy.copy(transformer.encoder)  # the encoder without its last layer, same weights
            below._modules = dict(below._modules)
            below._modules["layer"] = torch.nn.ModuleList(list(transformer.encoder.layer)[:-1])
            self.below = copy.copy(transformer)
            self.below._modules = dict(transformer._modules)
            self.below._modules["encoder"] = below
            self.last = transformer.encoder.layer[-1]

        def forward(self, input_ids, attention_mask):
            hidden = self.below(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True,
                                return_dict=True).hidden_states
            layers = [state[:, :1] for state in hidden] + [self._last_layer_first_token(hidden[-1], attention_mask)]
            return self.model.layerwise_attention(layers, attention_mask[:, :1])[:, 0, :]

        def _last_layer_first_token(self, states, attention_mask):
            """XLMRobertaLayer.forward (eager attention, no dropout) for the query at position 0."""
            attention = self.last.attention.self
            batch, tokens, width = states.shape
            heads, size = attention.num_attention_heads, attention.attention_head_size
            first = states[:, :1]
            query = attention.query(first).view(batch, 1, heads, size).transpose(1, 2)
            key = attention.key(states).view(batch, tokens, heads, size).transpose(1, 2)
            value = attention.value(states).view(batch, tokens, heads, size).transpose(1, 2)
            masked = (1.0 - attention_mask[:, None, None, :].to(states.dtype)) * torch.finfo(states.dtype).min
            weights = torch.softmax(query @ key.transpose(-1, -2) / math.sqrt(size) + masked, dim=-1)
            context = (weights @ value).transpose(1, 2).reshape(batch, 1, width)
            attended = self.last.attention.output(context, first)
            return self.last.output(self.last.intermediate(attended), attended)

    return FirstTokenMix()


def export_int8(model, folder: Path) -> None:
    """Write folder/encoder.int8.onnx (and its weights file) from a loaded UnifiedMetric."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    wrapper = _encoder_and_mix(model)
    sample = model.prepare_sample([{"src": "A short source.", "mt": "एक छोटा वाक्य।"},
                                   {"src": "Another source sentence here.", "mt": "यहाँ एक और वाक्य।"}],
                                  stage="predict")[0]
    outputs = ["sentemb", "wordemb"] if model.word_level else ["sentemb"]
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
            "sentemb": {0: "batch"}, "wordemb": {0: "batch", 1: "tokens"}}
    axes = {name: axis for name, axis in axes.items() if name in outputs or name in ("input_ids", "attention_mask")}
    float_dir = folder / "float"  # the float32 export, with its weights in files beside it when over 2 GB
    float_dir.mkdir()
    float_path = float_dir / "encoder.onnx"
    with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about Python control flow fixed at export
        torch.onnx.export(wrapper, (sample["input_ids"], sample["attention_mask"]), str(float_path),
                          dynamo=False, input_names=["input_ids", "attention_mask"], output_names=outputs,
                          dynamic_axes=axes,
                          opset_version=17, do_constant_folding=True)
    logging.disable(logging.WARNING)  # the fuser and quantize_dynamic log a line per pattern and tensor
    try:
        fused_path = _fuse(model, float_path)
        # int8 weights in a file beside the graph too: xCOMET-XXL is over protobuf's 2 GB even in int8
        quantize_dynamic(fused_path, folder / MODEL_FILE, weight_type=QuantType.QInt8, use_external_data_format=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})  # fused ops lack shapes
    finally:
        logging.disable(logging.NOTSET)
    shutil.rmtree(float_dir)
    mask = os.umask(0)
    os.umask(mask)
    for written in folder.iterdir():  # onnx writes its weights file 0600 whatever the umask
        written.chmod(0o666 & ~mask)


def _fuse(model, float_path: Path) -> Path:
    """onnxruntime's BERT fuser: one Attention op per layer (quantised whole as QAttention),
    SkipLayerNormalization and BiasGelu instead of a dozen small ops each. XLM-R is BERT-shaped."""
    from onnxruntime.transformers import optimizer

    config = model.encoder.model.config
    fused = optimizer.optimize_model(str(float_path), model_type="bert", num_heads=config.num_attention_heads,
                                     hidden_size=config.hidden_size, opt_level=0)
    fused_path = float_path.with_name("fused.onnx")
    fused.save_model_to_file(str(fused_path), use_external_data_format=True)
    return fused_path


class OnnxEncoder:
    """An ONNX Runtime session for the exported encoder, cached on disk under the model id."""

    def __init__(self, model, model_id: str, threads: int, root: Path | None = None):
        # onnxruntime's Linux wheel starts a telemetry client (a device id under ~/.cache/Microsoft,
        # an HTTP uploader) unless this is set before it is imported; a newsroom tool sends nothing
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"
        import onnxruntime  # noqa: F401  (first: a missing runtime is reported before any export)

        self.threads = threads
        self.folder = (root or onnx_dir()) / f"{_safe(model_id)}.v{EXPORT_VERSION}"
        self._temp = None
        try:
            self.session = self._cached_or_export(model)
        except OSError as exc:  # the cache folder is not ours to write: export for this run only
            import tempfile

            print(f"jaanch: warning: {self.folder}: cannot keep the ONNX export ({exc.strerror or exc}); "
                  "exporting for this run only", file=sys.stderr)
            self._temp = tempfile.TemporaryDirectory(prefix="jaanch-onnx-")
            self.folder = Path(self._temp.name)
            export_int8(model, self.folder)
            self.session = self._session()

    def _session(self):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        return ort.InferenceSession(str(self.folder / MODEL_FILE), options, providers=["CPUExecutionProvider"])

    def _cached_or_export(self, model):
        import fcntl

        self.folder.parent.mkdir(parents=True, exist_ok=True)
        with open(self.folder.parent / f".{self.folder.name}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # two workers on one model: the second waits, then reads
            if (self.folder / MODEL_FILE).is_file():
                try:
                    session = self._session()
                    _check_graph(session, model)
                    return session
                except Exception as exc:  # onnxruntime raises its own classes for a damaged file
                    print(f"jaanch: warning: {self.folder}: unreadable ONNX export "
                          f"({str(exc).splitlines()[0][:120]}); exporting again", file=sys.stderr)
                    shutil.rmtree(self.folder)
            building = self.folder.with_name(f".{self.folder.name}.tmp{os.getpid()}")
            shutil.rmtree(building, ignore_errors=True)
            building.mkdir()  # mkdir follows the umask, as the files written into it do
            try:
                export_int8(model, building)
                building.rename(self.folder)  # complete or absent: never half an export
            finally:
                shutil.rmtree(building, ignore_errors=True)
            return self._session()

    def __call__(self, input_ids, attention_mask) -> list:
        return self.session.run(None, {"input_ids": input_ids.numpy(), "attention_mask": attention_mask.numpy()})


def _check_graph(session, model) -> None:
    """A cached export is what export_int8 writes for this model: its inputs and outputs by name. Some
    other graph (a file put there, a model of another kind) loaded, and failed at the first batch."""
    inputs = [i.name for i in session.get_inputs()]
    outputs = [o.name for o in session.get_outputs()]
    want = ["sentemb", "wordemb"] if model.word_level else ["sentemb"]
    if inputs != ["input_ids", "attention_mask"] or outputs != want:
        raise ValueError(f"a graph of inputs {inputs} and outputs {outputs}, not this model's encoder")


def use_onnx_encoder(model, encoder: OnnxEncoder) -> None:
    """Route model.forward through ONNX Runtime; comet's own predict_step (score averaging,
    span decoding) runs unchanged on top of it."""
    import torch
    from comet.models.utils import Prediction

    def forward(input_ids, attention_mask, token_type_ids=None, **_):
        found = encoder(input_ids, attention_mask)
        score = model.estimator(torch.from_numpy(found[0])).view(-1)
        if model.word_level:
            return Prediction(score=score, logits=model.hidden2tag(torch.from_numpy(found[1])))
        return Prediction(score=score)

    model.forward = forward


def drop_torch_encoder(model) -> None:
    """The session holds the encoder's weights now; the torch copy (2 GB for XLM-R-large) goes.
    The config stays: tokenising reads max_positions and num_layers from it."""
    import torch

    transformer = model.encoder.model
    transformer.embeddings = torch.nn.Identity()
    transformer.encoder = torch.nn.Identity()


def _safe(model_id: str) -> str:
    return "".join(c if c.isalnum() or c in "@.+-_" else "_" for c in model_id)
