"""The three-pass reader: `paperkit read` as a Textual app.

The reading logic (which parts pass 1 shows, which sections pass 2 walks, time spent, notes
autosave with conflict copies) lives in `session.py` and `notes_store.py` and imports no Textual,
so it is tested directly; `app.py`, `screens/` and `widgets/` only display it. Everything that
touches the outside world (clock, library, documents, figure rendering, the system opener) sits
behind a small module the tests replace.

An interface over the halves: may import `reading`, `library`, `review` and `training` (the
registry, torch-free), never `commands`; only `paperkit.commands.read` imports it.
"""
