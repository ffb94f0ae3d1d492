"""What the eighty-first probe (dataflowr's course notebooks: torch.Tensor vs torch.tensor, the numpy bridge, manual
gradient descent, forward mode with torch.autograd.functional.jvp; classification losses, optimizers on Rosenbrock,
nn.Sequential with an OrderedDict, embeddings, dropout, attention with masked_fill, hooks; fast.ai's NMF / SVD) found,
each checked against PyTorch: the legacy constructors torch.Tensor(...), torch.FloatTensor(...) and tensor.new(...)
take only ``device`` as a keyword (or size= / data= alone): ``torch.Tensor([1, 2], dtype=torch.int64)`` or
``requires_grad=True`` (what torch.tensor takes) is PyTorch's "new() received an invalid combination of arguments"
TypeError, as are several positional arguments not starting with an int; a device other than the CPU and a tensor
with a device are PyTorch's RuntimeErrors. torch.autograd.functional's jvp / vhp / hvp check their inputs, v and
outputs as PyTorch does (a list, a float: its TypeError naming the function) and honour strict=True (an output that
does not require grad, an input it does not depend on, a Jacobian independent of the input), vjp honours
strict=True too, and the hessian of a constant is zeros; torch.func.jvp refuses integer or bool primals and tangents
with make_dual's ValueError, before their sizes are compared; a gradient summed back to a 0-d shape under
create_graph is one SumBackward0 (ATen's sum_to)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "legacy_constructor_keywords": [
        ATTEMPT + '''for make in [
        lambda: torch.Tensor([1, 2], dtype=torch.int64),
        lambda: torch.Tensor([[1, 2]], dtype=torch.float32, requires_grad=True),
        lambda: torch.Tensor(2, 3, dtype=torch.float64),
        lambda: torch.Tensor(2, 3, requires_grad=True),
        lambda: torch.Tensor((2, 3), dtype=torch.float64),
        lambda: torch.Tensor(torch.ones(2), dtype=torch.float64),
        lambda: torch.Tensor(dtype=torch.float64),
        lambda: torch.Tensor(2, 3, device="cpu", dtype=torch.float64),
        lambda: torch.Tensor([1.], data=[2.]),
        lambda: torch.Tensor(2, size=(2,)),
        lambda: torch.Tensor(size=3),
        lambda: torch.FloatTensor([1, 2], dtype=torch.int64),
        lambda: torch.LongTensor(2, requires_grad=True),
        lambda: torch.ones(2).new([1, 2], requires_grad=True),
]:
    attempt(make)
''',
        ATTEMPT + '''for make in [
        lambda: torch.Tensor(2.5, 3),
        lambda: torch.Tensor([1], [2]),
        lambda: torch.Tensor(True, 2),
        lambda: torch.Tensor([1.], None),
        lambda: torch.Tensor(torch.ones(2), torch.ones(2)),
        lambda: torch.LongTensor(2.5, 3),
        lambda: torch.ones(2).new(2.5, 3),
        lambda: torch.Tensor([1, 2], device="cpu"),
        lambda: torch.Tensor(size=(2, 3), device="cpu").shape,
        lambda: torch.Tensor(data=[1.5], device="cpu"),
        lambda: torch.DoubleTensor(data=[1, 2]),
        lambda: torch.LongTensor(size=(2,)).shape,
        lambda: torch.ones(2).new(size=(3,)).shape,
        lambda: torch.Tensor(2, True).shape,
]:
    attempt(make)
''',
        ATTEMPT + '''for make in [
        lambda: torch.Tensor([1, 2], device="cuda"),
        lambda: torch.Tensor([1, 2], device="meta"),
        lambda: torch.FloatTensor(2, device="cuda:0"),
        lambda: torch.ones(2).new([1], device="meta"),
        lambda: torch.Tensor(torch.ones(2), device="cpu"),
        lambda: torch.Tensor(torch.ones(2), device=None),
        lambda: torch.FloatTensor(torch.ones(2), device="cpu"),
        lambda: torch.ones(2).new(torch.ones(2), device=None),
]:
    attempt(make)
''',
    ],
    "functional_jvp_inputs_and_strict": [
        ATTEMPT + '''AF = torch.autograd.functional
x0, v = torch.tensor([1.0, 2.0]), torch.ones(2)
f = lambda x: x ** 2
for make in [
        lambda: AF.jvp(f, [x0], [v]),
        lambda: AF.jvp(f, 1.0, v),
        lambda: AF.jvp(f, x0, 1.0),
        lambda: AF.jvp(f, x0, [v]),
        lambda: AF.jvp(f, (x0, 1.0), v),
        lambda: AF.jvp(lambda x: 3.0, x0, v),
        lambda: AF.jvp(lambda x: [x ** 2], x0, v),
        lambda: AF.vhp(lambda a: 1.0, x0, v),
        lambda: AF.vhp(lambda a: (a ** 3).sum(), x0, 2.0),
        lambda: AF.hvp(lambda a: (a ** 3).sum(), [x0], v),
]:
    attempt(make)
''',
        ATTEMPT + '''AF = torch.autograd.functional
x0, x1, v = torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]), torch.ones(2)
for make in [
        lambda: AF.jvp(lambda x: torch.ones(2), x0, v, strict=True),
        lambda: AF.jvp(lambda x: torch.ones(2), x0, v),
        lambda: AF.jvp(lambda a, b: a * 2, (x0, x1), (v, v), strict=True),
        lambda: AF.jvp(lambda a, b: a * 2, (x0, x1), (v, v)),
        lambda: AF.jvp(lambda a, b: (a * 2, b.detach()), (x0, x1), (v, v), strict=True),
        lambda: AF.jvp(lambda a: a * 2, x0, v, strict=True, create_graph=True),
        lambda: AF.jvp(lambda a: a ** 2, x0, v, strict=True, create_graph=True),
        lambda: AF.vhp(lambda a: (a * 2).sum(), x0, v, strict=True),
        lambda: AF.vhp(lambda a: (a * 2).sum(), x0, v),
        lambda: AF.hvp(lambda a: (a * 2).sum(), x0, v, strict=True),
        lambda: AF.hvp(lambda a, b: (a ** 2).sum(), (x0, x1), (v, v), strict=True),
        lambda: AF.hvp(lambda a, b: (a ** 2).sum() + b.sum(), (x0, x1), (v, v), strict=True),
        lambda: AF.hvp(lambda a, b: (a ** 2).sum() + b.sum(), (x0, x1), (v, v)),
        lambda: AF.hvp(lambda a: a.detach().sum(), x0, v, strict=True),
        lambda: AF.vhp(lambda a, b: (a ** 2 * b).sum(), (x0, x1), (v, v), strict=True, create_graph=True),
        lambda: AF.vjp(lambda a: a * 2, x0, v, strict=True, create_graph=True),
        lambda: AF.vjp(lambda a, b: a * 2, (x0, x1), v, strict=True),
        lambda: AF.hessian(lambda a: torch.ones(()), x0, create_graph=True),
        lambda: AF.hessian(lambda a: torch.ones(()), x0),
]:
    attempt(make)
''',
        # a scalar output's tangent under create_graph: the gradient summed back to a 0-d shape is SumBackward0
        ATTEMPT + '''AF = torch.autograd.functional
x0, v = torch.tensor([1.0, 2.0]), torch.ones(2)
out, t = AF.jvp(lambda a: (a ** 3).sum(), x0, v, create_graph=True)
print(out, t, t.grad_fn.next_functions)
print(AF.hvp(lambda a: (a ** 3).sum(), x0, v, create_graph=True))
g = torch.zeros((), requires_grad=True)
r, = torch.autograd.grad(g.expand(2), g, torch.ones(2, requires_grad=True), create_graph=True)
print(r, r.grad_fn, r.grad_fn.next_functions)
''',
    ],
    "func_jvp_primal_and_tangent_dtypes": [   # (torch.func's first use warns that torch.jit.script is deprecated)
        ATTEMPT + '''import warnings
warnings.filterwarnings("ignore", "`torch.jit.script` is deprecated", DeprecationWarning)
for make in [
        lambda: torch.func.jvp(lambda x: x * 2, (torch.tensor([1, 2]),), (torch.ones(2),)),
        lambda: torch.func.jvp(lambda x: x * 2, (torch.tensor([1, 2]),), (torch.ones(3),)),
        lambda: torch.func.jvp(lambda x: x * 2, (torch.ones(2),), (torch.tensor([1, 2]),)),
        lambda: torch.func.jvp(lambda x: x * 2, (torch.ones(2),), (torch.tensor([True, False]),)),
        lambda: torch.func.jvp(lambda x, y: x * y, (torch.ones(2), torch.arange(2)), (torch.ones(2), torch.ones(2))),
        lambda: torch.func.jvp(lambda x: x.sin(), (torch.ones(2),), (torch.ones(2),)),
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe81_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe81/{name}", warns="per_cell")
