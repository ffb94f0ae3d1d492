"""torch.set_default_device / get_default_device: the engine has one device, the CPU.

PyTorch's set_default_device (any device, the CPU included) pushes a torch function mode that stays until
set_default_device(None): while it is there, torch.overrides.has_torch_function is True for every argument, and
the eval-mode fast paths of nn.MultiheadAttention and the Transformer layers, which refuse arguments that
have a torch function, are not taken (mode_active)."""
from ..engine.size import CPU, device

_MODE = [False]   # [whether set_default_device put its mode on the stack]


def mode_active():
    """Whether a torch function mode is active (set_default_device's: the engine has no other)."""
    return _MODE[0]


def set_default_device(dev):
    if dev is None:
        _MODE[0] = False
        return
    d = dev if isinstance(dev, device) else device(dev)
    if d.type != "cpu":
        raise AssertionError("Torch not compiled with CUDA enabled" if d.type == "cuda" else
                             f"autograd_magic implements a subset of PyTorch: the default device can only be the "
                             f"cpu, not {d.type}")
    _MODE[0] = True


def get_default_device():
    return CPU
