# Imitates 《动手学深度学习 PyTorch版》(ShusenTang/Dive-into-DL-PyTorch) 2.2 数据操作 and 2.3 自动求梯度:
# 创建Tensor, 算术操作的三种形式 (add, out=, add_), 索引共享内存, view 与 clone, item, 线性代数函数, 广播,
# 运算的内存开销 (id), Tensor与NumPy相互转换, 以及 requires_grad / grad_fn / backward(v) / .data.
import torch
import numpy as np

# %%
x = torch.empty(5, 3)
print(x.shape)
x = torch.rand(5, 3)
print(x.shape)
x = torch.zeros(5, 3, dtype=torch.long)
print(x)
x = torch.tensor([5.5, 3])
print(x)
x = x.new_ones(5, 3, dtype=torch.float64)  # 返回的tensor默认具有相同的torch.dtype和torch.device
print(x)
torch.manual_seed(0)
x = torch.randn_like(x, dtype=torch.float) # 指定新的数据类型
print(x)
print(x.size())
print(x.shape)

# %%
y = torch.rand(5, 3)
print(x + y)
print(torch.add(x, y))
result = torch.empty(5, 3)
torch.add(x, y, out=result)
print(result)
# adds x to y
y.add_(x)
print(y)

# %%
y = x[0, :]
y += 1
print(y)
print(x[0, :]) # 源tensor也被改了
y = x.view(15)
z = x.view(-1, 5)  # -1所指的维度可以根据其他维度的值推出来
print(x.size(), y.size(), z.size())
x += 1
print(x)
print(y) # 也加了1
x_cp = x.clone().view(15)
x -= 1
print(x)
print(x_cp)
x = torch.randn(1)
print(x)
print(x.item())

# %%
x = torch.arange(1, 3).view(1, 2)
print(x)
y = torch.arange(1, 4).view(3, 1)
print(y)
print(x + y)

# %%
x = torch.tensor([1, 2])
y = torch.tensor([3, 4])
id_before = id(y)
y = y + x
print(id(y) == id_before) # False
x = torch.tensor([1, 2])
y = torch.tensor([3, 4])
id_before = id(y)
y[:] = y + x
print(id(y) == id_before) # True
x = torch.tensor([1, 2])
y = torch.tensor([3, 4])
id_before = id(y)
torch.add(x, y, out=y) # y += x, y.add_(x)
print(id(y) == id_before) # True
print(y)

# %%
a = torch.ones(5)
b = a.numpy()
print(a, b)
a += 1
print(a, b)
b += 1
print(a, b)
a = np.ones(5)
b = torch.from_numpy(a)
print(a, b)
a += 1
print(a, b)
b += 1
print(a, b)
c = torch.tensor(a)
a += 1
print(a, c)

# %%
A = torch.arange(9.).view(3, 3)
print(torch.trace(A), torch.diag(A), torch.triu(A), torch.tril(A, -1))
print(torch.mm(A, A), A.t(), torch.dot(A[0], A[1]), torch.cross(A[0], A[1], dim=0))
print(torch.inverse(A + torch.eye(3) * 3))
U, S, V = torch.svd(A + torch.eye(3))
print(S)
print(torch.addmm(torch.ones(3, 3), A, A, beta=0.5, alpha=2), torch.addmv(torch.ones(3), A, torch.ones(3)))

# %%
x = torch.ones(2, 2, requires_grad=True)
print(x)
print(x.grad_fn)
y = x + 2
print(y)
print(y.grad_fn)
print(x.is_leaf, y.is_leaf) # True False
z = y * y * 3
out = z.mean()
print(z, out)
a = torch.randn(2, 2) # 缺失情况下默认 requires_grad = False
a = ((a * 3) / (a - 1))
print(a.requires_grad) # False
a.requires_grad_(True)
print(a.requires_grad) # True
b = (a * a).sum()
print(b.grad_fn)

# %%
out.backward() # 等价于 out.backward(torch.tensor(1.))
print(x.grad)
# 再来反向传播一次，注意grad是累加的
out2 = x.sum()
out2.backward()
print(x.grad)
out3 = x.sum()
x.grad.data.zero_()
out3.backward()
print(x.grad)

# %%
x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = 2 * x
z = y.view(2, 2)
print(z)
v = torch.tensor([[1.0, 0.1], [0.01, 0.001]], dtype=torch.float)
z.backward(v)
print(x.grad)
x = torch.tensor(1.0, requires_grad=True)
y1 = x ** 2
with torch.no_grad():
    y2 = x ** 3
y3 = y1 + y2
print(x.requires_grad)
print(y1, y1.requires_grad) # True
print(y2, y2.requires_grad) # False
print(y3, y3.requires_grad) # True
y3.backward()
print(x.grad)

# %%
x = torch.ones(1,requires_grad=True)
print(x.data) # 还是一个tensor
print(x.data.requires_grad) # 但是已经是独立于计算图之外
y = 2 * x
x.data *= 100 # 只改变了值，不会记录在计算图，所以不会影响梯度传播
y.backward()
print(x) # 更改data的值也会影响tensor的值
print(x.grad)
