"""Built-in reproduction plugins, one folder each (`reproductions/<name>/plugin.py`).

`paperkit.training.registry` scans these folders; a workspace's own reproductions/ folder is appended to
this package's path, so its plugins import as `reproductions.<name>` too.
"""
