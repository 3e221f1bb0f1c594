"""Sizing the Ray actor pool from the cluster's resources (no Ray needed: a stand-in answers)."""

from __future__ import annotations

import pytest

from audit.core.errors import UsageError
from scaleout.cluster import pool


class Cluster:
    def __init__(self, **resources):
        self.resources = resources

    def cluster_resources(self):
        return self.resources


def test_one_actor_per_cpu_or_per_gpu(capsys):
    assert pool(Cluster(CPU=64.0), None, gpus=False) == (64, 0.0)
    assert pool(Cluster(CPU=64.0, GPU=8.0), None, gpus=True, qe=True) == (8, 1.0)
    assert pool(Cluster(CPU=64.0, GPU=8.0), 3, gpus=False) == (3, 0.0)
    assert capsys.readouterr().err == ""  # GPUs idle under a lint run: nothing to say


def test_gpus_asked_for_and_missing_or_left_idle(capsys):
    with pytest.raises(UsageError, match="no GPUs"):
        pool(Cluster(CPU=16.0), None, gpus=True, qe=True)
    assert pool(Cluster(CPU=16.0, GPU=2.0), None, gpus=False, qe=True) == (16, 0.0)
    assert "pass --qe-device cuda" in capsys.readouterr().err
