# Imitates 陈云《深度学习框架PyTorch：入门与实践》(chenyuntc/pytorch-book) 第三章 3.1.2-3.1.4: 逐元素操作与 t.clamp,
# 归并操作 (sum/mean with dim, keepdim), 比较 (max, topk, sort), 线性代数 (mm, dot, inverse, svd 的旧接口),
# Tensor 和 Numpy 的共享内存, 内部结构 (storage, data_ptr, storage_offset), 持久化 (t.save/t.load) 和向量化.
import torch as t
import numpy as np

# %%
a = t.arange(0, 6).view(2, 3).float()
print(t.cos(a))
print(a % 3)  # 等价于t.fmod(a, 3)
print(a ** 2)  # 等价于t.pow(a, 2)
# 取a中的每一个元素与3相比较大的一个 (小于3的截断成3)
print(a)
print(t.clamp(a, min=3))
b = a.sin_()  # 效果同 a = a.sin();b=a ,但是更高效节省显存
print(a)
print(t.clamp(a, 0.2, 0.8))
try:
    t.clamp(a)
except Exception as e:
    print(type(e).__name__, e)

# %%
b = t.ones(2, 3)
print(b.sum(dim=0, keepdim=True))
# keepdim=False，不保留维度"1"，注意形状
print(b.sum(dim=0, keepdim=False))
print(b.sum(dim=1))
a = t.arange(0, 6).view(2, 3)
print(a)
print(a.cumsum(dim=1))  # 沿着行累加
print(a.float().mean(0), a.float().std(1), a.float().norm(dim=1))
try:
    a.mean()
except Exception as e:
    print(type(e).__name__, e)
print(a.prod(1), a.median(), a.mode(1))

# %%
a = t.linspace(0, 15, 6).view(2, 3)
print(a)
b = t.linspace(15, 0, 6).view(2, 3)
print(a > b)
print(a[a > b])  # a中大于b的元素
print(t.max(a))
print(t.max(b, dim=1))
# 第一个返回值的15和6分别表示第0行和第1行最大的元素
# 第二个返回值的0和0表示上述最大的数是该行第0个元素
print(t.max(a, b))
# 比较a和10较大的元素
print(t.clamp(a, min=10))
print(a.topk(2, dim=1))
print(t.sort(b, dim=0, descending=True))
values, indices = b.sort(1)
print(values, indices)
print(t.equal(a, b), t.allclose(a, a + 1e-9), a.eq(b).any())

# %%
a = t.arange(0, 6.).view(2, 3)
b = a.t()
print(b.is_contiguous())
print(b.contiguous().is_contiguous())
print(t.mm(a, b))
print(t.dot(a[0], a[1]))
print(a @ b, a.matmul(b).shape)
x = t.Tensor([[2, 1], [1, 3]])
print(t.inverse(x))
print(x.inverse() @ x)
print(x.det(), t.trace(x), x.diag(), t.triu(a), t.tril(a, -1))
print(t.outer(a[0], a[1]))
try:
    t.mm(a, a)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.dot(a, a)
except Exception as e:
    print(type(e).__name__, e)

# %%
m = t.tensor([[4., 0.], [3., -5.]])
u, s, v = t.svd(m)
print(s)
print(t.dist(u @ t.diag(s) @ v.t(), m) < 1e-5)
U, S, Vh = t.linalg.svd(m)
print(S, U.shape, Vh.shape)
print(t.linalg.norm(m), t.linalg.matrix_rank(m))
sol = t.linalg.solve(x, t.tensor([1., 2.]))
print(sol)
q, r = t.linalg.qr(m)
print(t.allclose(q @ r, m, atol=1e-6))

# %%
a = np.ones([2, 3], dtype=np.float32)
print(a)
b = t.from_numpy(a)
print(b)
b = t.Tensor(a)  # 也可以直接将numpy对象传入Tensor
print(b)
a[0, 1] = 100
print(b)
c = b.numpy()  # a, b, c三个对象共享内存
print(c)
a = np.ones([2, 3])
# 注意和上面的a的区别（dtype不是float32）
print(a.dtype)
b = t.Tensor(a)  # 此处进行拷贝，不共享内存
print(b.dtype)
c = t.from_numpy(a)  # 注意c的类型（DoubleTensor）
print(c)
a[0, 1] = 100
print(b)  # b与a不共享内存，所以即使a改变了，b也不变
print(c)  # c与a共享内存
tensor = t.tensor(a)
tensor[0, 0] = 0
print(a)
print(t.as_tensor(a) is not None, t.as_tensor(a).dtype)

# %%
a = t.arange(0, 6)
print(a.storage())
b = a.view(2, 3)
print(b.storage())
# 一个对象的id值可以看作它在内存中的地址
# storage的内存地址一样，即是同一个storage
# (id() of two temporaries is equal only when the allocator reuses the first one's memory: the lesson compares
# the storages' data pointers, which say the same thing every time)
print(b.storage().data_ptr() == a.storage().data_ptr())
print(b.data_ptr() == a.data_ptr())
# a改变，b也随之改变，因为他们共享storage
a[1] = 100
print(b)
c = a[2:]
print(c.storage())
print(c.data_ptr() - a.data_ptr())  # data_ptr返回tensor首元素的内存地址
# 可以看出相差8，这是因为2*4=8--相差两个元素，每个元素占4个字节(float)
c[0] = -100  # c[0]的内存地址对应a[2]的内存地址
print(a)
d = t.LongTensor(c.storage())
d[0] = 6666
print(b)
# 下面４个tensor共享storage
print(a.storage().data_ptr() == b.storage().data_ptr() == c.storage().data_ptr() == d.storage().data_ptr())
print(a.storage_offset(), c.storage_offset(), d.storage_offset())
e = b[::2, ::2]  # 隔2行/列取一个元素
print(e.storage().data_ptr() == a.storage().data_ptr())
print(b.stride(), e.stride())
print(e.is_contiguous())
