"""Build a tiny COMET model offline: a SentencePiece vocabulary trained here, a tiny XLM-R
encoder, a UnifiedMetric head, saved the way released checkpoints are (checkpoints/model.ckpt
beside hparams.yaml). Used by the QE tests and by the QE benchmark (with a bigger encoder)."""

from __future__ import annotations

import os
from pathlib import Path

TEXT = """\
The company released a new model this week and said it was trained at a low cost.
कंपनी ने इस हफ्ते नया मॉडल जारी किया और कहा कि इसे कम लागत पर प्रशिक्षित किया गया।
Analysts said the chip export rules would slow down the industry in the coming year.
विश्लेषकों ने कहा कि चिप निर्यात के नियम आने वाले साल में उद्योग की रफ्तार धीमी करेंगे।
The minister said the monsoon was better than normal and rural demand would rise.
मंत्री ने कहा कि मानसून सामान्य से बेहतर रहा और ग्रामीण मांग बढ़ेगी।
"""


def build_tiny_comet(folder: Path, hidden: int = 32, layers: int = 2, heads: int = 2,
                     intermediate: int = 64, vocab: int = 300, word_level: bool = True, seed: int = 7,
                     head_sizes: list[int] | None = None, save: bool = True, layer_norm: bool = True):
    """Return the checkpoint path (folder/checkpoints/model.ckpt), or the model itself with save=False.
    layer_norm is the layer mix's (comet's default True; CometKiwi's released hparams say false)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import sentencepiece as spm
    import torch
    from transformers import XLMRobertaConfig, XLMRobertaModel, XLMRobertaTokenizer

    from comet.models import UnifiedMetric

    torch.manual_seed(seed)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.txt"
    corpus.write_text(TEXT * 20, encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "spm"), vocab_size=vocab, model_type="unigram",
        hard_vocab_limit=False, character_coverage=1.0, bos_id=0, pad_id=1, eos_id=2, unk_id=3,
        minloglevel=2,
    )
    encoder_dir = folder / "encoder"
    tokenizer = XLMRobertaTokenizer(vocab_file=str(folder / "spm.model"))
    tokenizer.save_pretrained(encoder_dir)
    config = XLMRobertaConfig(
        vocab_size=len(tokenizer), hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
        intermediate_size=intermediate, max_position_embeddings=514, type_vocab_size=1,
        pad_token_id=tokenizer.pad_token_id,
    )
    XLMRobertaModel(config).save_pretrained(encoder_dir)
    model = UnifiedMetric(
        pretrained_model=str(encoder_dir), encoder_model="XLM-RoBERTa", input_segments=["mt", "src"],
        hidden_sizes=head_sizes or [hidden], word_level_training=word_level, word_layer=1 if layers > 1 else 0,
        sent_layer="mix", load_pretrained_weights=True, local_files_only=True, layer_norm=layer_norm,
    )
    if not save:
        return model
    ckpt_dir = folder / "checkpoints"
    ckpt_dir.mkdir(exist_ok=True)
    checkpoint = ckpt_dir / "model.ckpt"
    import pytorch_lightning as pl

    trainer = pl.Trainer(accelerator="cpu", devices=1, logger=False, enable_checkpointing=False,
                         enable_progress_bar=False, enable_model_summary=False)
    trainer.strategy.connect(model)
    trainer.save_checkpoint(str(checkpoint), weights_only=True)
    import yaml

    hparams = dict(model.hparams)
    (folder / "hparams.yaml").write_text(yaml.safe_dump(hparams), encoding="utf-8")
    return checkpoint
