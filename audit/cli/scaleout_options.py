"""`--ray ADDRESS` and friends: the options of a run spread over a Ray cluster.

They are parsed here, but the run itself lives in the top-level `scaleout` package, which the
console script hands such a run to: audit/ never imports ray.
"""

from __future__ import annotations

import argparse

from audit.cli.qe_options import output_name
from audit.core.errors import UsageError


def add_ray_options(parser: argparse.ArgumentParser, parquet: bool = False) -> None:
    group = parser.add_argument_group("scaling out (needs the ray extra: pip install 'jaanch[ray]')")
    group.add_argument("--ray", metavar="ADDRESS",
                       help="run on Ray: `local` starts one on this machine with all its cores; "
                            "otherwise a cluster address (auto, HOST:6379, ray://HOST:10001)")
    group.add_argument("--ray-workers", type=int, metavar="N",
                       help="actors in the pool, each holding one loaded engine "
                            "(default: the cluster's CPUs, or its GPUs with --qe-device cuda)")
    if parquet:
        group.add_argument("--output-parquet", type=output_name, metavar="DIR",
                           help="with --ray: write one row per file (its findings nested) as Parquet files "
                                "into DIR instead of printing a report")


def wants_ray(args: argparse.Namespace) -> bool:
    """True when the run goes to Ray; the Ray-only options without --ray are an error."""
    if getattr(args, "ray", None):
        if args.ray_workers is not None and args.ray_workers < 1:
            raise UsageError(f"--ray-workers {args.ray_workers}: give at least 1")
        return True
    for option in ("ray_workers", "output_parquet"):
        if getattr(args, option, None) is not None:
            raise UsageError(f"--{option.replace('_', '-')} needs --ray ADDRESS")
    return False
