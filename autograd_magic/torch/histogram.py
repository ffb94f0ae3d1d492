"""torch.histc, torch.histogram and torch.histogramdd: the engine's (engine/histogram.py), under the module path PyTorch users know."""
from ..engine.histogram import histc, histogram, histogram_result, histogramdd, histogramdd_result  # noqa: F401
