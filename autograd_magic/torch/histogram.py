"""torch.histc and torch.histogram: the engine's (engine/histogram.py), under the module path PyTorch users know."""
from ..engine.histogram import histc, histogram, histogram_result  # noqa: F401
