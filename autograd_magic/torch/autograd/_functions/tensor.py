"""torch.autograd._functions.tensor: the deprecated Resize Function behind Tensor.resize / Tensor.resize_as
(PyTorch keeps it in Python, so its node is a custom Function's ResizeBackward and its output a view made inside a
Function)."""
import functools
import operator

from ..function import Function


class Resize(Function):
    """A new shape over the same elements: refuses any change of the element count (unlike Tensor.resize_)."""
    __module__ = "torch.autograd._functions.tensor"   # (its repr, as PyTorch's)

    @staticmethod
    def forward(ctx, tensor, sizes):
        ctx.sizes = sizes
        # (PyTorch multiplies whatever it was given: resize((2, 3)) multiplies a tuple and so never matches)
        ctx.numel = functools.reduce(operator.mul, sizes, 1)
        if tensor.numel() != ctx.numel:
            raise RuntimeError(
                f"requested resize to {'x'.join(map(str, sizes))} ({ctx.numel} elements in total), but the given "
                f"tensor has a size of {'x'.join(map(str, tensor.size()))} ({tensor.numel()} elements). autograd's "
                "resize can only change the shape of a given tensor, while preserving the number of elements. ")
        ctx.input_sizes = tensor.size()
        if tensor.is_contiguous():
            return tensor.new(tensor).contiguous().view(*sizes)
        return tensor.contiguous().view(*sizes)

    @staticmethod
    def backward(ctx, grad_output):
        if grad_output.numel() != ctx.numel:
            raise AssertionError(f"Expected grad_output to have {ctx.numel} elements, but got {grad_output.numel()}")
        return grad_output.contiguous().view(ctx.input_sizes), None
