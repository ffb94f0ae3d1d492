"""A grad_fn's saved values under PyTorch's names (``y.grad_fn._saved_self``, ``_saved_result``,
``_saved_exponent``...), as the "Autograd mechanics" notes show them: the names are derivatives.yaml's argument
names (``self``, ``other``, ``mat2``...; ``result`` for a saved output)."""
import numpy as np

from .autograd import FREED, FREED_MESSAGE, Node
from .tensor_base import wrap

# node -> the names of its inputs, in order, where they are not (self, other)
_INPUTS = {
    "MmBackward0": ("self", "mat2"), "BmmBackward0": ("self", "mat2"), "AddmmBackward0": ("self", "mat1", "mat2"),
    "BaddbmmBackward0": ("self", "batch1", "batch2"), "MvBackward0": ("self", "vec"),
    "DotBackward0": ("self", "tensor"), "PowBackward1": ("self", "exponent"),
    "MseLossBackward0": ("self", "target"), "HuberLossBackward0": ("self", "target"),
    "SmoothL1LossBackward0": ("self", "target"), "BinaryCrossEntropyBackward0": ("self", "target", "weight"),
    "AddcmulBackward0": ("self", "tensor1", "tensor2"), "AddcdivBackward0": ("self", "tensor1", "tensor2"),
}
# node -> {name: function of the node's consts} for saved arguments that are not tensors
_CONSTS = {
    "PowBackward0": {"exponent": lambda consts: consts[0]},
}


def saved_attribute(node, name):
    """The value of node._saved_<name>, or AttributeError as PyTorch raises it for a name it does not have."""
    key = name[len("_saved_"):]
    op = node.op
    consts = _CONSTS.get(op.node, {})
    if key in consts:
        return consts[key](node.consts)
    names = _INPUTS.get(op.node, ("self", "other"))
    where = [i for i, index in enumerate(op.saves)
             if (names[index] if 0 <= index < len(names) else "result" if index < 0 else None) == key]
    if not where:
        raise AttributeError(f"'{op.node}' object has no attribute '{name}'")
    if node.saved is FREED:
        raise RuntimeError(FREED_MESSAGE)
    return _value(node, node.saved[where[0]] if node.saved else None)


def _value(node, saved):
    if saved is None:
        return None
    if isinstance(saved, (bool, int, float)):   # a Python number operand: PyTorch saves it as a wrapped tensor
        dt = np.bool_ if isinstance(saved, bool) else np.int64 if isinstance(saved, int) else np.float64
        return wrap(np.array(saved, dtype=dt))
    if saved.current() != saved.version:
        raise RuntimeError(saved._version_message(node))
    if not saved.is_output:
        return saved.tensor
    return wrap(saved.data, True, node)


Node.saved_attribute = staticmethod(saved_attribute)
