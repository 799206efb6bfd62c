"""Sub-commands of `paperkit`, one module per area, imported lazily by `paperkit.cli`."""
