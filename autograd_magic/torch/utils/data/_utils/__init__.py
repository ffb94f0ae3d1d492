"""torch.utils.data._utils: the helpers PyTorch's loader is made of; the engine has the one learners import,
``torch.utils.data._utils.collate`` (collate with a collate_fn_map, default_collate_fn_map)."""
from . import collate  # noqa: F401
