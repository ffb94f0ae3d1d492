# Imitates an "autograd.grad in depth" notebook: grad_outputs, is_grads_batched for Jacobian rows, allow_unused with
# materialize_grads, backward(inputs=...), retain_graph errors, and torch.autograd.backward with grad_tensors.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x ** 2
J_rows = torch.autograd.grad(y, x, grad_outputs=torch.eye(3), is_grads_batched=True)
print(J_rows)
w = torch.tensor(2.0, requires_grad=True)
z = torch.tensor(5.0, requires_grad=True)
out = (w * x).sum()
print(torch.autograd.grad(out, [w, z], allow_unused=True, retain_graph=True))
print(torch.autograd.grad(out, [w, z], materialize_grads=True))
try:
    torch.autograd.grad((w * x).sum(), [w, z])
except RuntimeError as e:
    print(e)

# %%
a = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(2.0, requires_grad=True)
loss = a * b + b ** 2
loss.backward(inputs=[a])
print(a.grad, b.grad)
loss2 = a * b
loss2.backward(inputs=b)
print(a.grad, b.grad)
try:
    loss2.backward()
except RuntimeError as e:
    print(str(e)[:110])

# %%
u = torch.randn(2, 2, requires_grad=True)
v = u * 3
s = v.sum()
torch.autograd.backward([v, s], grad_tensors=[torch.ones(2, 2), torch.tensor(2.0)])
print(u.grad)
u.grad = None
torch.autograd.backward(v, torch.full((2, 2), 0.5))
print(u.grad)
try:
    torch.autograd.backward([v], grad_tensors=[torch.ones(3)])
except RuntimeError as e:
    print(e)

# %%
p = torch.tensor([1.0, 2.0], requires_grad=True)
q = p.detach().requires_grad_()
try:
    torch.autograd.grad(p.sum(), q)
except RuntimeError as e:
    print(e)
try:
    torch.autograd.grad(p * 2, p)
except RuntimeError as e:
    print(e)
print(torch.autograd.grad(p * 2, p, torch.ones(2)))
g, = torch.autograd.grad(p.pow(3).sum(), p, create_graph=True)
print(g, g.requires_grad)
gg = torch.autograd.grad(g, p, torch.ones_like(g), is_grads_batched=False)
print(gg)

# %%
def f(t):
    return torch.stack([t[0] * t[1], t[1].sin(), t.sum()])
t = torch.tensor([0.5, 1.5], requires_grad=True)
ft = f(t)
J = torch.autograd.grad(ft, t, torch.eye(3), is_grads_batched=True)[0]
print(J)
print(torch.autograd.functional.jacobian(f, t))
