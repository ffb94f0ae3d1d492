"""torch.utils: data (Dataset, TensorDataset, DataLoader, random_split), benchmark (Timer), checkpoint,
deterministic and hooks (RemovableHandle)."""
from . import benchmark, data, deterministic, hooks  # noqa: F401
from . import checkpoint  # noqa: F401,E402  (activation checkpointing)
