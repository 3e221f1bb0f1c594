"""jaanch on a Ray cluster: check, report and glossary mining over an archive, one engine per actor.

Only this package imports ray; the console script hands it `--ray ADDRESS` runs.
"""
