# Imitates an autograd lesson on retain_graph: calling backward twice fails, retain_graph=True keeps the saved tensors.
import torch

# %%
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = (x ** 2).sum()
y.backward()
print(x.grad)

# %%
y.backward()

# %%
x.grad.zero_()
y = (x ** 2).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)

# %%
y.backward()

# %%
# a graph with no saved tensors can be walked again
x.grad = None
z = (x + 1).sum()
z.backward()
z.backward()
print(x.grad)

# %%
# two losses that share a trunk
w = torch.tensor([0.5, -0.5], requires_grad=True)
h = torch.tanh(w * 2)
loss1 = h.sum()
loss2 = (h ** 2).sum()
loss1.backward(retain_graph=True)
loss2.backward()
print(w.grad)

# %%
w.grad = None
h = torch.tanh(w * 2)
(h.sum() + (h ** 2).sum()).backward()
print(w.grad)

# %%
h = torch.sigmoid(w)
h.sum().backward()
(h * 2).sum().backward()
