"""torch.nn.Buffer: a tensor that assigning to a Module attribute registers as a buffer (``self.mask =
nn.Buffer(torch.ones(3), persistent=False)``). As in PyTorch, ``Buffer(t)`` is a plain detached Tensor marked
``_is_buffer``; isinstance(x, nn.Buffer) reads the mark."""
from ...engine import torch_function
from ...engine.creation import empty
from ...engine.tensor import Tensor


class _BufferMeta(type):
    def __instancecheck__(cls, instance):
        if cls is Buffer and isinstance(instance, Tensor) and getattr(instance, "_is_buffer", False):
            return True
        return super().__instancecheck__(instance)


class Buffer(Tensor, metaclass=_BufferMeta):
    __module__ = "torch.nn.parameter"
    __torch_function__ = torch_function.DISABLED   # (PyTorch: _disabled_torch_function_impl)

    def __new__(cls, data=None, *, persistent=True):
        if data is None:
            data = empty(0)
        t = data.detach()._requires_grad(data.requires_grad)
        t.persistent = persistent
        t._is_buffer = True
        return t
