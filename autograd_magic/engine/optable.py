"""The op table: every differentiable primitive declared once, forward and vector-Jacobian product side by side.

A declaration (``defop`` on the vjp) gives the op's name, PyTorch's node name (what ``grad_fn`` shows), the numpy
forward and what backward must save. With ``api=`` it also declares the public function: ``torch.NAME`` and, unless
``method=False``, the method ``Tensor.NAME`` are generated from it (tensor_base.py; Tensor inherits the methods), and
``inplace=True`` adds ``Tensor.NAME_``. Ops without ``api`` are reached through a hand-written function (or are the
backward of another op, for create_graph). ``several_outputs=True`` declares an op with several outputs, recorded
with autograd.record_multi.

A vjp is written once for two array namespaces (``xp``): numpy arrays during a plain backward (xp.NumpyXP), and
Tensors when ``create_graph=True`` (grad.TensorXP: the backward pass is itself recorded and can be
differentiated). ``vjp(xp, grad, saved, consts, needs)`` returns one gradient (or None) per input, where
``needs[i]`` is falsy when input i wants no gradient; the engine then reduces each to its input's shape and dtype
(the one broadcasting helper, ``xp.fit``).

Example (a whole new op: this declaration and one row in tests/test_gradcheck.py)::

    @defop("sinc", "SincBackward0", np.sinc, saves=(0,), api="sinc", promote="float")
    def sinc_vjp(xp, grad, saved, consts, needs):
        ...
"""
import copy

from .autograd import multi_node_type, node_type

OPS = {}


class OpDef:
    __slots__ = ("name", "node", "qualname", "fwd", "vjp", "saves", "save_if", "node_cls", "api", "method",
                 "inplace", "args", "promote", "doc", "saved_spec", "frees", "layout", "kernel")

    def __init__(self, name, node, fwd, vjp, saves=(), save_if=None, qualname=None, api=None, method=True,
                 inplace=False, args=None, promote=None, doc=None, several_outputs=False, frees=False, kernel=None):
        self.name = name
        self.node = node
        self.qualname = qualname or node
        self.fwd = fwd
        self.vjp = vjp
        self.saves = saves          # input indices to save; -1 is the output
        self.save_if = save_if      # {saved index: input index whose requires_grad makes it needed}
        # frees=True: PyTorch's node saves a tensor (avg_pool2d's input) that the engine's backward does not need;
        # the node is freed all the same after a backward without retain_graph (a second one raises)
        self.frees = frees
        # the grad_fn's class, named like PyTorch's (a node with several outputs: see autograd.record_multi)
        self.node_cls = multi_node_type(node) if several_outputs else node_type(node)
        # The public function: its names (the first is the canonical one, the others aliases such as arctan),
        # whether Tensor has it as a method (and an in-place NAME_ form; inplace="op": the in-place form records
        # that other op, where PyTorch's in-place node differs from the out-of-place one), how its arguments split
        # into tensor inputs and constants (args(*args, **kwargs) -> (inputs, consts); None: one tensor input), and
        # promote="float": integer and bool inputs are first converted to float32, as PyTorch's float ops do.
        self.api = (api,) if isinstance(api, str) else tuple(api or ())
        self.method = method and bool(self.api)
        self.inplace = inplace
        self.args = args
        self.promote = promote
        # kernel=(name, dtype kinds): PyTorch's CPU kernel has no loop for these kinds of input ("biu": integers and
        # bool), so the public function refuses them with the kernel's NotImplementedError, before any promotion
        self.kernel = kernel
        self.doc = doc or (vjp.__doc__ if vjp.__doc__ else None)
        # what PyTorch saves for backward, in its order, where the engine saves the same (engine/saved_hooks.py):
        # ((PyTorch's name, position in saves), ...); None where not checked (saved_tensors_hooks refuse the op)
        self.saved_spec = None
        # how the output is laid out in memory when that is not what numpy gives (memory_format.assign_layouts):
        # layout(data, inputs) -> data, or None
        self.layout = None


def defop(name, node, fwd, saves=(), save_if=None, qualname=None, **api):
    """Declare an op; used as a decorator on its vjp (the keyword arguments of OpDef declare its public API)."""
    def register(vjp):
        if name in OPS:
            raise ValueError(f"op {name!r} is declared twice ({OPS[name].vjp.__module__} and {vjp.__module__})")
        OPS[name] = OpDef(name, node, fwd, vjp, saves, save_if, qualname, **api)
        return vjp
    return register


def declared_ops():
    """The ops that declare a public function (``api=``), in declaration order."""
    return [op for op in OPS.values() if op.api]


_RENAMED = {}


def renamed(op, node, qualname=None):
    """op under another node name (the same forward, vjp and saved values): a node that stands for another one
    PyTorch records (ViewBackward0_copy for view_copy; the batched op whose per-element results vmap stacks)."""
    key = (op.name, node, qualname)
    new = _RENAMED.get(key)
    if new is None:
        new = _RENAMED[key] = copy.copy(op)
        new.node, new.qualname = node, qualname or node
        new.node_cls = node_type(node)
    return new
