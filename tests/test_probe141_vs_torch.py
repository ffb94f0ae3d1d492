"""What the 141st probe (PyTorch's "Python Custom Operators" tutorial and the torch.library docs) found, each checked
against PyTorch: the engine had no torch.library and no torch.ops. custom_op now infers PyTorch's schema from the type
hints (Tensor, float, int as SymInt, bool, str, list[Tensor], Optional, Sequence[int], defaults, keyword-only args,
mutated args as Tensor(aN!)) with infer_schema's ValueErrors, refuses bad names as the schema parser does, is called
directly or through torch.ops.ns.name(.default) with the dispatcher's argument errors, records its autograd as
GeneratedBackwardFor_<ns>_<name>_defaultBackward (PyTorch's error on backward until register_autograd, then the
registered formula with setup_context's ctx), bumps a mutated argument's version, refuses an output aliasing an input;
opcheck reports SUCCESS per test, an undeclared mutation, a missing fake kernel, a fake kernel's wrong strides; the
older Library(ns, "DEF") / define / impl and torch.library.define / impl / register_autograd."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "custom_op_autograd_and_ops_namespace": [
        '''import numpy as np
Tensor = torch.Tensor
@torch.library.custom_op("p141a::numpy_sin", mutates_args=())
def numpy_sin(x: Tensor) -> Tensor:
    return torch.from_numpy(np.sin(x.detach().numpy()))
print(numpy_sin, torch.ops.p141a.numpy_sin, repr(torch.ops.p141a.numpy_sin.default))
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = numpy_sin(x)
print(y)
try:
    y.sum().backward()
except RuntimeError as e:
    print(e)
def setup_context(ctx, inputs, output):
    ctx.save_for_backward(inputs[0])
def backward(ctx, g):
    x, = ctx.saved_tensors
    return g * x.cos()
numpy_sin.register_autograd(backward, setup_context=setup_context)
torch.ops.p141a.numpy_sin.default(x).sum().backward()
print(x.grad)
''',
    ],
    "schema_inference_and_call_errors": [
        ATTEMPT + '''from typing import Optional, Sequence
Tensor = torch.Tensor
def f(x: Tensor, w: Optional[Tensor], box: Sequence[int], s: float = 2.0, *, k: int = 1, flag: bool = True) -> Tensor:
    return x * s + k
op = torch.library.custom_op("p141b::f", f, mutates_args=())
print(op._opoverload._schema)
def nohint(x): return x
def noret(x: Tensor): return x
def d(x: Tensor, c: dict) -> Tensor: return x
for make in [lambda: torch.library.custom_op("p141b::g", nohint, mutates_args=()),
             lambda: torch.library.custom_op("p141b::g", noret, mutates_args=()),
             lambda: torch.library.custom_op("p141b::g", d, mutates_args=()),
             lambda: torch.library.custom_op("p141b::g", f, mutates_args=("y",)),
             lambda: torch.library.custom_op("p141b::bad-name", f, mutates_args=()),
             lambda: torch.library.custom_op("p141b", f, mutates_args=()),
             lambda: op(1.0, None, [0]),
             lambda: op(torch.ones(2), None, [0], 1.0, 2),
             lambda: op(torch.ones(2), None),
             lambda: op(torch.ones(2), None, [0], "s"),
             lambda: op(torch.ones(2), None, [0], k=2, j=1),
             lambda: op(torch.ones(2), None, [0], 3.0, k=2),
             lambda: torch.ops.p141b.nothing]:
    attempt(make)
''',
    ],
    "mutates_args_and_opcheck": [
        ATTEMPT + '''import numpy as np
Tensor = torch.Tensor
@torch.library.custom_op("p141c::sin_out", mutates_args={"out"})
def sin_out(x: Tensor, out: Tensor) -> None:
    np.sin(x.numpy(), out=out.numpy())
print(torch.ops.p141c.sin_out.default._schema)
x, out = torch.arange(3.0), torch.empty(3)
print(out._version, sin_out(x, out), out._version, out)
print(torch.library.opcheck(sin_out, (x, out)))
@torch.library.custom_op("p141c::sneaky", mutates_args=())
def sneaky(x: Tensor) -> Tensor:
    x.mul_(2)
    return x.clone()
sneaky.register_fake(lambda x: torch.empty_like(x))
@torch.library.custom_op("p141c::nofake", mutates_args=())
def nofake(x: Tensor) -> Tensor:
    return x + 1
@torch.library.custom_op("p141c::strided", mutates_args=())
def strided(x: Tensor) -> Tensor:
    return x.t().contiguous()
strided.register_fake(lambda x: x.new_empty(x.shape[0], x.shape[1]).t())
@torch.library.custom_op("p141c::same", mutates_args=())
def same(x: Tensor) -> Tensor:
    return x
attempt(lambda: torch.library.opcheck(sneaky, (torch.ones(2),)))
attempt(lambda: torch.library.opcheck(nofake, (torch.ones(2),)))
attempt(lambda: torch.library.opcheck(nofake, (torch.ones(2, requires_grad=True),), test_utils="test_schema"))
attempt(lambda: torch.library.opcheck(strided, (torch.ones(2, 3),)))
try:
    same(torch.ones(2))
except RuntimeError as e:   # (the message names torch's install path)
    print(str(e)[:20], str(e)[-80:])
''',
    ],
    "library_define_impl": [
        ATTEMPT + '''lib = torch.library.Library("p141d", "DEF")
print(lib, lib.define("scale(Tensor x, float s=3.0) -> Tensor"))
lib.impl("scale", lambda x, s=3.0: x * s, "CPU")
print(torch.ops.p141d.scale(torch.ones(2)), torch.ops.p141d.scale.default._schema)
print(torch.ops.p141d.scale(torch.ones(2, requires_grad=True), 0.5))
attempt(lambda: torch.library.Library("p141d", "NOPE"))
attempt(lambda: lib.define("bad schema"))
torch.library.define("p141e::twice", "(Tensor x) -> Tensor")
torch.library.impl("p141e::twice", "cpu", lambda x: 2 * x)
torch.library.register_autograd("p141e::twice", lambda ctx, g: g * 2)
a = torch.arange(3.0, requires_grad=True)
b = torch.ops.p141e.twice(a)
b.sum().backward()
print(b, a.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe141_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe141/{name}", warns="per_cell")
