"""jaanch: translation-quality auditing for Hindi newsrooms (the headless engine).

Nothing in this package imports textual, torch or comet at module level: the rule
engine must start fast and run in CI images that have only the base install.
"""

__version__ = "0.1.0"
