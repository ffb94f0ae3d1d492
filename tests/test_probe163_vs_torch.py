"""What the hundred-sixty-third probe (the Examples blocks of the autograd API reference: torch.autograd.functional,
forward_ad, torch.func, the Extending PyTorch page, gradcheck, torch.autograd.grad's options) found, each checked
against PyTorch: inside a dual level unpack_dual's primal is always a view of the tensor (a dual one or not) whose
node is PyTorch's C++-only torch::autograd::Identity (grad_fn=<Identity>, of class CppFunction), and a non-tensor
there is PyTorch's TypeError; torch.func's transforms give back the caller's own tensor where the function returns
(or puts in aux) its input unchanged; vjp's vjp_fn prints as PyTorch's wrapper function; linearize warns FX's
get_attr UserWarning once per primal, as PyTorch's make_fx trace does."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "unpack_dual_primal_is_an_identity_view": [
        '''fwAD = torch.autograd.forward_ad
torch.manual_seed(0)
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
with fwAD.dual_level():
    d = fwAD.make_dual(w, torch.ones(3))
    print(fwAD.unpack_dual(d * 3).primal)
    p = fwAD.unpack_dual(d).primal
    print(p.grad_fn.name(), type(p.grad_fn).__name__, p.grad_fn.next_functions[0][0].name(), p._base is w)
    q = fwAD.unpack_dual(w).primal
    print(q, q is w, q._base is w)
    y = torch.ones(2)
    print(fwAD.unpack_dual(y).primal is y, fwAD.unpack_dual(y).primal._base is y)
    with torch.no_grad():
        print(fwAD.unpack_dual(d).primal.grad_fn)
    fwAD.unpack_dual(d * 3).primal.sum().backward()
    print(w.grad)
    try:
        fwAD.unpack_dual(2.0)
    except Exception as e:
        print(type(e).__name__, e)
print(fwAD.unpack_dual(2.0))
''',
    ],
    "func_transforms_give_back_the_callers_tensor": [
        '''vjp, grad_and_value, jacrev, grad = torch.func.vjp, torch.func.grad_and_value, torch.func.jacrev, torch.func.grad
torch.manual_seed(0)
for x in [torch.rand(2), torch.rand(2, requires_grad=True)]:
    print(vjp(lambda x: x, x)[0] is x, vjp(lambda x: (x.sum(), x), x, has_aux=True)[2] is x,
          grad_and_value(lambda x: (x.sum(), x), has_aux=True)(x)[1][1] is x,
          jacrev(lambda x: (x.sin(), x), has_aux=True)(x)[1] is x,
          grad(lambda x, y: ((x * y).sum(), y), has_aux=True)(x, x)[1] is x)
    print(grad(lambda y, p: (((0.5 * p - y) ** 2).mean(), (p, p * 2)), argnums=(0, 1), has_aux=True)(x, x)[1])
''',
    ],
    "vjp_fn_repr_and_linearize_warning": [
        '''import re
_, fn = torch.func.vjp(lambda x: x.sin().sum(), torch.ones(3))
print(re.sub("0x[0-9a-f]+", "0x", repr(fn)), fn.__name__)
import warnings
for primals in [(torch.zeros(3),), (torch.zeros(3), torch.ones(3))]:
    with warnings.catch_warnings(record=True) as caught:   # (only FX's: torch's own jit deprecations come once)
        warnings.simplefilter("always")
        out, jvp_fn = torch.func.linearize(lambda *xs: (sum(xs), xs[0].sin()), *primals)
    print(jvp_fn(*[torch.ones(3)] * len(primals)))
    print([(w.category.__name__, str(w.message)) for w in caught if "get_attr" in str(w.message)])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe163_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name, warns=None)   # (the warnings that matter are
    # printed by the cells: PyTorch's first forward_ad / func import warns torch.jit.script's deprecation once)
