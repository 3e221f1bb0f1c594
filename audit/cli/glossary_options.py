"""`jaanch glossary mine|apply|lint|import|export|stats`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from audit.cli.qe_options import _positive, output_name, path_name
from audit.cli.scaleout_options import add_ray_options
from audit.core.errors import UsageError
from audit.reporters.text import counted


def add_subcommands(sub) -> None:
    glossary = sub.add_parser("glossary", help="maintain the glossary: mine, apply, lint, import, export, stats")
    g = glossary.add_subparsers(dest="glossary_command", required=True)
    mine = g.add_parser("mine", help="group every spelling of every name across an archive for review")
    mine.add_argument("corpus", type=path_name, metavar="CORPUS_DIR")
    mine.add_argument("-o", "--output", required=True, type=output_name, metavar="TABLE", help="review table (.csv, .tsv or .parquet)")
    mine.add_argument("--glossary", action="append", default=[], type=path_name, metavar="FILE")
    # 0 or -2 workers was taken silently (as one), where `check --jobs 0` is refused
    mine.add_argument("--jobs", type=_positive, metavar="N", help="worker processes (default: this machine's cores)")
    mine.add_argument("--min-articles", type=_positive, default=1, help="ignore forms seen in fewer articles")
    add_ray_options(mine)
    apply = g.add_parser("apply", help="fold the accepted rows of a review table into a glossary")
    apply.add_argument("review", type=path_name, metavar="REVIEW_TABLE")
    apply.add_argument("--glossary", required=True, type=path_name, metavar="FILE", help="the glossary to change")
    lint = g.add_parser("lint", help="report every problem in glossary files and concept tables "
                                     "(default: the house glossary and glossaries/concepts.tsv)")
    lint.add_argument("files", nargs="*", type=path_name, metavar="FILE")
    imp = g.add_parser("import", help="TBX or CSV into a glossary or concept-table TSV")
    imp.add_argument("source", type=path_name, metavar="TBX_OR_CSV")
    imp.add_argument("-o", "--output", required=True, type=output_name, metavar="TSV")
    exp = g.add_parser("export", help="a glossary or concept-table TSV as TBX or CSV (by the output's suffix)")
    exp.add_argument("glossary", type=path_name, metavar="TSV")
    exp.add_argument("-o", "--output", required=True, type=output_name, metavar="TBX_OR_CSV")
    stats = g.add_parser("stats", help="how often each entry fires over a corpus")
    stats.add_argument("corpus", type=path_name, metavar="CORPUS_DIR")
    stats.add_argument("--glossary", action="append", default=[], type=path_name, metavar="FILE",
                       help="an extra glossary TSV (repeatable); added to the configuration's glossaries")
    stats.add_argument("--no-house-glossary", action="store_true")
    stats.add_argument("--config", type=path_name, metavar="FILE",
                       help="a jaanch.toml (default: found upwards from the corpus, as `check` finds it)")
    stats.add_argument("-o", "--output", type=output_name, metavar="CSV", help="write the table here instead of a summary")


REVIEW_SUFFIXES = (".csv", ".tsv", ".parquet")


def glossary_paths(extra: list[str]) -> list[Path]:
    from audit.language.glossary import DEFAULT_GLOSSARY

    return [DEFAULT_GLOSSARY] + [Path(p) for p in extra]


def write_mined(args: argparse.Namespace, table, answers=None) -> int:
    import polars as pl

    from audit.maintenance.review_carry import answers_note, carry_answers

    from audit.maintenance.apply import review_separator

    from audit.core.errors import InputError
    from audit.core.fileio import write_atomic

    out = Path(args.output)
    if answers is not None:
        table = carry_answers(table, answers)
    try:
        if out.suffix.lower() == ".parquet":  # atomically, as the other tables (it was written in place)
            import io

            buffer = io.BytesIO()
            table.write_parquet(buffer)
            write_atomic(out, buffer.getvalue())
        else:  # a .tsv is tab-separated, as `glossary apply` then reads it (it was CSV under any name)
            write_atomic(out, table.write_csv(separator=review_separator(out)))
    except (OSError, pl.exceptions.PolarsError) as exc:  # polars' own errors name no file
        raise InputError(f"cannot write the review table: {str(exc).splitlines()[0]}", str(out)) from None
    groups = table["group"].n_unique() if table.height else 0
    print(f"{groups} names written more than one way; review table: {out} "
          "(mark rows accept=yes, fill 'latin' for new names, then `jaanch glossary apply`)"
          + answers_note(answers))
    return 0


def _refuse_existing_table(target: Path) -> None:
    """An import writes a whole new table: over an existing glossary it replaced every row the desk
    had curated, silently. Refused, as `--output-parquet` refuses a folder that is not empty; an
    empty file (made to reserve the name) is taken."""
    import os
    import stat

    try:
        found = os.stat(target)
    except OSError:
        return  # a new file, or one the write names (a dangling link, a missing folder)
    if stat.S_ISDIR(found.st_mode):
        return  # write_atomic's "is a folder" says it
    if found.st_size:
        raise UsageError(f"-o {target}: the file exists; an import writes a whole new table, so nothing was "
                         "written: name a new file (to add rows to a glossary, import to a new one and "
                         "merge, or use `jaanch glossary apply`)")


def run(args: argparse.Namespace) -> int:
    command = args.glossary_command
    if command == "mine":
        from audit.language.glossary import Glossary
        from audit.maintenance.mine import mine

        if Path(args.output).suffix.lower() not in REVIEW_SUFFIXES:  # before the archive is read
            raise UsageError(f"-o {args.output}: name the review table .csv, .tsv or .parquet "
                             "(its suffix sets its format)")
        from audit.maintenance.review_carry import earlier_answers

        answers = earlier_answers(Path(args.output))  # a table being filled in: its answers are kept
        return write_mined(args, mine(args.corpus, Glossary.load(glossary_paths(args.glossary)), args.jobs,
                                      progress=sys.stderr.isatty(), min_articles=args.min_articles), answers)
    if command == "apply":
        from audit.maintenance.apply import apply_review

        result = apply_review(args.review, args.glossary)
        if not result["accepted"]:
            print(f"{args.review}: no accepted variant rows (mark them accept=yes); {args.glossary} was not written"
                  + (f" ({result['skipped']} accepted rows need no glossary change)" if result["skipped"] else ""))
            return 0
        print(f"{args.glossary}: {result['added']} variants added from {result['accepted']} accepted rows"
              + (f" ({result['skipped']} accepted rows need no glossary change)" if result["skipped"] else ""))
        return 0
    if command == "lint":
        from audit.language.concepts import CONCEPTS
        from audit.maintenance.concept_tables import header_of, is_concept_header, lint_concepts
        from audit.maintenance.lint import lint

        files = args.files or [str(p) for p in glossary_paths([])] + [str(CONCEPTS)]
        concept_files = [f for f in files if is_concept_header(header_of(f))]
        problems = lint([f for f in files if f not in concept_files])
        for path in concept_files:
            problems.extend(lint_concepts(path))
        for line in problems:
            print(line)
        print(f"{counted(len(problems), 'problem')} in {counted(len(files), 'file')}", file=sys.stderr)
        return 1 if problems else 0
    if command in ("import", "export"):
        from audit.maintenance import tbx

        source = Path(args.source if command == "import" else args.glossary)
        target = Path(args.output)
        fmt = (source if command == "import" else target).suffix.lower()
        if fmt not in (".tbx", ".csv"):  # the line named no file, and read "not no suffix"
            suffix = f"not {fmt}" if fmt else "it has none"
            if command == "import":
                raise UsageError(f"import reads TBX or CSV by the file's suffix ({suffix}): give a .tbx or .csv file",
                                 str(source))
            raise UsageError(f"export writes TBX or CSV by the output's suffix ({suffix}): name it .tbx or .csv",
                             f"-o {target}")
        kind = "tbx" if fmt == ".tbx" else "csv"
        from audit.core.fileio import refuse_overwriting_input

        refuse_overwriting_input(target, [source])  # import terms.csv -o terms.csv: the CSV was lost
        if command == "import":
            if target.suffix.lower() in (".tbx", ".csv"):  # an export meant: a TSV under that name, exit 0
                raise UsageError(f"-o {target}: import writes a glossary TSV, not {target.suffix[1:].upper()}; "
                                 "name it .tsv (`jaanch glossary export` writes TBX and CSV)")
            _refuse_existing_table(target)
        count = getattr(tbx, f"{command}_{kind}")(source, target)
        print(f"{command}ed {count} entries: {source} → {target}")
        return 0
    from audit.cli.main import engine_for
    from audit.maintenance.stats import entry_stats

    # the glossaries, house style and thresholds of jaanch.toml, as `check` reads them
    table = entry_stats(args.corpus, engine_for(args), args.output)
    if args.output:
        from audit.core.fileio import write_atomic

        write_atomic(args.output, table.write_csv())  # a missing folder or a folder named: one line naming it
    if not table.height:  # a header-only glossary, or none in force: "0 entries fired" read as a count
        print("the glossaries in force have no entries: nothing to count"
              + (f"; table (header only): {args.output}" if args.output else ""))
        return 0
    fired = table.filter(table["fired"] > 0)
    silent = table.filter((table["fired"] == 0) & (table["uses"] == 0))
    for row in fired.head(20).iter_rows(named=True):
        print(f"{row['fired']:6d} findings  {row['uses']:6d} uses  {row['latin']} ({row['canonical']})")
    print(f"{fired.height} entries fired; {silent.height} entries never appear in {args.corpus}"
          + (f"; table: {args.output}" if args.output else ""))
    return 0
