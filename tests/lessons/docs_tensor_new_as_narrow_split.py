# Imitates the "Example::" blocks of PyTorch's Tensor reference for new_tensor / new_zeros / new_ones /
# new_full / new_empty (dtype, requires_grad), expand_as / view_as / type_as / reshape_as, narrow /
# narrow_copy, unfold, repeat vs expand, tile, movedim / moveaxis, swapaxes, chunk / tensor_split / split /
# hsplit / vsplit / dsplit and unbind, as a learner pastes them into a notebook (seeded randn).
import torch
torch.manual_seed(0)

# %%
tensor = torch.ones((2,), dtype=torch.int8)
data = [[0, 1], [2, 3]]
print(tensor.new_tensor(data))
print(tensor.new_tensor(data, dtype=torch.float16, requires_grad=False))
t = torch.ones(2, dtype=torch.float64)
print(t.new_zeros(2, 3), t.new_ones((1, 2), dtype=torch.int32), t.new_full([2], 7, requires_grad=True))
e = t.new_empty(3, 2, dtype=torch.bool)
print(e.shape, e.dtype, t.new_empty((2,), requires_grad=True).requires_grad)
z = torch.randn(2, requires_grad=True).new_tensor([1.5, 2.5])
print(z, z.requires_grad, z.dtype)
torch.tensor([1, 2]).new_full((2, 2), 2.5), torch.tensor([1., 2.]).new_full((2,), True)

# %%
x = torch.randn(2, 3)
print(torch.ones(3).expand_as(x))
print(torch.arange(6).view_as(x))
print(torch.arange(6).reshape_as(x.t()))
print(torch.tensor([1.7, -2.2]).type_as(torch.tensor([1, 2])))
print(torch.tensor([1, 2]).type_as(torch.ones(2, dtype=torch.float64)))
print(torch.tensor([1, 2]).type(torch.float32), torch.tensor([1, 2]).type())
torch.tensor([0., 2.]).type('torch.BoolTensor')

# %%
x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(torch.narrow(x, 0, 0, 2))
print(torch.narrow(x, 1, 1, 2))
print(torch.narrow(x, -1, torch.tensor(-1), 1))
print(torch.narrow_copy(x, 0, 0, 2))
print(torch.narrow_copy(x, 1, 1, 2), x.narrow(0, 1, 2).is_contiguous(), x.narrow_copy(1, 1, 2).is_contiguous())
x.narrow(0, -2, 2)

# %%
x = torch.arange(1., 8)
print(x.unfold(0, 2, 1))
print(x.unfold(0, 2, 2))
print(torch.arange(24.).view(2, 3, 4).unfold(2, 2, 1).shape, torch.arange(24.).view(2, 3, 4).unfold(-1, 3, 3))
x = torch.tensor([1, 2, 3])
print(x.repeat(4, 2))
print(x.repeat(4, 2, 1).size())
print(torch.tile(x, (2,)))
y = torch.tensor([[1, 2], [3, 4]])
print(torch.tile(y, (2, 2)))
print(y.tile((2,)), torch.tile(y, (2, 1, 1)).shape)
x.expand(2, 3), x.expand(2, 3).stride(), x.repeat(2, 1).stride()

# %%
t = torch.randn(3, 2, 1)
print(t)
print(torch.movedim(t, 1, 0).shape)
print(torch.movedim(t, 1, 0))
print(torch.movedim(t, (1, 2), (0, 1)).shape)
print(torch.movedim(t, (1, 2), (0, 1)))
print(torch.moveaxis(t, 1, 0).shape, t.moveaxis(-1, 0).shape, t.movedim([0, 2], [2, 0]).shape)
x = torch.tensor([[[0, 1], [2, 3]], [[4, 5], [6, 7]]])
print(torch.swapaxes(x, 0, 1))
print(torch.swapaxes(x, 0, 2))
x.swapdims(1, 2), x.swapaxes(-1, 0).is_contiguous()

# %%
print(torch.arange(11).chunk(6))
print(torch.arange(12).chunk(6))
print(torch.arange(13).chunk(6))
x = torch.arange(8)
print(torch.tensor_split(x, 3))
x = torch.arange(7)
print(torch.tensor_split(x, 3))
print(torch.tensor_split(x, (1, 6)))
x = torch.arange(14).reshape(2, 7)
print(torch.tensor_split(x, 3, dim=1))
print(torch.tensor_split(x, (1, 6), dim=1))
print(torch.tensor_split(x, torch.tensor([2, 9]), dim=1), torch.tensor_split(x, torch.tensor(2), dim=0))
a = torch.arange(10).reshape(5, 2)
print(torch.split(a, 2))
print(torch.split(a, [1, 4]))
a.split([2, 0, 3], dim=0)

# %%
t = torch.arange(16.0).reshape(4, 4)
print(torch.hsplit(t, 2))
print(torch.hsplit(t, [3, 6]))
print(torch.vsplit(t, 2), torch.vsplit(t, [3, 6]))
t = torch.arange(16.0).reshape(2, 2, 4)
print(torch.dsplit(t, 2))
print(torch.dsplit(t, [3, 6]))
print(torch.hsplit(torch.arange(6.), 3), torch.unbind(torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])))
torch.tensor([[1, 2], [3, 4]]).unbind(1)

# %%
x = torch.randn(3, 4, requires_grad=True)
parts = [x.narrow(1, 1, 2), x.narrow_copy(0, 0, 1), x.unfold(1, 2, 1), x.movedim(0, 1), x.swapaxes(0, 1),
         x.expand(2, 3, 4), x.repeat(1, 2), x.tile((2,)), x.view_as(torch.ones(4, 3)), x.reshape_as(torch.ones(12)),
         *x.chunk(2, 1), *x.tensor_split((1, 2)), *x.hsplit(2), *x.unbind(0), x.type_as(torch.ones(1, dtype=torch.float64))]
for p in parts:
    print(p.grad_fn.name(), tuple(p.shape))
loss = sum((p * (k + 1)).sum() for k, p in enumerate(parts))
loss.backward()
x.grad

# %%
for bad in [lambda: torch.ones(2, 3).narrow(1, 2, 2),
            lambda: torch.ones(2, 3).narrow(2, 0, 1),
            lambda: torch.ones(2, 3).narrow(0, -3, 1),
            lambda: torch.ones(2, 3).narrow_copy(1, 1, 3),
            lambda: torch.ones(2, 3).narrow(0, 0, -1),
            lambda: torch.ones(2, 3).view_as(torch.ones(4)),
            lambda: torch.ones(2, 3).expand_as(torch.ones(3, 2)),
            lambda: torch.ones(2, 3).reshape_as(torch.ones(5)),
            lambda: torch.ones(2, 3).movedim((0, 1), 0),
            lambda: torch.ones(2, 3).movedim(0, 2),
            lambda: torch.ones(2, 3).movedim((0, 0), (0, 1)),
            lambda: torch.ones(2, 3).swapaxes(0, 2),
            lambda: torch.ones(2, 3).chunk(0),
            lambda: torch.ones(2, 3).tensor_split(0),
            lambda: torch.ones(2, 3).tensor_split(torch.tensor([1.])),
            lambda: torch.ones(2, 3).split([1, 1], 1),
            lambda: torch.ones(2, 3).hsplit(2),
            lambda: torch.ones(2, 3).dsplit(2),
            lambda: torch.ones(3).vsplit(3),
            lambda: torch.ones(2, 3).unfold(1, 4, 1),
            lambda: torch.ones(2, 3).repeat(2),
            lambda: torch.ones(2, 3).new_tensor([[1], [2, 3]])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
