"""Review: the headless review session behind the TUI, and its crash-safe decision journal."""
