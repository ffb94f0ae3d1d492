"""torch.utils.tensorboard: PyTorch's module imports the tensorboard package first, so without it a lesson's
``from torch.utils.tensorboard import SummaryWriter`` fails with the same ModuleNotFoundError as on PyTorch; with it,
the engine does not write TensorBoard logs, and SummaryWriter says so."""
import tensorboard  # noqa: F401  (ModuleNotFoundError: No module named 'tensorboard', as PyTorch's import gives)

if not hasattr(tensorboard, "__version__") or tuple(
        int(p) for p in str(tensorboard.__version__).split(".")[:2] if p.isdigit()) < (1, 15):
    raise ImportError("TensorBoard logging requires TensorBoard version 1.15 or above")
del tensorboard


class SummaryWriter:
    """Not implemented: the engine writes no TensorBoard event files."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("autograd_magic implements a subset of PyTorch, and "
                                  "torch.utils.tensorboard.SummaryWriter is not part of it")


FileWriter = SummaryWriter
