"""paperkit: read, review and reproduce machine-learning papers."""

__version__ = "0.1.0"
