"""Checks of this category; each module holds one check."""
