"""A small test reproduction: a linear baseline against a small CNN on the shapes data."""
