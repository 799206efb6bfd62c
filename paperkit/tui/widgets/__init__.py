"""Widgets of the reader, one per file."""
