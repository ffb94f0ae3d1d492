"""What the twelfth probe of the official tutorials found (tests/lessons/torch_compile_profiler_intro.py,
double_backward_fused_conv_bn.py), each checked against PyTorch: the grad_fn of what a compiled function or module
returns (CompiledFunctionBackward), torch.autograd.profiler recording record_function blocks, torch.nn.grad's
convolution gradients, and an in-place op on an output of a several-output node (a custom Function's, F.relu_)."""

import pytest

from helpers import assert_same_as_pytorch, in_fresh_processes, require

CELLS = {
    "autograd_profiler_records_blocks": [
        "lin = torch.nn.Linear(4, 2)\nx = torch.ones(3, 4)",
        ("with torch.autograd.profiler.profile() as prof:\n"
         "    with torch.autograd.profiler.record_function('LINEAR PASS'):\n        y = lin(x)\n"
         "    with torch.profiler.record_function('MASK INDICES'):\n        idx = torch.argwhere(y > 0)\n"
         "print(sorted((e.key, e.count) for e in prof.key_averages() if not e.key.startswith('aten::')))\n"
         "print([e.name for e in prof.function_events if not e.name.startswith('aten::')])\n"
         "print(type(prof.key_averages()).__name__, prof.total_average().key, prof.self_cpu_time_total > 0)"),
        ("with torch.profiler.profile() as prof:\n"
         "    for _ in range(2):\n"
         "        with torch.autograd.profiler.record_function('step'):\n            lin(x)\n"
         "[(e.key, e.count) for e in prof.key_averages() if e.key == 'step']"),
        ("with torch.autograd.profiler.profile(enabled=False) as prof:\n    lin(x)\n"
         "try:\n    prof.key_averages()\nexcept AttributeError as e:\n    print(e)\nprof.function_events"),
    ],
    "nn_grad_convolution_gradients": [
        ("import torch.nn.functional as F\nfrom torch.nn.grad import conv1d_weight\ntorch.manual_seed(0)\n"
         "x = torch.randn(2, 4, 9, 9, requires_grad=True)\nw = torch.randn(6, 2, 3, 3, requires_grad=True)\n"
         "y = F.conv2d(x, w, stride=2, padding=1, groups=2)\ng = torch.randn_like(y)\n"
         "gx, gw = torch.autograd.grad(y, (x, w), g)\n"
         "a = torch.nn.grad.conv2d_input(x.shape, w, g, stride=2, padding=1, groups=2)\n"
         "b = torch.nn.grad.conv2d_weight(x, w.shape, g, stride=2, padding=1, groups=2)\n"
         "print(torch.allclose(a, gx, atol=1e-5), torch.allclose(b, gw, atol=1e-4), a.shape, b.shape)\n"
         "print(a.grad_fn.name(), b.grad_fn.name(), a[0, 0, :2], b[0, 0])"),
        ("w1 = torch.randn(4, 3, 2)\ng1 = torch.randn(2, 4, 4)\n"
         "torch.nn.grad.conv1d_input((2, 3, 8), w1, g1, stride=2), conv1d_weight(torch.randn(2, 3, 8), w1.shape, g1, "
         "stride=2).grad_fn"),
        ("x3 = torch.randn(1, 2, 5, 5, 5, dtype=torch.double)\nw3 = torch.randn(3, 2, 2, 2, 2, dtype=torch.double)\n"
         "g3 = torch.randn(1, 3, 4, 4, 4, dtype=torch.double)\n"
         "torch.nn.grad.conv3d_input(x3.shape, w3, g3).sum(), torch.nn.grad.conv3d_weight(x3, w3.shape, g3).sum()"),
    ],
    "inplace_on_an_output_of_a_several_output_node": [
        ("class Two(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n"
         "        return a * a, a - 1\n    @staticmethod\n    def backward(ctx, g1, g2):\n        return g1 + g2\n"
         "x = torch.tensor([0.5, 2.0, -1.0], requires_grad=True)\np, q = Two.apply(x)\n"
         "torch.nn.functional.relu_(q)\np.mul_(3)\nprint(p, q)\n(p + q).sum().backward()\nx.grad"),
        ("x.grad = None\np, q = Two.apply(x)\nq[1:].add_(10)\nprint(q.grad_fn, q.grad_fn.next_functions[0][0].name())\n"
         "q.sum().backward()\nx.grad"),
        ("gru = torch.nn.GRU(3, 2)\nout, h = gru(x.view(1, 1, 3))\nh.mul_(2)\nprint(h.grad_fn)\n"
         "(out.sum() + h.sum()).backward()\nx.grad.shape"),
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe12_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


COMPILED = """
import warnings
warnings.filterwarnings("ignore")  # PyTorch's own imports of its compiler
torch.manual_seed(0)
class MyModule(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = torch.nn.Linear(3, 2)

    def forward(self, x):
        return torch.nn.functional.relu(self.lin(x))

mod = MyModule()
x = torch.randn(4, 3, requires_grad=True)
out = torch.compile(mod)(x)
print(out)
out.sum().backward()
print(x.grad, mod.lin.weight.grad)
mod.compile()
print(mod(x).grad_fn.name(), list(mod.state_dict()))
mod.compile(backend="eager")
print(mod(x).grad_fn.name())
with torch.no_grad():
    print(mod(x).grad_fn)
print(mod(torch.ones(1, 3)).grad_fn.name())

@torch.compile
def two(a, b):
    return a * b, b.relu(), (a + b).sum(), a.view(-1), {"e": a.exp()}

p, q, s, v, d = two(x, torch.ones(4, 3))
print(p.grad_fn.name(), q.grad_fn, s.grad_fn.name(), p.grad_fn is s.grad_fn, v.grad_fn.name(), d["e"].grad_fn.name())
x.grad = None
(p.sum() + s + d["e"].sum()).backward()
print(x.grad)
print(torch.compile(lambda t: t.sin(), backend="eager")(x).grad_fn.name(),
      torch.compile(lambda t: t.sin(), backend="aot_eager")(x).grad_fn.name(),
      torch.compile(lambda t: t, backend="aot_eager")(x) is x)
"""


def test_compiled_outputs_come_out_of_one_compiled_function_node():
    """What a compiled function or module returns shows grad_fn=<CompiledFunctionBackward> (AOTAutograd's one node)
    except under backend="eager", without grad, and for inputs and views of them; gradients are eager PyTorch's.
    In fresh processes: PyTorch's compiler changes its global state."""
    require("torch")
    outputs = in_fresh_processes(COMPILED, timeout=300)
    assert "CompiledFunctionBackward" in outputs[0]
    assert outputs[1] == outputs[0]
