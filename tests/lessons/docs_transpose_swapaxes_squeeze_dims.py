# Imitates the Examples of torch.transpose, torch.swapaxes / swapdims, torch.t and torch.squeeze in PyTorch's
# "Indexing, Slicing, Joining, Mutating Ops" reference, with the keyword names the signatures print
# (swapaxes(input, axis0, axis1)) and squeeze's tuple of dims, as a learner pastes them (seeded randn).
import torch
torch.manual_seed(0)

# %%
x = torch.randn(2, 3)
print(x)
print(torch.transpose(x, 0, 1))
print(torch.swapaxes(x, axis0=0, axis1=1))
print(x.swapaxes(axis0=1, axis1=0).shape, x.swapdims(dim0=0, dim1=1).shape)
y = x.clone()
y.swapaxes_(axis0=0, axis1=1)
print(y.shape, y.is_contiguous())

# %%
s = torch.tensor(3.)
print(torch.transpose(s, 0, 0), torch.swapaxes(s, 0, -1), torch.swapdims(s, -1, 0), torch.t(s))
u = s.clone()
u.transpose_(0, -1)
print(u, u.shape)
try:
    torch.transpose(s, 0, 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
x = torch.zeros(2, 1, 2, 1, 2)
print(x.size())
print(torch.squeeze(x).size())
print(torch.squeeze(x, 0).size())
print(torch.squeeze(x, 1).size())
print(torch.squeeze(x, (1, 2, 3)).size())
print(x.squeeze(1, 3).size(), x.clone().squeeze_(1, 3).size(), x.clone().squeeze_(3).size())

# %%
w = torch.randn(1, 3, 1, requires_grad=True)
out = w.squeeze(0, 2) * torch.tensor([1., 2., 3.])
out.sum().backward()
print(out, w.grad)
