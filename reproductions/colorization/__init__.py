"""Colorization as a self-supervised pretext task (Zhang et al. 2016; Larsson et al. 2017)."""
