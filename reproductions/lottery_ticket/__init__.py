"""The lottery ticket hypothesis (arXiv 1803.03635) as a paperkit reproduction."""
