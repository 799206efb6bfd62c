"""Sub-commands of `paperkit`, one module per area, imported lazily by `paperkit.cli`.

The outermost layer: may import everything; nothing but `paperkit.cli` imports it (by name, on
first use, so `paperkit --help` and non-training commands never load torch).
"""
