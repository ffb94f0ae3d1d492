"""What the sixty-sixth probe (PyTorch's "Extending PyTorch" note: __torch_function__ on a plain class with a
HANDLED_FUNCTIONS table, a wrapper type, Tensor subclasses) found, each checked against PyTorch: the engine had no
__torch_function__ protocol. torch functions now hand a call with such an object to its class (the NotImplemented
of every handler: PyTorch's "Multiple dispatch failed" TypeError), a Tensor subclass's results keep the most derived
subclass (Tensor.__torch_function__, through methods and operators; AliasBackward0 under grad), its repr names it,
Tensor.as_subclass, nn.Parameter's disabled __torch_function__, torch._C.DisableTorchFunctionSubclass and the
torch.overrides helpers (has_torch_function*, handle_torch_function, is_tensor_like)."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SCALAR = ATTEMPT + '''class Scalar:
    def __init__(self, n, v):
        self.n, self.v = n, v
    def __repr__(self):
        return f"Scalar({self.n}, {self.v})"
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func is torch.mean:
            return float(args[0].v) / args[0].n
        if func is torch.add:
            return torch.add(*[a.v * torch.eye(a.n) if isinstance(a, Scalar) else a for a in args])
        return NotImplemented
s = Scalar(2, 3)
'''

SUB = '''class Sub(torch.Tensor):
    pass
class SubSub(Sub):
    pass
calls = []
class Log(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        calls.append((func.__name__, kwargs))
        return super().__torch_function__(func, types, args, kwargs)
'''

CELLS = {
    "plain_class_handlers_and_not_implemented": [
        SCALAR + '''print(torch.mean(s), torch.add(s, torch.ones(2, 2)), torch.add(torch.ones(2, 2), s))
for make in [lambda: torch.mul(s, 2), lambda: torch.sum(s), lambda: torch.cat([torch.ones(1), s]),
             lambda: torch.exp(s)]:
    attempt(make)
''',
    ],
    "subclass_results_keep_the_class": [
        SUB + '''a, b = Sub([1.0, 2.0]), SubSub([3.0, 4.0])
print(type(torch.add(a, b)).__name__, type(torch.add(a, torch.ones(2))).__name__, type(a * 2).__name__,
      type(2 * a).__name__, type(a[0]).__name__, type(a.sum()).__name__, type(torch.ones(2) - a).__name__)
print(a, b.sum(), repr(Sub([[1.0, 2.0], [3.0, 4.0]])))
vals, idx = torch.max(Sub([[1.0, 5.0]]), 1)
print(type(vals).__name__, type(idx).__name__, [type(t).__name__ for t in torch.split(a, 1)])
''',
        SUB + '''t = torch.tensor([1.0, 2.0], requires_grad=True)
st = t.as_subclass(Sub)
print(type(st).__name__, st.grad_fn.name(), st.is_leaf, (st * 3).sum())
(st * 3).sum().backward()
print(t.grad, type(t.grad).__name__)
try:
    t.as_subclass(int)
except TypeError as e:
    print(e)
''',
    ],
    "subclass_torch_function_calls": [
        SUB + '''lt = torch.tensor([1.0, -2.0]).as_subclass(Log)
out = torch.relu(lt) + 1
print(type(out).__name__, calls)
calls.clear()
print(lt.abs().mean(dim=0).item(), calls)
with torch._C.DisableTorchFunctionSubclass():
    calls.clear()
    print(type(lt * 2).__name__, calls)
print(type(torch.Tensor.__torch_function__(torch.mul, (Log,), (lt, 2))).__name__)
print(type(torch.Tensor.__torch_function__(torch.mul, (torch.Tensor,), (lt, 2))).__name__)
''',
        SUB + '''class Refuse(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        return NotImplemented
r = torch.ones(2).as_subclass(Refuse)
for make in [lambda: r.add(1), lambda: torch.add(r, 1), lambda: r + 1]:
    try:
        make()
    except TypeError as e:
        print(e)
''',
    ],
    "overrides_helpers_and_parameter": [
        SCALAR + SUB + '''p = torch.nn.Parameter(torch.ones(2))
q = torch.ones(2).as_subclass(Sub)
print(torch.overrides.has_torch_function((q,)), torch.overrides.has_torch_function((p,)),
      torch.overrides.has_torch_function((s, 1)), torch.overrides.has_torch_function_unary(torch.ones(1)),
      torch.overrides.has_torch_function_variadic(p, q))
print(torch.overrides.is_tensor_like(q), torch.overrides.is_tensor_like(s), torch.overrides.is_tensor_like(3))
print(torch.nn.Parameter.__torch_function__ is torch._C._disabled_torch_function_impl, type(p * 2).__name__,
      type(q * p).__name__, type(torch.mul(p, q)).__name__)
def lib(x, k=1):
    if torch.overrides.has_torch_function((x,)):
        return torch.overrides.handle_torch_function(lib, (x,), x, k=k)
    return x * k
print(lib(torch.ones(1), k=2))
attempt(lambda: lib(s, k=2))
''',
    ],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
