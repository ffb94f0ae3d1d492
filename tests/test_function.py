"""torch.autograd.Function on the engine: against PyTorch, in %%grad's table and graph, and multi-output nodes."""
import gc
import weakref

import numpy as np
import pytest
from IPython.utils.capture import capture_output

from helpers import require

import autograd_magic.torch as ours

LEGENDRE = '''
class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)
'''


def _define(torch):
    ns = {"torch": torch}
    exec(LEGENDRE, ns)
    return ns["LegendrePolynomial3"]


def test_node_class_repr_and_gradients_match_pytorch():
    torch = require("torch")
    results = []
    for lib in (torch, ours):
        P3 = _define(lib)
        x = lib.tensor([-1.5, 0.25, 2.0], requires_grad=True)
        y = P3.apply(x * 2)
        y.sum().backward()
        fn = y.grad_fn
        results.append((repr(y), str(type(fn)), fn.name(), type(fn).__name__, fn.needs_input_grad,
                        [type(f).__name__ for f, _ in fn.next_functions], x.grad.numpy().tolist(),
                        repr(fn).split(" object at")[0]))
    assert results[0] == results[1]


def test_multi_output_function_shares_one_node_and_accumulates_per_output():
    torch = require("torch")
    src = '''
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2, a * a

    @staticmethod
    def backward(ctx, g1, g2):
        a = ctx.saved_a
        return g1 * 2 + g2 * 2 * a
'''
    got = []
    for lib in (torch, ours):
        ns = {"torch": lib}
        exec(src.replace("return a * 2, a * a", "ctx.saved_a = a\n        return a * 2, a * a"), ns)
        a = lib.tensor([1.0, -2.0, 3.0], requires_grad=True)
        p, q = ns["Two"].apply(a)
        loss = (p * 3).sum() + q[1:].sum() + p[0] * q[0]
        g, = lib.autograd.grad(loss, a, retain_graph=True)
        loss.backward()
        got.append((g.tolist(), a.grad.tolist(), p.output_nr, q.output_nr, p.grad_fn is q.grad_fn,
                    [n for _, n in (p * q).grad_fn.next_functions]))
    assert got[0] == got[1]


def test_graph_is_freed_after_backward():
    P3 = _define(ours)
    x = ours.tensor([1.0, 2.0], requires_grad=True)
    y = P3.apply(x)
    ref = weakref.ref(y.grad_fn)
    y.sum().backward()
    del y
    gc.collect()
    assert ref() is None


def test_grad_magic_shows_the_function_node(ip):
    with capture_output():
        ip.run_cell("import torch")
        result = ip.run_cell_magic("grad", "-o", LEGENDRE + '''
x = torch.tensor([0.5, 1.0], requires_grad=True)
y = LegendrePolynomial3.apply(x)
loss = y.sum()
loss.backward()
''')
    assert "LegendrePolynomial3Backward" in result.dot
    rows = {r.label: r for r in result.rows}
    assert rows["y"].grad.tolist() == [1.0, 1.0]
    assert np.allclose(rows["x"].grad, 1.5 * (5 * np.array([0.5, 1.0]) ** 2 - 1))


def test_missing_pieces_raise_errors_that_name_them():
    # a name PyTorch has: the engine says it lacks it; a name PyTorch lacks too (a typo): PyTorch's own message
    with pytest.raises(AttributeError, match="torch.autograd.function.custom_function_call is not part of it"):
        ours.autograd.function.custom_function_call
    with pytest.raises(AttributeError, match="^module 'torch.autograd.function' has no attribute 'FunctionMeta2'$"):
        ours.autograd.function.FunctionMeta2
    with pytest.raises(NotImplementedError, match="forward function"):
        ours.autograd.Function.apply(ours.ones(1))


def test_grad_magic_with_a_two_output_function_shows_only_true_gradients(ip):
    with capture_output():
        ip.run_cell("import torch")
        result = ip.run_cell_magic("grad", "-o", '''
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2, a * 3

    @staticmethod
    def backward(ctx, g1, g2):
        return g1 * 2 + g2 * 3

a = torch.ones(2, requires_grad=True)
p, q = Two.apply(a)
s = (p * 5 + q).sum()
s.backward()
''')
    rows = {r.label: r for r in result.rows}
    assert rows["p"].grad.tolist() == [5.0, 5.0]    # output 0: reported
    assert rows["q"].grad is None                   # output 1: not reported (rather than output 0's numbers)
    assert rows["a"].grad.tolist() == [13.0, 13.0]
    assert "TwoBackward" in result.dot


FEATURES = "class F1(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a, k):\n        return a * k\n    @staticmethod\n    def backward(ctx, g):\n        return g, g\na = torch.ones(3, requires_grad=True)\nfor name, fn in [('extra', lambda: F1.apply(a, 2).sum().backward())]:\n    try: fn()\n    except Exception as e: print(name, type(e).__name__, e)\nclass F2(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        return a * 2\n    @staticmethod\n    def backward(ctx, g):\n        return g, g\ntry: F2.apply(a).sum().backward()\nexcept Exception as e: print('toomany', type(e).__name__, e)\nclass F3(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        return a * 2\n    @staticmethod\n    def backward(ctx, g):\n        return torch.ones(2)\ntry: F3.apply(a).sum().backward()\nexcept Exception as e: print('shape', type(e).__name__, e)\nclass F4(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        return a.numpy().sum()\ntry: F4.apply(torch.ones(2))\nexcept Exception as e: print('nontensor', type(e).__name__, e)\nclass F5(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        return a\n    @staticmethod\n    def backward(ctx, g): return g\nb = F5.apply(a); print(b.grad_fn, b is a)\nclass F6(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        return a * 2, (a > 0)\n    @staticmethod\n    def backward(ctx, g, g2):\n        print('g2', g2); return g\no, m = F6.apply(a); print(m, m.requires_grad, m.grad_fn)\nclass F7(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        idx = a.argmax(); ctx.mark_non_differentiable(idx); return a * 1, idx\n    @staticmethod\n    def backward(ctx, g, gi):\n        print('gi', gi); return g\no, i = F7.apply(a); print(i, i.requires_grad); o.sum().backward()\nclass F8(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        ctx.set_materialize_grads(False); return a * 1, a * 2\n    @staticmethod\n    def backward(ctx, g, g2):\n        print('mat', g, g2); return g\np, q = F8.apply(a); p.sum().backward()\nclass F9(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        a.mul_(2); ctx.mark_dirty(a); return a\n    @staticmethod\n    def backward(ctx, g): return g * 2\nc = torch.ones(2, requires_grad=True).clone(); d = F9.apply(c); print(d is c, d, c.grad_fn)\ntry: F9.apply(torch.ones(2, requires_grad=True))\nexcept Exception as e: print('dirtyleaf', type(e).__name__, e)\nonce_differentiable = torch.autograd.function.once_differentiable\nclass F10(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a): ctx.save_for_backward(a); return a.exp()\n    @staticmethod\n    @once_differentiable\n    def backward(ctx, g):\n        a, = ctx.saved_tensors; print('req', g.requires_grad, torch.is_grad_enabled()); return g * a.exp()\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = F10.apply(x); (gx,) = torch.autograd.grad(y.sum(), x, create_graph=True); print(gx)\ntry: gx.sum().backward()\nexcept Exception as e: print('once', type(e).__name__, e)\nclass F11(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a): ctx.save_for_backward(a); return a * 3\n    @staticmethod\n    def backward(ctx, g): a, = ctx.saved_tensors; return g * 3\nz = torch.ones(2, requires_grad=True) * 1; w = F11.apply(z); z.add_(1)\ntry: w.sum().backward()\nexcept Exception as e: print('version', type(e).__name__, e)\nprint(F11.apply(torch.ones(2)).requires_grad)\nwith torch.no_grad(): print(F11.apply(torch.ones(2, requires_grad=True)))\nclass F12(torch.autograd.Function):\n    @staticmethod\n    def forward(a, k): return a * k\n    @staticmethod\n    def setup_context(ctx, inputs, output): ctx.k = inputs[1]\n    @staticmethod\n    def backward(ctx, g): return g * ctx.k, None\nr = F12.apply(a, 5.0); r.sum().backward(); print(r, a.grad)\n"


def test_function_features_print_what_pytorch_prints():
    """Wrong gradient counts and shapes, non-tensor outputs, an input returned as is, bool and non-differentiable
    outputs, set_materialize_grads(False), mark_dirty (and its leaf error), once_differentiable, a saved tensor
    changed in place, no_grad, setup_context."""
    from helpers import assert_same_as_pytorch
    assert_same_as_pytorch([FEATURES], corpus="function", name="features")
