"""Inputs: CMS exports (HTML, JSON), source/target pairs (TSV, JSONL, XLIFF) and article alignment, located at file offsets."""
