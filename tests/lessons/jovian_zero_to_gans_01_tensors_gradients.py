# Imitates Jovian "Deep Learning with PyTorch: Zero to GANs", lesson 1 notebook "PyTorch Basics: Tensors & Gradients"
# (Aakash N S): tensors of several shapes, y = w * x + b with backward, tensor functions, numpy interop.
import torch
import numpy as np

# %%
# Number
t1 = torch.tensor(4.)
print(t1)
print(t1.dtype)

# %%
# Vector
t2 = torch.tensor([1., 2, 3, 4])
print(t2)
# Matrix
t3 = torch.tensor([[5., 6],
                   [7, 8],
                   [9, 10]])
print(t3)
# 3-dimensional array
t4 = torch.tensor([
    [[11, 12, 13],
     [13, 14, 15]],
    [[15, 16, 17],
     [17, 18, 19.]]])
print(t4)
print(t1.shape, t2.shape, t3.shape, t4.shape)

# %%
# Matrix with rows of unequal length
try:
    t5 = torch.tensor([[5., 6, 11],
                       [7, 8],
                       [9, 10]])
except Exception as e:
    print(type(e).__name__, e)

# %%
# Create tensors.
x = torch.tensor(3.)
w = torch.tensor(4., requires_grad=True)
b = torch.tensor(5., requires_grad=True)
x, w, b

# %%
# Arithmetic operations
y = w * x + b
y

# %%
# Compute derivatives
y.backward()
# Display gradients
print('dy/dx:', x.grad)
print('dy/dw:', w.grad)
print('dy/db:', b.grad)

# %%
# Tensor functions
t6 = torch.full((3, 2), 42)
print(t6)
t7 = torch.cat((t3, t6))
print(t7)
t8 = torch.sin(t7)
print(t8)
t9 = t8.reshape(3, 2, 2)
print(t9)

# %%
# Exercise-style: functions that break
try:
    torch.cat((t3, torch.ones(3, 3)), dim=0)
except Exception as e:
    print(type(e).__name__, e)
try:
    t8.reshape(5, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.full((2, 2), 42).sin_()
except Exception as e:
    print(type(e).__name__, e)
print(torch.full((2, 2), 42.).dtype, torch.full((2, 2), True).dtype)

# %%
# Interoperability with Numpy
x = np.array([[1, 2], [3, 4.]])
print(x)
# Convert the numpy array to a torch tensor.
y = torch.from_numpy(x)
print(y)
print(x.dtype, y.dtype)
# Convert a torch tensor to a numpy array
z = y.numpy()
print(z)
y[0, 0] = 100
print(x)

# %%
t = torch.tensor([1., 2.], requires_grad=True)
try:
    t.numpy()
except Exception as e:
    print(type(e).__name__, e)
print(t.detach().numpy())
print(torch.tensor(np.array([1, 2, 3], dtype=np.int32)))
print(torch.as_tensor([[1, 2], [3, 4]]).dtype, torch.from_numpy(np.float32(3) * np.ones(2)).dtype)

# %%
# grad accumulates; then zero it as the notebook's later lessons do
x = torch.tensor(3.)
w = torch.tensor(4., requires_grad=True)
b = torch.tensor(5., requires_grad=True)
for _ in range(2):
    y = w * x + b
    y.backward()
print(w.grad, b.grad)
w.grad.zero_()
b.grad.zero_()
print(w.grad, b.grad)
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)
