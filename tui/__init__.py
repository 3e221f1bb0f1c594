"""The review TUI: a thin Textual shell over `audit.review.session.ReviewSession`.

Nothing here runs engine code on the UI thread, and nothing in `audit/` imports this package.
"""
