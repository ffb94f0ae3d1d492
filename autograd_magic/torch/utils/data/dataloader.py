"""torch.utils.data.dataloader: ``from torch.utils.data.dataloader import DataLoader, default_collate``."""
from . import DataLoader, default_collate, default_convert, get_worker_info  # noqa: F401
