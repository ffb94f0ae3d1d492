"""torch.utils: data (Dataset, TensorDataset, DataLoader, random_split), benchmark (Timer), checkpoint and
deterministic."""
from . import benchmark, data, deterministic  # noqa: F401
from . import checkpoint  # noqa: F401,E402  (activation checkpointing)
