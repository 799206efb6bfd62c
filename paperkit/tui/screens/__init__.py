"""Screens of the reader: one per pass, plus the dialogs they open."""
