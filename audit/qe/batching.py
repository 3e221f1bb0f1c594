"""Batches by token count, not by characters: every batch runs the encoder on its longest row's
length, so a batch of 16 sentences sorted by characters can spend a fifth of its matrix multiplies
on padding (Devanagari and English tokenise at different rates, so characters are a poor guide).

The pairs are tokenised once, a chunk at a time; batches are then cut from the chunk's tensors:
rows sorted by token count, a batch closes at batch_size rows or when the next row would make
its longest row more than `slack` longer than its shortest, and padding columns no row of the
batch uses are trimmed off.
"""

from __future__ import annotations

SLACK = 0.05  # at most 5% of a batch's encoder work is padding


def token_batches(lengths: list[int], batch_size: int, slack: float = SLACK) -> list[list[int]]:
    """Row indices grouped into batches, shortest first; each batch's longest row is at most
    (1 + slack) times its shortest and it holds at most batch_size rows."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    for i in order:
        current = batches[-1] if batches else None
        if current and len(current) < batch_size and lengths[i] <= lengths[current[0]] * (1 + slack):
            current.append(i)
        else:
            batches.append([i])
    return batches


def row_lengths(inputs) -> list[int]:
    """Tokens per row over all of a prepared sample's input sequences (xCOMET may pass three)."""
    total = None
    for sequence in inputs:
        counts = sequence["attention_mask"].sum(dim=1)
        total = counts if total is None else total + counts
    return [int(n) for n in total.tolist()]


def take(inputs, rows: list[int]):
    """The prepared sample's rows `rows`, trimmed to the longest of them: the same tensors a
    prepare_sample call on just those pairs would give (padding is on the right)."""
    import torch

    picked = []
    index = torch.tensor(rows, dtype=torch.long)
    for sequence in inputs:
        mask = sequence["attention_mask"].index_select(0, index)
        width = int(mask.sum(dim=1).max())
        full_width = sequence["attention_mask"].shape[1]
        part = {}
        for key, value in sequence.items():
            if isinstance(value, torch.Tensor) and value.dim() >= 1 and value.shape[0] == len(sequence["attention_mask"]):
                value = value.index_select(0, index)
                if value.dim() >= 2 and value.shape[1] == full_width:
                    value = value[:, :width].contiguous()
                part[key] = value
            elif isinstance(value, list):
                part[key] = [value[r] for r in rows]
            else:
                part[key] = value
        picked.append(part)
    return tuple(picked)
