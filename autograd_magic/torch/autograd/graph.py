"""torch.autograd.graph: hooks for saved tensors (saved_tensors_hooks, save_on_cpu, disable_saved_tensors_hooks),
as in PyTorch's tutorial "Hooks for saved tensors". Which tensors an op saves is PyTorch's choice: the engine
follows it for the common ops and refuses the hooks, naming the op, elsewhere (engine/saved_hooks.py)."""
import abc
import contextlib
import typing

from ...engine import autograd, saved_hooks
from ...engine.autograd import RemovableHandle
from ...engine.creation import empty
from ...engine.tensor import Tensor


class Node(abc.ABC):
    """The abstract class of the graph's nodes: ``isinstance(t.grad_fn, torch.autograd.graph.Node)`` holds for every
    node (an op's, AccumulateGrad, a custom Function's), as PyTorch registers its C++ nodes with it."""
    __module__ = "torch.autograd.graph"

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Node and issubclass(C, (autograd.Node, autograd.AccumulateGrad)):
            return True
        return NotImplemented

    # PyTorch's abstract methods: Node() is refused, naming them
    name = next_functions = metadata = _input_metadata = abc.abstractmethod(lambda self: None)
    register_hook = register_prehook = _register_hook_dict = _sequence_nr = abc.abstractmethod(lambda self, *a: None)


class GradientEdge(typing.NamedTuple):
    """Where a tensor's gradient is computed in the graph: its grad_fn (AccumulateGrad for a leaf) and output number."""
    node: Node
    output_nr: int
    ownership_token: typing.Optional[Node] = None


GradientEdge.__module__ = "torch.autograd.graph"


def get_gradient_edge(tensor):
    """The GradientEdge of tensor: (its grad_fn, or its AccumulateGrad when it is a leaf, and its output_nr)."""
    if not tensor.requires_grad:
        raise RuntimeError("It is not possible to get the gradient edge for a Tensor that does not require gradients")
    node = tensor._fn if tensor._fn is not None else tensor._accumulator()
    return GradientEdge(node, tensor.output_nr)


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


class _MultiHandle(RemovableHandle):
    """What register_multi_grad_hook returns: ``.remove()`` takes away the hook from every tensor."""
    __module__ = "torch.autograd.graph"

    def __init__(self, handles):
        self.handles = tuple(handles)

    def remove(self):
        for handle in self.handles:
            handle.remove()


def register_multi_grad_hook(tensors, fn, *, mode="all"):
    """fn called once per backward pass with the gradients of tensors: mode="all" after every one the pass computes
    (None for the others), mode="any" with the first one computed.

    >>> h = torch.autograd.graph.register_multi_grad_hook((a, b), lambda grads: print(grads))
    >>> (a * 2 + b).sum().backward()
    """
    modes = ("all", "any")
    if mode not in modes:
        raise ValueError(f"Expects mode to be one of {modes} but got {mode}")
    if mode == "any":
        ran = set()

        def first_only(node):
            def hook(grad):
                task = autograd.current_graph_task_id()
                if task not in ran and autograd.will_execute(node):
                    ran.add(task)
                    fn(grad)
            return hook
        return _MultiHandle(t.register_hook(first_only(t._fn if t._fn is not None else t._accumulator()))
                            for t in tensors if t.requires_grad)
    nodes = []
    for t in tensors:
        if not t.requires_grad:
            raise AssertionError("Expected gradient function to be set")
        nodes.append(t._fn if t._fn is not None else t._accumulator())
    count, buffers, expected = {}, {}, [0]

    def hook_for(i):
        def hook(grad):
            if not autograd.will_execute(nodes[i]):   # (the engine may call the hooks of a node PyTorch skips)
                return
            task = autograd.current_graph_task_id()
            if not count.get(task):
                count[task], buffers[task] = 0, [None] * len(nodes)
                expected[0] = sum(autograd.will_execute(n) for n in nodes)
            buffers[task][i] = grad
            count[task] += 1
            if count[task] == expected[0]:
                del count[task]
                fn(buffers.pop(task))
        return hook
    return _MultiHandle(t.register_hook(hook_for(i)) for i, t in enumerate(tensors))


def increment_version(tensor):
    """Tell autograd that tensor (or each tensor of an iterable) was changed in place behind its back: its version
    counter, shared with its views and detach()es, goes up by one (an inference tensor has none)."""
    if isinstance(tensor, Tensor):
        tensor = (tensor,)
    try:
        tensors = list(tensor)
    except TypeError:
        raise RuntimeError("increment_version expect a Iterable[Tensor] as input") from None
    if not all(isinstance(t, Tensor) for t in tensors):
        raise RuntimeError("increment_version expects each element of the iterable to be a tensor")
    for t in tensors:
        if not t._inference:
            t._vbox[0] += 1


from ...engine.argcheck import missing_attribute as _no_attribute  # noqa: E402


def __getattr__(name):
    raise _no_attribute("torch.autograd.graph", name)
