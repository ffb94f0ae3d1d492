"""torch.utils: data (Dataset, TensorDataset, DataLoader, random_split) and benchmark (Timer)."""
from . import benchmark, data  # noqa: F401
