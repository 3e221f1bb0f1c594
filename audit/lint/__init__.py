"""The lint engine: the checks, the rule registry and the engine that runs them and applies fixes."""
