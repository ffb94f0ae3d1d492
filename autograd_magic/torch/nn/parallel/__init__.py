"""torch.nn.parallel: DataParallel as PyTorch runs it on a machine without CUDA: the wrapped module is called as is
(``device_ids`` is empty), its parameters and state_dict keys are prefixed ``module.``, the prefix lessons strip
before loading the weights into a bare model. Distributed training is not part of the engine."""
from ..module import Module


class DataParallel(Module):
    """DataParallel(module, device_ids=None, output_device=None, dim=0): without CUDA, forward calls ``module``."""
    __module__ = "torch.nn.parallel.data_parallel"

    def __init__(self, module, device_ids=None, output_device=None, dim=0):
        super().__init__()
        self.module = module
        self.device_ids = []

    def forward(self, *inputs, **kwargs):
        return self.module(*inputs, **kwargs)


def __getattr__(name):
    raise AttributeError(f"module 'torch.nn.parallel' has no attribute '{name}': autograd_magic implements a subset "
                         f"of PyTorch, and torch.nn.parallel.{name} is not part of it")
