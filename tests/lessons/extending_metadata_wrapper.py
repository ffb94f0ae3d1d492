# Imitates PyTorch's "Extending PyTorch" note, "Extending torch with a Tensor wrapper type" (a MetadataTensor that
# holds a tensor and metadata and unwraps itself in __torch_function__), and a library function written with
# torch.overrides.has_torch_function / handle_torch_function as the note's "Extending torch native API" shows.
import torch

class MetadataTensor(object):
    def __init__(self, data, metadata=None, **kwargs):
        self._t = torch.as_tensor(data, **kwargs)
        self._metadata = metadata

    def __repr__(self):
        return "Metadata:\n{}\n\ndata:\n{}".format(self._metadata, self._t)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if kwargs is None:
            kwargs = {}
        metadatas = tuple(a._metadata for a in args if hasattr(a, '_metadata'))
        args = [getattr(a, '_t', a) for a in args]
        assert len(metadatas) > 0
        ret = func(*args, **kwargs)
        return MetadataTensor(ret, metadata=metadatas[0])

metadata = {'owner': 'Ministry of Silly Walks'}
m = MetadataTensor([[1, 2], [3, 4]], metadata=metadata)
t = torch.tensor([[1, 2], [1, 2]])
print(torch.add(t, m))
print(torch.mul(t, m))
print(torch.matmul(m, t)._t)
print(torch.sum(m, dim=1)._t, torch.clamp(m, max=2)._t)

# %%
def scaled_sum(x, scale=2.0):
    """A library function that objects with __torch_function__ can override."""
    if torch.overrides.has_torch_function((x,)):
        return torch.overrides.handle_torch_function(scaled_sum, (x,), x, scale=scale)
    return x.sum() * scale

class Verbose:
    def __init__(self, t):
        self.t = t
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        print("handling", func.__name__, kwargs)
        if func is scaled_sum:
            return scaled_sum(args[0].t, **kwargs) + 100
        return NotImplemented

print(scaled_sum(torch.ones(3)))
print(scaled_sum(Verbose(torch.ones(3)), scale=3.0))
try:
    torch.exp(Verbose(torch.ones(3)))
except TypeError as e:
    print("TypeError", str(e).split(":")[0])

# %%
class Quiet(torch.Tensor):
    pass

q = torch.ones(2).as_subclass(Quiet)
p = torch.nn.Parameter(torch.ones(2))
print(torch.overrides.has_torch_function((q,)), torch.overrides.has_torch_function((p,)),
      torch.overrides.has_torch_function((torch.ones(1), 3)))
print(torch.overrides.has_torch_function_unary(q), torch.overrides.has_torch_function_variadic(p, q))
print(torch.overrides.is_tensor_like(q), torch.overrides.is_tensor_like(Verbose(q)), torch.overrides.is_tensor_like([q]))
print(torch.nn.Parameter.__torch_function__ is torch._C._disabled_torch_function_impl)
print(type(p * 2).__name__, type(q * p).__name__, type(torch.mul(p, q)).__name__, type(torch.ones(2) * q).__name__)
