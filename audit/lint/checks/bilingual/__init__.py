"""Bilingual checks: the translation compared with its English source (pairs files, `--source` articles)."""
