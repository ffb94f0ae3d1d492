"""torch.set_default_device / get_default_device: the engine has one device, the CPU."""
from ..engine.size import CPU, device


def set_default_device(dev):
    if dev is None:
        return
    d = dev if isinstance(dev, device) else device(dev)
    if d.type != "cpu":
        raise AssertionError("Torch not compiled with CUDA enabled" if d.type == "cuda" else
                             f"autograd_magic implements a subset of PyTorch: the default device can only be the "
                             f"cpu, not {d.type}")


def get_default_device():
    return CPU
