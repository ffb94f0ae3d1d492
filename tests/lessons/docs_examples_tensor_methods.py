# Imitates the "Example::" blocks of PyTorch's Tensor methods reference (new_full / new_tensor / new_empty,
# expand / expand_as, repeat, unfold, index_put_, masked_scatter_, put_, map_ / apply_, view(dtype),
# storage_offset, stride, is_contiguous) pasted into a notebook, printed as the docs show them.
import torch
torch.manual_seed(0)

# %%
tensor = torch.ones((2,), dtype=torch.float64)
print(tensor.new_full((3, 4), 3.141592))
tensor = torch.ones((2,), dtype=torch.int8)
data = [[0, 1], [2, 3]]
print(tensor.new_tensor(data))
tensor = torch.ones(())
print(tensor.new_empty((2, 3)).shape, tensor.new_empty((2, 3)).dtype)
tensor = torch.tensor((), dtype=torch.int32)
print(tensor.new_ones((2, 3)))
tensor = torch.tensor((), dtype=torch.float64)
tensor.new_zeros((2, 3))

# %%
x = torch.tensor([[1], [2], [3]])
print(x.size())
print(x.expand(3, 4))
print(x.expand(-1, 4))
print(x.expand(3, 4).stride(), x.expand(2, 3, 4).is_contiguous())
print(torch.ones(3, 1).expand_as(torch.zeros(3, 5)).shape)
x = torch.tensor([1, 2, 3])
print(x.repeat(4, 2))
print(x.repeat(4, 2, 1).size())
x.repeat(2), torch.tensor([[1, 2]]).repeat(2, 1)

# %%
x = torch.arange(1., 8)
print(x)
print(x.unfold(0, 2, 1))
print(x.unfold(0, 2, 2))
print(x.unfold(0, 2, 1).stride(), torch.arange(12.).view(3, 4).unfold(1, 2, 2).shape)
torch.arange(12.).view(3, 4).unfold(1, 2, 2)

# %%
x = torch.zeros(3, 3)
x.index_put_((torch.tensor([0, 2]), torch.tensor([1, 0])), torch.tensor([5., 6.]))
print(x)
x.index_put_((torch.tensor([0, 0]), torch.tensor([1, 1])), torch.tensor([1., 2.]), accumulate=True)
print(x)
self = torch.tensor([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
mask = torch.tensor([[0, 0, 0, 1, 1], [1, 1, 0, 1, 1]], dtype=torch.bool)
source = torch.tensor([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
print(self.view(2, 5).masked_scatter_(mask, source))
src = torch.tensor([[4, 3, 5], [6, 7, 8]])
print(src.put_(torch.tensor([1, 3]), torch.tensor([9, 10])))
torch.zeros(2, 2).put_(torch.tensor([0, 0, 3]), torch.tensor([1., 2., 3.]), accumulate=True), torch.tensor([[4, 3, 5], [6, 7, 8]]).put(torch.tensor([-1]), torch.tensor([0]))

# %%
x = torch.tensor([1., 2., 3.])
print(x.map_(torch.tensor([10., 20., 30.]), lambda a, b: a * b + 1))
print(x.apply_(lambda v: v / 2))
print(torch.tensor([1, 2, 3]).apply_(lambda v: v * 3))
print(torch.zeros(2, 2).map_(torch.tensor([1., 2.]), lambda a, b: a - b))
x = torch.randn(4, 4)
print(x.size())
y = x.view(16)
print(y.size())
z = x.view(-1, 8)
print(z.size())
a = torch.randn(1, 2, 3, 4)
print(a.size())
b = a.transpose(1, 2)
print(b.size())
c = a.view(1, 3, 2, 4)
print(c.size())
torch.equal(b, c)

# %%
x = torch.randn(4, 4)
print(x)
print(x.dtype)
y = x.view(torch.int32)
print(y)
print(y[0, 0] == 1065353216)
x[0, 0] = 1.0
print(y[0, 0] == 1065353216)
x = torch.randn(4, 4)
print(x.view(torch.cfloat))
print(x.view(torch.cfloat).size())
x = torch.randn(4, 4)
print(x.view(torch.uint8))
x.view(torch.uint8).size()

# %%
x = torch.tensor([1, 2, 3, 4, 5])
print(x.storage_offset())
print(x[3:].storage_offset())
x = torch.tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
print(x.stride())
print(x.stride(0))
print(x.stride(-1))
print(x.is_contiguous(), x.t().is_contiguous(), x[:, ::2].is_contiguous(), x[:, 1:].storage_offset())
torch.ones(2, 3, 4).view(torch.float16).stride(), torch.ones(2, 4).view(torch.float64).shape

# %%
for bad in [lambda: torch.tensor([[1], [2]]).expand(3, 4),
            lambda: torch.tensor([[1], [2]]).expand(4),
            lambda: torch.tensor([1, 2, 3]).repeat(2, ),
            lambda: torch.tensor([[1, 2]]).repeat(2),
            lambda: torch.arange(4.).unfold(0, 5, 1),
            lambda: torch.arange(4.).unfold(0, 2, 0),
            lambda: torch.zeros(3).put_(torch.tensor([3]), torch.tensor([1.])),
            lambda: torch.zeros(3).masked_scatter_(torch.tensor([1, 0, 1]), torch.ones(3)),
            lambda: torch.zeros(3).index_put_((torch.tensor([0]),), torch.ones(2)),
            lambda: torch.ones(3).view(torch.float64),
            lambda: torch.ones(2, 3).t().view(torch.float16),
            lambda: torch.ones(2, 3).t().view(6),
            lambda: torch.ones(2).stride(2),
            lambda: torch.ones(2).new_full((2,), 1.5).new_tensor(3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
