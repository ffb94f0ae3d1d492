"""torch.utils.hooks: RemovableHandle, the class of what every register_*hook returns (``isinstance(h,
torch.utils.hooks.RemovableHandle)``)."""
from ...engine.autograd import RemovableHandle  # noqa: F401
