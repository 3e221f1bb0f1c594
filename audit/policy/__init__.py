"""Policy: what a desk switches on or off: configuration, baselines, stored and inline suppressions."""
