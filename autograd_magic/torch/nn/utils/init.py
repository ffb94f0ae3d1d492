"""torch.nn.utils.init: skip_init (torch.nn.utils' own function)."""
from . import skip_init  # noqa: F401
