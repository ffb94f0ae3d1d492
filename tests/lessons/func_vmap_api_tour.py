# Imitates the torch.func.vmap API documentation (docs/source/generated/torch.func.vmap and the "UX limitations"
# page): batched dot products, in_dims with None and tuples, negative dims, nested pytrees of inputs, kwargs,
# out_dims for tuple and dict outputs, chunk_size, vmap of vmap, and the mistakes the docs warn about.
import torch
from torch.func import vmap
torch.manual_seed(0)

x, y = torch.randn(2, 5), torch.randn(2, 5)
batched_dot = torch.func.vmap(torch.dot)
print(batched_dot(x, y))
print(torch.allclose(batched_dot(x, y), (x * y).sum(1)))

# %%
batch_size, feature_size = 3, 5
weights = torch.randn(feature_size, requires_grad=True)

def model(feature_vec):
    # Very simple linear model with activation
    return feature_vec.dot(weights).relu()

examples = torch.randn(batch_size, feature_size)
result = torch.vmap(model)(examples)
print(result)
print(result.shape, result.requires_grad, result.grad_fn is not None)

# %%
# batched matrix-vector products with one shared matrix
batched_mv = vmap(torch.mv, in_dims=(None, 0))
A = torch.randn(3, 4)
vs = torch.randn(6, 4)
print(batched_mv(A, vs).shape)
print(torch.allclose(batched_mv(A, vs), vs @ A.T))
# vmap of vmap: a batched outer product, each dimension mapped once
batched_outer = vmap(vmap(torch.mul, in_dims=(None, 0)), in_dims=(0, None))
print(batched_outer(torch.arange(3.), torch.arange(4.)))

# %%
# in_dims picks the dimension of each input; negative dims count from the end
x = torch.randn(2, 3, 5)
print(vmap(torch.sum, in_dims=1)(x).shape)
print(vmap(lambda t: t.sum(0), in_dims=-1)(x).shape)
print(vmap(lambda t: t.sum(0), in_dims=-1)(x)[0] == x[..., 0].sum(0))

# %%
# inputs can be nested: a dict of tensors and in_dims that mirrors it
def weighted(inputs, scale):
    return inputs["a"] * scale + inputs["b"]

inputs = {"a": torch.ones(4, 2), "b": torch.arange(8.).reshape(4, 2)}
print(vmap(weighted, in_dims=(0, None))(inputs, 10.))
print(vmap(weighted, in_dims=({"a": 0, "b": 1}, None))(
    {"a": torch.ones(2, 2), "b": torch.arange(4.).reshape(2, 2)}, 2.))

# kwargs are not mapped
def scaled(x, scale=4.):
    return x * scale

print(vmap(scaled)(torch.arange(3.), scale=2.))

# %%
# out_dims: where the mapped dimension goes in each output
def two(x):
    return x, x * 2

a, b = vmap(two, out_dims=(0, 1))(torch.arange(6.).reshape(2, 3))
print(a.shape, b.shape)
print(b)
out = vmap(lambda x: {"sum": x.sum(), "double": x * 2})(torch.arange(6.).reshape(3, 2))
print(sorted(out.keys()), out["sum"], out["double"].shape)
print(vmap(lambda x, y: (x + y, y), in_dims=(0, None), out_dims=(0, None))(torch.ones(2, 3), torch.arange(3.)))

# %%
# chunk_size: the batch is computed a few elements at a time, same answer
x = torch.randn(10, 4)
full = vmap(lambda r: r.softmax(0))(x)
chunked = vmap(lambda r: r.softmax(0), chunk_size=3)(x)
print(torch.allclose(full, chunked), chunked.shape)

# %%
# mistakes the docs list
def f_item(x):
    return x.sum().item()

for make in [
    lambda: vmap(torch.dot)(torch.randn(2, 5), torch.randn(3, 5)),
    lambda: vmap(torch.mv, in_dims=(None, 0, 1))(A, vs),
    lambda: vmap(torch.sum, in_dims=3)(torch.randn(2, 3)),
    lambda: vmap(torch.sum, in_dims=0)(5.0),
    lambda: vmap(f_item)(torch.randn(3, 2)),
    lambda: vmap(lambda x: 3)(torch.ones(2)),
    lambda: vmap(torch.sum, in_dims=(None,))(torch.ones(2)),
    lambda: vmap(lambda x: x, chunk_size=0)(torch.ones(2)),
    lambda: vmap(two, out_dims=(0, 1, 2))(torch.ones(2, 3)),
    lambda: vmap(lambda x: x.sum(), out_dims=1)(torch.ones(2, 3)),
]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
