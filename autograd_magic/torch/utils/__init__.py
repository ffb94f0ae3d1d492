"""torch.utils: data (Dataset, TensorDataset, DataLoader, random_split)."""
import sys

if __name__ != "autograd_magic.torch.utils":
    # `from torch.utils.data import ...` in a cell whose `torch` is this package loads this file again under the
    # name torch.utils: stand in for it with the one real module, so that classes are not defined twice.
    from autograd_magic.torch import utils as _utils
    sys.modules[__name__] = _utils
    sys.modules[__name__ + ".data"] = _utils.data
else:
    from . import data  # noqa: F401
