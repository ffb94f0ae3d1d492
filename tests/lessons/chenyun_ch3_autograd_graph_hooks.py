# Imitates 陈云《深度学习框架PyTorch：入门与实践》(chenyuntc/pytorch-book) 第三章 3.2 autograd: requires_grad,
# 计算图 (grad_fn.next_functions, is_leaf), 反向传播后缓存被清空 (retain_graph), 非叶子节点的梯度
# (autograd.grad 与 hook), 扩展 autograd (Function), 以及用 Variable 实现线性回归的简化版.
import torch as t

# %%
t.manual_seed(0)
# 在创建tensor的时候指定requires_grad
a = t.randn(3, 4, requires_grad=True)
# 或者
a = t.randn(3, 4).requires_grad_()
# 或者
a = t.randn(3, 4)
a.requires_grad = True
b = t.zeros(3, 4).requires_grad_()
# 也可写成c = a + b
c = a.add(b)
d = c.sum()
d.backward()  # 反向传播
print(d)  # d还是一个requires_grad=True的tensor,对它的操作需要慎重
print(d.requires_grad)
print(a.grad)
# 此处虽然没有指定c需要求导，但c依赖于a，而a需要求导，
# 因此c的requires_grad属性会自动设为True
print(a.requires_grad, b.requires_grad, c.requires_grad)
# 由用户创建的variable属于叶子节点，对应的grad_fn是None
print(a.is_leaf, b.is_leaf, c.is_leaf)
# c.grad是None, 因c不是叶子节点，它的梯度是用来计算a的梯度
# 所以虽然c.requires_grad = True,但其梯度计算完之后即被释放
print(c.grad is None)

# %%
def f(x):
    '''计算y'''
    y = x**2 * t.exp(x)
    return y

def gradf(x):
    '''手动求导函数'''
    dx = 2*x*t.exp(x) + x**2*t.exp(x)
    return dx

t.manual_seed(1)
x = t.randn(3, 4, requires_grad=True)
y = f(x)
print(y)
y.backward(t.ones(y.size()))  # gradient形状与y一致
print(x.grad)
# autograd的计算结果与利用公式手动计算的结果一致
print(gradf(x))
try:
    f(t.randn(3, requires_grad=True)).backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
x = t.ones(1)
b = t.rand(1, requires_grad=True)
w = t.rand(1, requires_grad=True)
y = w * x  # 等价于y=w.mul(x)
z = y + b  # 等价于z=y.add(b)
print(x.requires_grad, b.requires_grad, w.requires_grad)
# 虽然未指定y.requires_grad为True，但由于y依赖于需要求导的w
# 故而y.requires_grad为True
print(y.requires_grad)
print(x.is_leaf, w.is_leaf, b.is_leaf)
print(y.is_leaf, z.is_leaf)
# grad_fn可以查看这个variable的反向传播函数，
# z是add函数的输出，所以它的反向传播函数是AddBackward
print(z.grad_fn)
# next_functions保存grad_fn的输入，是一个tuple，tuple的元素也是Function
# 第一个是y，它是乘法(mul)的输出，所以对应的反向传播函数y.grad_fn是MulBackward
# 第二个是b，它是叶子节点，由用户创建，grad_fn为None，但是有
print(z.grad_fn.next_functions)
# variable的grad_fn对应着和图中的function
print(z.grad_fn.next_functions[0][0] == y.grad_fn)
# 第一个是w，叶子节点，需要求导，梯度是累加的
# 第二个是x，叶子节点，不需要求导，所以为None
print(y.grad_fn.next_functions)
# 叶子节点的grad_fn是None
print(w.grad_fn, x.grad_fn)
print(type(z.grad_fn).__name__, z.grad_fn.name())

# %%
# 使用retain_graph来保存buffer
z.backward(retain_graph=True)
print(w.grad)
# 多次反向传播，梯度累加，这也就是w中AccumulateGrad标识的含义
z.backward()
print(w.grad)
try:
    z.backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
def abs(x):
    if x.data[0] > 0: return x
    else: return -x
x = t.ones(1, requires_grad=True)
y = abs(x)
y.backward()
print(x.grad)
x = -1 * t.ones(1)
x = x.requires_grad_()
y = abs(x)
y.backward()
print(x.grad)

def f(x):
    result = 1
    for ii in x:
        if ii.item() > 0: result = ii * result
    return result
x = t.arange(-2, 4, dtype=t.float32).requires_grad_()
y = f(x)  # y = x[3]*x[4]*x[5]
y.backward()
print(x.grad)

# %%
x = t.ones(1, requires_grad=True)
w = t.rand(1, requires_grad=True)
y = x * w
# y依赖于w，而w.requires_grad = True
print(x.requires_grad, w.requires_grad, y.requires_grad)
with t.no_grad():
    x = t.ones(1)
    w = t.rand(1, requires_grad=True)
    y = x * w
# y依赖于w和x，虽然w.requires_grad = True，但是y的requires_grad依旧为False
print(x.requires_grad, w.requires_grad, y.requires_grad)
t.set_grad_enabled(False)
x = t.ones(1)
w = t.rand(1, requires_grad=True)
y = x * w
print(x.requires_grad, w.requires_grad, y.requires_grad)
# 恢复默认配置
t.set_grad_enabled(True)
a = t.ones(3, 4, requires_grad=True)
b = t.ones(3, 4, requires_grad=True)
c = a * b
print(a.data)  # 还是一个tensor
print(a.data.requires_grad)  # 但是已经是独立于计算图之外
d = a.data.sigmoid_()  # sigmoid_ 是个inplace操作，会修改a自身的值
print(d.requires_grad)
print(a)
# 近似于 tensor=a.data, 但是如果tensor被修改，backward可能会报错
tensor = a.detach()
print(tensor.requires_grad)
# 统计tensor的一些指标，不希望被记录
mean = tensor.mean()
std = tensor.std()
maximum = tensor.max()
print(mean, std, maximum)
tensor[0] = 1
# 下面会报错：　RuntimeError: one of the variables needed for gradient
#             computation has been modified by an inplace operation
#　因为 c=a*b, b的梯度取决于a，现在修改了tensor，其实也就是修改了a，梯度不再准确
try:
    c.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
x = t.ones(3, requires_grad=True)
w = t.rand(3, requires_grad=True)
y = x * w
# y依赖于w，而w.requires_grad = True
z = y.sum()
print(x.requires_grad, w.requires_grad, y.requires_grad)
# 非叶子节点grad计算完之后自动清空，y.grad是None
z.backward()
print(x.grad, w.grad, y.grad)
# 第一种方法：使用grad获取中间变量的梯度
x = t.ones(3, requires_grad=True)
w = t.rand(3, requires_grad=True)
y = x * w
z = y.sum()
# z对y的梯度，隐式调用backward()
print(t.autograd.grad(z, y))
# 第二种方法：使用hook
# hook是一个函数，输入是梯度，不应该有返回值
def variable_hook(grad):
    print('y的梯度：', grad)
x = t.ones(3, requires_grad=True)
w = t.rand(3, requires_grad=True)
y = x * w
# 注册hook
hook_handle = y.register_hook(variable_hook)
z = y.sum()
z.backward()
# 除非你每次都要用hook，否则用完之后记得移除hook
hook_handle.remove()
print(hook_handle)
try:
    x.grad.register_hook(variable_hook)
except Exception as e:
    print(type(e).__name__, e)

# %%
x = t.arange(0, 3, dtype=t.float32, requires_grad=True)
y = x**2 + x*2
z = y.sum()
z.backward()  # 从z开始反向传播
print(x.grad)
x = t.arange(0, 3, dtype=t.float32, requires_grad=True)
y = x**2 + x*2
z = y.sum()
y_gradient = t.Tensor([1, 1, 1])  # dz/dy
y.backward(y_gradient)  # 从y开始反向传播
print(x.grad)
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
from torch.autograd import Function

class MultiplyAdd(Function):

    @staticmethod
    def forward(ctx, w, x, b):
        ctx.save_for_backward(w, x)
        output = w * x + b
        return output

    @staticmethod
    def backward(ctx, grad_output):
        w, x = ctx.saved_tensors
        grad_w = grad_output * x
        grad_x = grad_output * w
        grad_b = grad_output * 1
        return grad_w, grad_x, grad_b

x = t.ones(1)
w = t.rand(1, requires_grad=True)
b = t.rand(1, requires_grad=True)
# 开始前向传播
z = MultiplyAdd.apply(w, x, b)
# 开始反向传播
z.backward()
# x不需要求导，中间过程还是会计算它的导数，但随后被清空
print(x.grad, w.grad, b.grad)
print(z.grad_fn, z.grad_fn.next_functions)
z = MultiplyAdd.apply(w, x, b)
print(z.grad_fn.apply(t.ones(1)))  # dz/dw, dz/dx, dz/db
try:
    MultiplyAdd()(w, x, b)
except Exception as e:
    print(type(e).__name__, e)

# %%
class Sigmoid(Function):

    @staticmethod
    def forward(ctx, x):
        output = 1 / (1 + t.exp(-x))
        ctx.save_for_backward(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        output, = ctx.saved_tensors
        grad_x = output * (1 - output) * grad_output
        return grad_x

# 采用数值逼近方式检验计算梯度的公式对不对
test_input = t.randn(3, 4, requires_grad=True).double()
print(t.autograd.gradcheck(Sigmoid.apply, (test_input,), eps=1e-3))
try:
    t.autograd.gradcheck(Sigmoid.apply, (t.randn(3, requires_grad=True),), eps=1e-3)
except Exception as e:
    print(type(e).__name__, str(e)[:120])
