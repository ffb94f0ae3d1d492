# Imitates the MIPT Deep Learning School (DLS) seminar "PyTorch: тензоры и numpy" (deep-learning-school seminars on
# GitHub, part 1 "Основы PyTorch"): numpy vs torch side by side (np.arange / torch.arange, reshape vs view, axis vs
# dim, np.concatenate vs torch.cat), legacy constructors torch.FloatTensor / torch.LongTensor and .type(), from_numpy
# sharing memory, dtype casts, device checks with torch.cuda.is_available(), indexing and the errors learners hit
# (mismatched shapes in matmul, view on a non-contiguous tensor, adding int64 and float32 in place).
import numpy as np
import torch

# %%
# Сравним numpy и torch
a = np.arange(12).reshape(3, 4)
b = torch.arange(12).view(3, 4)
print("numpy:\n", a)
print("torch:\n", b)
print(f"Размер: {a.shape} vs {b.shape}, тип: {a.dtype} vs {b.dtype}")
print(b.size(), b.size(0), b.dim(), b.numel(), b.ndimension())

# %%
# Суммы по осям: axis в numpy, dim в torch (axis тоже работает)
print(a.sum(axis=0), b.sum(dim=0), b.sum(axis=0))
print(a.mean(axis=1), b.float().mean(dim=1))
print(b.float().mean(dim=1, keepdim=True))
try:
    print(b.mean())
except Exception as e:
    print(type(e).__name__, e)

# %%
# Старые конструкторы из семинара
x = torch.FloatTensor([[1, 2, 3], [4, 5, 6]])
y = torch.LongTensor([1, 2, 3])
print(x, x.type(), x.dtype)
print(y, y.type())
print(x.type(torch.LongTensor))
print(y.type(torch.FloatTensor).type())
print(x.type('torch.DoubleTensor'))
z = torch.Tensor(2, 3).zero_()
print(z, z.shape)
print(torch.FloatTensor(2, 2).fill_(7))
print(torch.IntTensor([1, 2]).dtype, torch.ByteTensor([1, 0]).dtype, torch.BoolTensor([True, False]))

# %%
# numpy <-> torch: from_numpy делит память, torch.tensor копирует
arr = np.ones(3)
t1 = torch.from_numpy(arr)
t2 = torch.tensor(arr)
arr[0] = 100
print(t1, t2)
print(t1.dtype, t2.dtype, t1.numpy().dtype)
t3 = torch.as_tensor(arr, dtype=torch.float32)
print(t3)
print(type(t1.numpy()), t1.tolist(), t1[0].item())

# %%
# Операции: матричное умножение и поэлементное
A = torch.randn(2, 3, generator=torch.Generator().manual_seed(0))
B = torch.ones(3, 2)
print((A @ B).shape, torch.mm(A, B).shape, A.matmul(B).shape)
print(A * 2 + 1 > 0)
try:
    A @ A
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.mm(A, torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
try:
    A.dot(A)
except Exception as e:
    print(type(e).__name__, e)

# %%
# view и transpose: несмежный тензор
c = torch.arange(6.).view(2, 3)
ct = c.t()
print(ct.is_contiguous())
try:
    ct.view(6)
except Exception as e:
    print(type(e).__name__, e)
print(ct.contiguous().view(6), ct.reshape(-1))
try:
    c.view(4, -1)
except Exception as e:
    print(type(e).__name__, e)
try:
    c.view(-1, -1)
except Exception as e:
    print(type(e).__name__, e)

# %%
# Типы: смешиваем long и float
l = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, 0.5, 0.5])
print(l + f, (l + f).dtype, l / 2, l // 2, (l / 2).dtype)
try:
    l += f
except Exception as e:
    print(type(e).__name__, e)
f += l
print(f)
print(torch.tensor([1, 2, 3], dtype=torch.float64) + torch.tensor(1, dtype=torch.float32))

# %%
# Устройства
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device, device.type)
x = torch.zeros(2, 2).to(device)
print(x.device, x.is_cuda)
print(torch.zeros(2, device=device))
print(x.cpu().numpy())

# %%
# Индексация как в numpy
m = torch.arange(20).view(4, 5)
print(m[1:3, ::2])
print(m[m % 3 == 0])
print(m[[0, 2], [1, 3]])
print(m[:, None].shape, m[..., -1])
try:
    m[4]
except Exception as e:
    print(type(e).__name__, e)
try:
    m[:, ::-1]
except Exception as e:
    print(type(e).__name__, e)
print(torch.flip(m, dims=[1])[0])
