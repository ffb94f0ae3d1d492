# Imitates 陈云《深度学习框架PyTorch：入门与实践》(chenyuntc/pytorch-book) 第三章 Tensor 和 autograd, 3.1 Tensor:
# 基础操作 (t.Tensor(2,3) 旧式构造, size/shape/numel, tolist), add 与 add_, 索引 (index_select, masked_select,
# gather, scatter_), 高级索引, 逐元素操作 (t.clamp), 归并操作 (dim/keepdim), 比较 (topk, sort, max), 线性代数.
import torch as t
import numpy as np

# %%
# 指定tensor的形状
a = t.Tensor(2, 3)
print(a.shape, a.dtype)
# 用list的数据创建tensor
b = t.Tensor([[1, 2, 3], [4, 5, 6]])
print(b)
print(b.tolist())  # 把tensor转为list
b_size = b.size()
print(b_size)
print(b.numel())  # b中元素总个数，2*3，等价于b.nelement()
print(b.nelement())
# 创建一个和b形状一样的tensor
c = t.Tensor(b_size)
# 创建一个元素为2和3的tensor
d = t.Tensor((2, 3))
print(c.shape, d)
print(c.shape, c.dim())

# %%
print(t.ones(2, 3))
print(t.zeros(2, 3))
print(t.arange(1, 6, 2))
print(t.linspace(1, 10, 3))
t.manual_seed(1000)
print(t.randn(2, 3))
print(t.randperm(5))  # 长度为5的随机排列
print(t.eye(2, 3))  # 对角线为1, 不要求行列数一致
scalar = t.tensor(3.14159)
print('scalar: %s, shape of sclar: %s' % (scalar, scalar.shape))
vector = t.tensor([1, 2])
print('vector: %s, shape of vector: %s' % (vector, vector.shape))
tensor = t.Tensor(1, 2)  # 注意和t.tensor([1, 2])的区别
print(tensor.shape)
matrix = t.tensor([[0.1, 1.2], [2.2, 3.1], [4.9, 5.2]])
print(matrix, matrix.shape)
print(t.tensor([[0.11111, 0.222222, 0.3333333]], dtype=t.float64, device=t.device('cpu')))
empty_tensor = t.tensor([])
print(empty_tensor.shape)

# %%
a = t.arange(0, 6)
print(a.view(2, 3))
b = a.view(-1, 3)  # 当某一维为-1的时候，会自动计算它的大小
print(b.shape)
print(b.unsqueeze(1))  # 注意形状，在第1维（下标从0开始）上增加“１”
print(b[:, None].shape)
print(b.unsqueeze(-2))  # -2表示倒数第二个维度
c = b.view(1, 1, 1, 2, 3)
print(c.squeeze(0))  # 压缩第0维的“１”
print(c.squeeze())  # 把所有维度为“1”的压缩
a[1] = 100
print(b)  # a修改，b作为view之后的，也会被修改
b.resize_(1, 3)
print(b)
b.resize_(3, 3)  # 旧的数据依旧保存着，多出的大小会分配新空间
print(b[:2])

# %%
t.manual_seed(0)
a = t.randn(3, 4)
print(a)
print(a[0])  # 第0行(下标从0开始)
print(a[:, 0])  # 第0列
print(a[0][2])  # 第0行第2个元素，等价于a[0, 2]
print(a[0, -1])  # 第0行最后一个元素
print(a[:2])  # 前两行
print(a[:2, 0:2])  # 前两行，第0,1列
print(a[0:1, :2])  # 第0行，前两列
print(a[0, :2])  # 注意两者的区别：形状不同
print(a[None].shape)
print(a[:, None, :, None, None].shape)
print(a > 1)  # 返回一个ByteTensor
print(a[a > 1])  # 等价于a.masked_select(a>1)
print(a.masked_select(a > 1))
print(a[t.LongTensor([0, 1])])  # 第0行和第1行

# %%
a = t.arange(0, 16).view(4, 4)
print(a)
# 选取对角线的元素
index = t.LongTensor([[0, 1, 2, 3]])
print(a.gather(0, index))
# 选取反对角线上的元素
index = t.LongTensor([[3, 2, 1, 0]]).t()
print(a.gather(1, index))
# 选取两个对角线上的元素
index = t.LongTensor([[0, 1, 2, 3], [3, 2, 1, 0]]).t()
b = a.gather(1, index)
print(b)
# 把两个对角线元素放回去到指定位置
c = t.zeros(4, 4)
try:
    c.scatter_(1, index, b)
except Exception as e:
    print(type(e).__name__, e)
c = t.zeros(4, 4).long()
c.scatter_(1, index, b)
print(c)
print(a.index_select(0, t.tensor([0, 2])))
print(a[0, 0], a[0, 0].item())
d = a[0:1, 0:1:2]
print(d, d.item())
try:
    a[0].item()
except Exception as e:
    print(type(e).__name__, e)

# %%
x = t.arange(0, 27).view(3, 3, 3)
print(x)
print(x[[1, 2], [1, 2], [2, 0]])  # x[1,1,2]和x[2,2,0]
print(x[[2, 1, 0], [0], [1]])  # x[2,0,1],x[1,0,1],x[0,0,1]
print(x[[0, 2], ...])  # x[0] 和 x[2]
