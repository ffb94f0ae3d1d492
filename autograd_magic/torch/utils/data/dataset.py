"""torch.utils.data.dataset: the import path of PyTorch's text-classification tutorial and older notebooks
(``from torch.utils.data.dataset import random_split``); the classes live in the package."""
from . import (ChainDataset, ConcatDataset, Dataset, IterableDataset, StackDataset, Subset, TensorDataset,  # noqa: F401
               random_split)
