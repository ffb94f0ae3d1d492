# Imitates 陈云《深度学习框架PyTorch：入门与实践》(chenyuntc/pytorch-book) 第三章 3.1.2 Tensor 类型 (默认 tensor
# 类型, t.set_default_tensor_type 的弃用警告, type/float/half 转换, new 与 *_like), 3.1.3 广播法则 (expand 与
# unsqueeze, 不占用额外空间), 以及 PyTorch 中文教程中 Variable 时代的写法 (from torch.autograd import Variable).
import torch as t
import warnings

# %%
# 设置默认tensor，注意参数是字符串
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    t.set_default_tensor_type('torch.DoubleTensor')
    print([str(x.message)[:80] for x in w])
a = t.Tensor(2, 3)
print(a.dtype)  # 现在a是DoubleTensor,dtype是float64
# 恢复之前的默认设置
t.set_default_tensor_type('torch.FloatTensor')
print(t.Tensor(2, 3).dtype, t.get_default_dtype())
# 把a转成FloatTensor，等价于b=a.type(t.FloatTensor)
b = a.float()
print(b.dtype)
c = a.type_as(b)
print(c.dtype, a.type(), b.type(), a.type('torch.IntTensor').dtype)
a = t.ones(2, 3)
print(a.new(2, 3).shape, a.new(2, 3).dtype)  # 等价于torch.DoubleTensor(3,4)
print(t.zeros_like(a))  # 等价于t.zeros(a.shape,dtype=a.dtype,device=a.device)
print(t.zeros_like(a, dtype=t.int16))  # 可以修改某些属性
print(t.rand_like(a).shape)
print(a.new_ones(4, 5, dtype=t.int))
print(a.new_tensor([3, 4]))
print(a.half().dtype, a.int().dtype, a.long().type())
try:
    t.set_default_tensor_type('torch.LongTensor')
except Exception as e:
    print(type(e).__name__, e)

# %%
a = t.ones(3, 2)
b = t.zeros(2, 3, 1)
# 自动广播法则
# 第一步：a是2维,b是3维，所以先在较小的a前面补1 ，
#               即：a.unsqueeze(0)，a的形状变成（1，3，2），b的形状是（2，3，1）,
# 第二步:   a和b在第一维和第三维形状不一样，其中一个为1 ，
#               可以利用广播法则扩展，两个形状都变成了（2，3，2）
print(a + b)
# 手动广播法则
# 或者 a.view(1,3,2).expand(2,3,2)+b.expand(2,3,2)
print(a[None].expand(2, 3, 2) + b.expand(2, 3, 2))
# expand不会占用额外空间，只会在需要的时候才扩充，可极大节省内存
e = a.unsqueeze(0).expand(10000000000000, 3, 2)
print(e.shape, e.stride())
try:
    a + t.zeros(2, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    a.expand(3, 3)
except Exception as e:
    print(type(e).__name__, e)
print(a.repeat(2, 1).shape, t.cat([a, a], 0).shape, t.stack([a, a]).shape)

# %%
from torch.autograd import Variable
x = Variable(t.ones(2, 2), requires_grad=True)
print(x)
y = x + 2
print(y)
print(y.grad_fn)
z = y * y * 3
out = z.mean()
print(z, out)
out.backward()
print(x.grad)
print(x.data, type(x), isinstance(x, Variable), isinstance(t.ones(1), Variable))
t.manual_seed(0)
x = t.randn(3, requires_grad=True)
y = x * 2
i = 0
while y.data.norm() < 1000:
    y = y * 2
    i += 1
gradients = t.FloatTensor([0.1, 1.0, 0.0001])
y.backward(gradients)
print(x.grad / 2 ** (i + 1))
print(x.requires_grad)
print((x ** 2).requires_grad)
with t.no_grad():
    print((x ** 2).requires_grad)
