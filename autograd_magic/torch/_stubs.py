"""Functions of the accelerator modules (torch.cuda, torch.mps, torch.xpu, torch.accelerator) that fail on a
machine without that accelerator, each under its own name, as learners print ``fn.__name__`` beside the error;
and how they read a device argument."""
from ..engine.size import device as _device


def failing(module, fail, names):
    """{name: function} for names, each calling fail(name) (which raises PyTorch's error for it)."""
    def make(name):
        def call(*args, **kwargs):
            fail(name)
        call.__name__ = call.__qualname__ = name
        call.__module__ = module
        return call
    return {name: make(name) for name in names}


def device_index(dev, optional=False, kind=None):
    """torch._utils._get_device_index (kind "cuda": torch.cuda's, which wants a CUDA device): an index, a device with
    one, or (optional) the current accelerator's, None when there is none."""
    if isinstance(dev, str):
        dev = _device(dev)
    index = None
    if isinstance(dev, _device):
        if kind is not None and dev.type != kind:
            raise ValueError(f"Expected a {kind} device, but got: {dev}")
        if dev.type == "cpu":
            raise ValueError(f"Expected a non cpu device, but got: {dev}")
        index = dev.index
    if isinstance(dev, int):
        index = dev
    if index is None and not optional:
        raise ValueError(f"Expected a torch.device with a specified index or an integer, but got:{dev}")
    return index
