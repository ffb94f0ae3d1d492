# Imitates the torch.prod / torch.cumprod docs examples and the forum answers on the gradient of a product
# ("grad of torch.prod with zeros"): a product over a dim, a geometric mean of growth factors (an investment
# return exercise), compounding with cumprod, and the gradient with one zero and with two zeros in the product.
import torch

torch.manual_seed(2)
torch.set_printoptions(precision=6)

# %%
a = torch.randn(4, 2)
print(a)
print(torch.prod(a, 1))
print(torch.prod(a))

# %%
growth = torch.tensor([1.05, 0.97, 1.12, 1.01, 0.99, 1.08], requires_grad=True)
geo = growth.prod() ** (1 / growth.numel())
geo.backward()
print(geo)
print(growth.grad)

# %%
returns = (torch.randn(3, 5) * 0.05 + 1).requires_grad_()
final = returns.prod(dim=1)
path = returns.cumprod(dim=1)
w = torch.tensor([0.2, 0.3, 0.5])
loss = (final * w).sum() + 0.1 * path.mean()
loss.backward()
print(final, path[:, -1])
print(returns.grad)

# %%
for vals in ([2.0, 0.0, 3.0, 0.5], [2.0, 0.0, 3.0, 0.0]):
    x = torch.tensor(vals, requires_grad=True)
    (x.prod() * 1.5).backward()
    print(x.grad)
m = torch.tensor([[1.5, 0.0], [2.0, 3.0]], requires_grad=True)
(m.prod(0) * torch.tensor([0.5, 2.0])).sum().backward()
print(m.grad)
