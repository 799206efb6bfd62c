"""mixup: Beyond Empirical Risk Minimization (arXiv 1710.09412) as a paperkit reproduction."""
