"""Commands: the jaanch command line, its subcommands and their options."""
