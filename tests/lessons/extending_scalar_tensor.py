# Imitates PyTorch's "Extending PyTorch" note, section "Extending torch Python API": a ScalarTensor that is not a
# Tensor, a HANDLED_FUNCTIONS table filled by an `implements` decorator, torch.mean / torch.add on it, and the
# TypeError PyTorch raises for a function the class does not handle.
import functools
import torch

HANDLED_FUNCTIONS = {}

class ScalarTensor(object):
    def __init__(self, N, value):
        self._N = N
        self._value = value

    def __repr__(self):
        return "ScalarTensor(N={}, value={})".format(self._N, self._value)

    def tensor(self):
        return self._value * torch.eye(self._N)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if kwargs is None:
            kwargs = {}
        if func not in HANDLED_FUNCTIONS or not all(
            issubclass(t, (torch.Tensor, ScalarTensor)) for t in types
        ):
            return NotImplemented
        return HANDLED_FUNCTIONS[func](*args, **kwargs)

def implements(torch_function):
    """Register a torch function override for ScalarTensor"""
    def decorator(func):
        functools.update_wrapper(func, torch_function)
        HANDLED_FUNCTIONS[torch_function] = func
        return func
    return decorator

@implements(torch.mean)
def mean(input):
    return float(input._value) / input._N

d = ScalarTensor(5, 2)
print(d)
print(d.tensor())
print(torch.mean(d))

# %%
def ensure_tensor(data):
    if isinstance(data, ScalarTensor):
        return data.tensor()
    return torch.as_tensor(data)

@implements(torch.add)
def add(input, other):
    try:
        if input._N == other._N:
            return ScalarTensor(input._N, input._value + other._value)
        else:
            raise ValueError("Shape mismatch!")
    except AttributeError:
        return torch.add(ensure_tensor(input), ensure_tensor(other))

s = ScalarTensor(2, 2)
print(torch.add(s, s))
t = torch.tensor([[1, 1], [1, 1]])
print(torch.add(s, t))
print(torch.add(t, s))
try:
    torch.add(s, ScalarTensor(3, 1))
except ValueError as e:
    print("ValueError", e)

# %%
try:
    torch.mul(s, 3)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])  # (the rest lists the classes by module)
try:
    torch.sum(d)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])  # (the rest lists the classes by module)

# %%
print(mean.__name__)
print(sorted(f.__name__ for f in HANDLED_FUNCTIONS))
print(torch.overrides.has_torch_function((s,)), torch.overrides.has_torch_function((t,)))
print(torch.overrides.is_tensor_like(s), torch.overrides.is_tensor_like(t), torch.overrides.is_tensor_like(3))

# %%
class Unhandled:
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        print("asked about", func.__name__, [t.__name__ for t in types])
        return NotImplemented

u = Unhandled()
try:
    torch.add(s, u)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])  # (the rest lists the classes by module)
try:
    torch.cat([t, u])
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])  # (the rest lists the classes by module)
