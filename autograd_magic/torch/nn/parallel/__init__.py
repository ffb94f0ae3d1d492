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


from ....engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.nn.parallel", name)
