"""The op registry: every differentiable primitive's forward and vector-Jacobian product, side by side.

A vjp is written once for two array namespaces (``xp``): numpy arrays during a plain backward, and
Tensors when ``create_graph=True`` (so the backward pass is itself recorded and can be differentiated).
``vjp(xp, g, saved, consts, needs)`` returns one gradient (or None) per input; the engine then reduces
each to its input's shape and dtype (the one broadcasting helper, ``xp.fit``).
"""

OPS = {}


class OpDef:
    __slots__ = ("name", "node", "qualname", "fwd", "vjp", "saves", "save_if", "differentiable_inputs", "node_cls")

    def __init__(self, name, node, fwd, vjp, saves=(), save_if=None, qualname=None):
        self.name = name
        self.node = node
        self.qualname = qualname or node
        self.fwd = fwd
        self.vjp = vjp
        self.saves = saves          # input indices to save; -1 is the output
        self.save_if = save_if      # {saved index: input index whose requires_grad makes it needed}
        from .autograd import node_type
        self.node_cls = node_type(node)  # the grad_fn's class, named like PyTorch's


def defop(name, node, fwd, saves=(), save_if=None, qualname=None):
    """Register an op; used as a decorator on its vjp."""
    def register(vjp):
        OPS[name] = OpDef(name, node, fwd, vjp, saves, save_if, qualname)
        return vjp
    return register
