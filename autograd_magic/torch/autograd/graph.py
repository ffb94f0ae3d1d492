"""torch.autograd.graph: hooks for saved tensors (saved_tensors_hooks, save_on_cpu, disable_saved_tensors_hooks),
as in PyTorch's tutorial "Hooks for saved tensors". Which tensors an op saves is PyTorch's choice: the engine
follows it for the common ops and refuses the hooks, naming the op, elsewhere (engine/saved_hooks.py)."""
import contextlib

from ...engine import saved_hooks
from ...engine.creation import empty


class saved_tensors_hooks:
    """Context manager: pack_hook(tensor) is called each time an op saves a tensor for backward and what it returns
    is kept instead; unpack_hook(packed) gives the tensor back when backward uses it.

    >>> with torch.autograd.graph.saved_tensors_hooks(lambda t: t * 4, lambda t: t / 4):
    ...     y = x.pow(2)
    """
    __module__ = "torch.autograd.graph"

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        saved_hooks.push(self.pack_hook, self.unpack_hook)

    def __exit__(self, *args):
        saved_hooks.pop()


class save_on_cpu(saved_tensors_hooks):
    """Saved tensors kept on the CPU and moved back to their device for backward (on this CPU-only build: a copy
    with pin_memory=True, the tensor itself otherwise)."""
    __module__ = "torch.autograd.graph"

    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack_to_cpu(tensor):
            if not pin_memory:
                return (tensor.device, tensor.cpu())
            packed = empty(tensor.size(), dtype=tensor.dtype)
            packed.copy_(tensor)
            return (tensor.device, packed)

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor.to(device)

        super().__init__(pack_to_cpu, unpack_from_cpu)


@contextlib.contextmanager
def disable_saved_tensors_hooks(error_message):
    """Inside, entering saved_tensors_hooks (or save_on_cpu) raises RuntimeError(error_message)."""
    saved_hooks.disable(error_message)
    try:
        yield
    finally:
        saved_hooks.enable()


def __getattr__(name):
    raise AttributeError(f"module 'torch.autograd.graph' has no attribute '{name}': autograd_magic implements a "
                         f"subset of PyTorch, and torch.autograd.graph.{name} is not part of it")
