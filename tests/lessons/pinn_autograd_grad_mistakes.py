# Imitates the "why does my PINN derivative fail?" part of PINN tutorials and forum answers: torch.autograd.grad of
# a non-scalar without grad_outputs, forgetting create_graph before a second derivative, collocation points without
# requires_grad, backward twice through the residual graph, allow_unused / materialize_grads, derivatives of a
# network output that depends on only one of two inputs, and the is_grads_batched way to get a full Jacobian.
import torch
import torch.nn as nn

# %%
torch.manual_seed(7)
net = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 1))
x = torch.linspace(-1, 1, 5).reshape(-1, 1).requires_grad_()
u = net(x)
u

# %%
torch.autograd.grad(u, x)

# %%
du = torch.autograd.grad(u.sum(), x, create_graph=True)[0]
du_same = torch.autograd.grad(u, x, grad_outputs=torch.ones_like(u), retain_graph=True)[0]
print(du.T)
print(torch.equal(du.detach(), du_same), du.requires_grad, du_same.requires_grad)

# %%
u = net(x)
du = torch.autograd.grad(u, x, torch.ones_like(u))[0]
print(du.requires_grad, du.grad_fn)
d2u = torch.autograd.grad(du, x, torch.ones_like(du))[0]

# %%
u = net(x)
du = torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0]
d2u = torch.autograd.grad(du, x, torch.ones_like(du))[0]
print(d2u.T, d2u.requires_grad)
d3u = torch.autograd.grad(du, x, torch.ones_like(du))[0]

# %%
x_nograd = torch.linspace(-1, 1, 5).reshape(-1, 1)
u = net(x_nograd)
print(u.requires_grad, x_nograd.requires_grad)
torch.autograd.grad(u, x_nograd, torch.ones_like(u), create_graph=True)

# %%
with torch.no_grad():
    u = net(x)
torch.autograd.grad(u, x, torch.ones_like(u))

# %%
u = net(x)
torch.autograd.grad(u, x, torch.ones(5))

# %%
torch.autograd.grad(u, x, torch.ones(5, 1, dtype=torch.float64))

# %%
u = net(x)
loss = (torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0] ** 2).mean()
loss.backward()
print(net[0].weight.grad.T)
loss.backward()

# %%
u = net(x)
loss = (torch.autograd.grad(u, x, torch.ones_like(u), create_graph=True)[0] ** 2).mean()
loss.backward(retain_graph=True)
loss.backward()
print(net[0].weight.grad.T)
net.zero_grad()
print(net[0].weight.grad)

# %%
t = torch.rand(5, 1, requires_grad=True)
u = net(x)
torch.autograd.grad(u, [x, t], torch.ones_like(u))

# %%
u = net(x)
gx, gt = torch.autograd.grad(u, [x, t], torch.ones_like(u), allow_unused=True)
print(gx.shape, gt)
gx, gt = torch.autograd.grad(u, [x, t], torch.ones_like(u), materialize_grads=True)
print(gt.T)

# %%
u = net(x)
torch.autograd.grad(u, x, torch.ones_like(u), materialize_grads=True, allow_unused=False)

# %%
xs = torch.tensor([[0.5]], requires_grad=True)
u = net(xs)
print(u, u.shape)
du, = torch.autograd.grad(u, xs, create_graph=True)
d2u, = torch.autograd.grad(du, xs, create_graph=True)
print(du, d2u)
print(du.grad_fn, d2u.grad_fn)
print(du.grad_fn.next_functions)

# %%
xb = torch.randn(3, 2, requires_grad=True)
W = torch.randn(2, 4)
y = torch.tanh(xb @ W)
eye = torch.eye(4).unsqueeze(1).expand(4, 3, 4)
jac, = torch.autograd.grad(y, xb, eye, is_grads_batched=True)
print(jac.shape)
print(jac[:, 0, :])

# %%
x.grad = None
u = net(x)
u.backward(torch.ones_like(u))
print(x.grad.T)
u.sum().backward()

# %%
x.requires_grad_(False)
x.requires_grad_()
y = x.detach()
print(y.requires_grad, x.requires_grad)
u = net(y)
torch.autograd.grad(u.sum(), y)

# %%
x2 = torch.linspace(0, 1, 4).reshape(-1, 1)
x2.requires_grad = True
u = net(x2)
u.backward()
