# Imitates a lesson on higher-order derivatives: create_graph=True, d2y/dx2 and d3y/dx3, and a gradient-penalty term.
import torch

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x ** 3
dy_dx, = torch.autograd.grad(y, x, create_graph=True)
print(dy_dx)

# %%
d2y_dx2, = torch.autograd.grad(dy_dx, x, create_graph=True)
print(d2y_dx2)
d3y_dx3, = torch.autograd.grad(d2y_dx2, x)
print(d3y_dx3)

# %%
x = torch.tensor(1.0, requires_grad=True)
y = torch.sin(x)
grads = []
for _ in range(4):
    g, = torch.autograd.grad(y, x, create_graph=True)
    grads.append(round(g.item(), 4))
    y = g
print(grads)

# %%
x = torch.tensor([0.5, 1.5], requires_grad=True)
y = (torch.exp(x) * x).sum()
y.backward(create_graph=True)
print(x.grad)
g = x.grad.sum()
x.grad = None
g.backward()
print(x.grad)

# %%
# gradient penalty: ||d out / d inp||^2 added to the loss
torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
inp = torch.randn(4, 3, requires_grad=True)
out = torch.tanh(inp @ w).sum()
g, = torch.autograd.grad(out, inp, create_graph=True)
penalty = (g ** 2).sum()
print(penalty)
penalty.backward()
print(w.grad)

# %%
# mixed partial derivative d2f/dxdy of f = x^2 y^3
x = torch.tensor(1.5, requires_grad=True)
y = torch.tensor(-0.5, requires_grad=True)
f = x ** 2 * y ** 3
fx, = torch.autograd.grad(f, x, create_graph=True)
fxy, = torch.autograd.grad(fx, y)
print(fx, fxy)

# %%
# second derivative without create_graph fails
x = torch.tensor(2.0, requires_grad=True)
g, = torch.autograd.grad(x ** 2, x)
print(g.requires_grad)
torch.autograd.grad(g, x)
