# Imitates 陈云《深度学习框架PyTorch：入门与实践》(chenyuntc/pytorch-book) 第三章 3.1.5 小试牛刀：线性回归 and
# 3.2.5 小试牛刀：用autograd实现线性回归 (手动计算梯度 vs autograd, 打印损失), 不画图, 只打印.
import torch as t
import numpy as np

# %%
# 设置随机数种子，保证在不同电脑上运行时下面的输出一致
t.manual_seed(1000)

def get_fake_data(batch_size=8):
    ''' 产生随机数据：y=x*2+3，加上了一些噪声'''
    x = t.rand(batch_size, 1) * 5
    y = x * 2 + 3 + t.randn(batch_size, 1)
    return x, y

x, y = get_fake_data(batch_size=16)
print(x.squeeze().numpy().round(3).tolist()[:4], y.shape)

# %%
# 随机初始化参数
w = t.rand(1, 1)
b = t.zeros(1, 1)
lr = 0.02  # 学习率
for ii in range(500):
    x, y = get_fake_data(batch_size=4)
    # forward：计算loss
    y_pred = x.mm(w) + b.expand_as(y)  # x@W等价于x.mm(w);for python3 only
    loss = 0.5 * (y_pred - y) ** 2  # 均方误差
    loss = loss.mean()
    # backward：手动计算梯度
    dloss = 1
    dy_pred = dloss * (y_pred - y)
    dw = x.t().mm(dy_pred)
    db = dy_pred.sum()
    # 更新参数
    w.sub_(lr * dw)
    b.sub_(lr * db)
    if ii % 100 == 0:
        print('第%d次迭代, loss: %.4f' % (ii, loss.item()))
print('w: ', w.item(), 'b: ', b.item())

# %%
t.manual_seed(1000)
# 随机初始化参数
w = t.rand(1, 1, requires_grad=True)
b = t.zeros(1, 1, requires_grad=True)
losses = np.zeros(500)
lr = 0.005  # 学习率
for ii in range(500):
    x, y = get_fake_data(batch_size=32)
    # forward：计算loss
    y_pred = x.mm(w) + b.expand_as(y)
    loss = 0.5 * (y_pred - y) ** 2
    loss = loss.sum()
    losses[ii] = loss.item()
    # backward：手动计算梯度
    loss.backward()
    # 更新参数
    w.data.sub_(lr * w.grad.data)
    b.data.sub_(lr * b.grad.data)
    # 梯度清零
    w.grad.data.zero_()
    b.grad.data.zero_()
    if ii % 100 == 0:
        print(f'loss = {loss.item():.3f}')
print(w.item(), b.item())
print(losses.shape, losses.dtype, round(float(losses[-10:].mean()), 0) > 0)
print(b.grad, w.grad.data.is_leaf, b.expand_as(y).grad_fn)
try:
    losses[0] = loss
except Exception as e:
    print(type(e).__name__, e)
print(f'{loss:.2f}' != '', '{}'.format(type(loss.item())))
