"""torch.utils: data (Dataset, TensorDataset, DataLoader, random_split), benchmark (Timer) and checkpoint."""
from . import benchmark, data  # noqa: F401
from . import checkpoint  # noqa: F401,E402  (activation checkpointing)
