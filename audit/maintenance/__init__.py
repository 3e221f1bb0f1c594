"""Glossary maintenance over an archive: mine spellings, apply a reviewed table, lint, TBX, stats."""
