# Imitates 陈云《深度学习框架PyTorch：入门与实践》(chenyuntc/pytorch-book) 第四章 神经网络工具箱nn: 用 nn.Module
# 实现全连接层和多层感知机 (nn.Parameter, named_parameters), 常用神经网络层 (卷积用随机"图片"代替 lena,
# 池化, BatchNorm, Dropout), Sequential (OrderedDict) 与 ModuleList, RNN/LSTM, 损失函数, 优化器 (param_groups,
# 分层学习率), nn.functional, 初始化策略, nn.Module 深入分析 (_parameters, _modules, training, __getattr__), 保存加载.
import torch as t
from torch import nn
from torch.nn import functional as F
from torch import optim
from collections import OrderedDict
import io

# %%
class Linear(nn.Module):  # 继承nn.Module
    def __init__(self, in_features, out_features):
        super().__init__()  # 等价于nn.Module.__init__(self)
        self.w = nn.Parameter(t.randn(in_features, out_features))
        self.b = nn.Parameter(t.randn(out_features))

    def forward(self, x):
        x = x.mm(self.w)  # x.@(self.w)
        return x + self.b.expand_as(x)

t.manual_seed(0)
layer = Linear(4, 3)
input = t.randn(2, 4)
output = layer(input)
print(output)
for name, parameter in layer.named_parameters():
    print(name, parameter)  # w and b

# %%
class Perceptron(nn.Module):
    def __init__(self, in_features, hidden_features, out_features):
        nn.Module.__init__(self)
        self.layer1 = Linear(in_features, hidden_features)  # 此处的Linear是前面自定义的全连接层
        self.layer2 = Linear(hidden_features, out_features)
    def forward(self, x):
        x = self.layer1(x)
        x = t.sigmoid(x)
        return self.layer2(x)

perceptron = Perceptron(3, 4, 1)
for name, param in perceptron.named_parameters():
    print(name, param.size())
print(perceptron)
print(perceptron(t.randn(2, 3)).shape)

# %%
t.manual_seed(1)
img = t.rand(1, 1, 8, 8)  # batch_size=1
# 锐化卷积核
kernel = t.ones(3, 3) / -9.
kernel[1][1] = 1
conv = nn.Conv2d(1, 1, (3, 3), 1, bias=False)
conv.weight.data = kernel.view(1, 1, 3, 3)
out = conv(img)
print(out.shape, out[0, 0, 0])
pool = nn.AvgPool2d(2, 2)
print(list(pool.parameters()))
out = pool(img)
print(out.shape)
print(conv, pool)
try:
    conv(t.rand(1, 3, 8, 8))
except Exception as e:
    print(type(e).__name__, e)

# %%
# 输入 batch_size=2，维度3
input = t.randn(2, 3)
linear = nn.Linear(3, 4)
h = linear(input)
print(h.shape)
# 4 channel，初始化标准差为4，均值为0
bn = nn.BatchNorm1d(4)
bn.weight.data = t.ones(4) * 4
bn.bias.data = t.zeros(4)
bn_out = bn(h)
# 注意输出的均值和方差
# 方差是标准差的平方，计算无偏方差分母会减1
# 使用unbiased=False 分母不减1
print(bn_out.mean(0), bn_out.var(0, unbiased=False))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
# 每个元素以0.5的概率舍弃
dropout = nn.Dropout(0.5)
o = dropout(bn_out)
print(o.shape, (o == 0).sum() >= 0)  # 有一半左右的数变为0
print(bn, dropout)

# %%
relu = nn.ReLU(inplace=True)
input = t.randn(2, 3)
print(input)
output = relu(input)
print(output)  # 小于0的都被截断为0
# 等价于input.clamp(min=0)
print(input is output, relu)

# %%
# Sequential的三种写法
net1 = nn.Sequential()
net1.add_module('conv', nn.Conv2d(3, 3, 3))
net1.add_module('batchnorm', nn.BatchNorm2d(3))
net1.add_module('activation_layer', nn.ReLU())

net2 = nn.Sequential(
        nn.Conv2d(3, 3, 3),
        nn.BatchNorm2d(3),
        nn.ReLU()
        )

net3 = nn.Sequential(OrderedDict([
          ('conv1', nn.Conv2d(3, 3, 3)),
          ('bn1', nn.BatchNorm2d(3)),
          ('relu1', nn.ReLU())
        ]))
print('net1:', net1)
print('net2:', net2)
print('net3:', net3)
# 可根据名字或序号取出子module
print(net1.conv, net2[0], net3.conv1)
input = t.rand(1, 3, 4, 4)
output = net1(input)
output = net2(input)
output = net3(input)
output = net3.relu1(net1.batchnorm(net1.conv(input)))
print(output.shape)
try:
    net3.conv9
except Exception as e:
    print(type(e).__name__, e)

# %%
modellist = nn.ModuleList([nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2)])
input = t.randn(1, 3)
for model in modellist:
    input = model(input)
# 下面会报错,因为modellist没有实现forward方法
try:
    output = modellist(input)
except Exception as e:
    print(type(e).__name__, e)

class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.list = [nn.Linear(3, 4), nn.ReLU()]
        self.module_list = nn.ModuleList([nn.Conv2d(3, 3, 3), nn.ReLU()])
    def forward(self):
        pass
model = MyModule()
print(model)
for name, param in model.named_parameters():
    print(name, param.size())

# %%
t.manual_seed(1000)
# 输入：batch_size=3，序列长度都为2，序列中每个元素占4维
input = t.randn(2, 3, 4)
# lstm输入向量4维，隐藏元3，1层
lstm = nn.LSTM(4, 3, 1)
# 初始状态：1层，batch_size=3，3个隐藏元
h0 = t.randn(1, 3, 3)
c0 = t.randn(1, 3, 3)
out, hn = lstm(input, (h0, c0))
print(out.shape, hn[0].shape, hn[1].shape)
print(lstm)
cell = nn.LSTMCell(4, 3)
hx = t.randn(3, 3)
cx = t.randn(3, 3)
out = []
for i_ in input:
    hx, cx = cell(i_, (hx, cx))
    out.append(hx)
print(t.stack(out).shape)
# 有4个单词，每个词用5维的向量表示
embedding = nn.Embedding(4, 5)
# 可以用预训练好的词向量初始化embedding
embedding.weight.data = t.arange(0, 20).view(4, 5)
try:
    with t.no_grad():
        input = t.arange(3, 0, -1).long()
        output = embedding(input)
        print(output)
except Exception as e:
    print(type(e).__name__, e)
embedding.weight.data = t.arange(0, 20).view(4, 5).float()
print(embedding(t.arange(3, 0, -1).long()))

# %%
# batch_size=3，计算对应每个类别的分数（只有两个类别）
score = t.randn(3, 2)
# 三个样本分别属于1，0，1类，label必须是LongTensor
label = t.Tensor([1, 0, 1]).long()
# loss与普通的layer无差异
criterion = nn.CrossEntropyLoss()
loss = criterion(score, label)
print(loss)
try:
    criterion(score, t.Tensor([1, 0, 1]))
except Exception as e:
    print(type(e).__name__, e)

# %%
# 首先定义一个LeNet网络
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.features = nn.Sequential(
                    nn.Conv2d(3, 6, 5),
                    nn.ReLU(),
                    nn.MaxPool2d(2, 2),
                    nn.Conv2d(6, 16, 5),
                    nn.ReLU(),
                    nn.MaxPool2d(2, 2)
        )
        self.classifier = nn.Sequential(
            nn.Linear(16 * 5 * 5, 120),
            nn.ReLU(),
            nn.Linear(120, 84),
            nn.ReLU(),
            nn.Linear(84, 10)
        )

    def forward(self, x):
        x = self.features(x)
        x = x.view(-1, 16 * 5 * 5)
        x = self.classifier(x)
        return x

net = Net()
optimizer = optim.SGD(params=net.parameters(), lr=1)
optimizer.zero_grad()  # 梯度清零，等价于net.zero_grad()
input = t.randn(1, 3, 32, 32)
output = net(input)
output.backward(output)  # fake backward
optimizer.step()  # 执行优化
# 为不同子网络设置不同的学习率，在finetune中经常用到
# 如果对某个参数不指定学习率，就使用最外层的默认学习率
optimizer = optim.SGD([
                {'params': net.features.parameters()},  # 学习率为1e-5
                {'params': net.classifier.parameters(), 'lr': 1e-2}
            ], lr=1e-5)
print(optimizer)
# 只为两个全连接层设置较大的学习率，其余层的学习率较小
special_layers = nn.ModuleList([net.classifier[0], net.classifier[3]])
special_layers_params = list(map(id, special_layers.parameters()))
base_params = filter(lambda p: id(p) not in special_layers_params,
                     net.parameters())
optimizer = t.optim.SGD([
            {'params': base_params},
            {'params': special_layers.parameters(), 'lr': 0.01}
        ], lr=0.001)
print(optimizer)
# 方法1: 调整学习率，新建一个optimizer
old_lr = 0.1
optimizer1 = optim.SGD([
                {'params': net.features.parameters()},
                {'params': net.classifier.parameters(), 'lr': old_lr*0.1}
            ], lr=1e-5)
print(optimizer1)
# 方法2: 调整学习率, 手动decay, 保存动量
for param_group in optimizer.param_groups:
    param_group['lr'] *= 0.1  # 学习率为之前的0.1倍
print(optimizer)
print([len(g['params']) for g in optimizer.param_groups], sorted(optimizer.param_groups[0].keys()))

# %%
input = t.randn(2, 3)
model = nn.Linear(3, 4)
output1 = model(input)
output2 = F.linear(input, model.weight, model.bias)
print(output1 == output2)
b = F.relu(input)
b2 = nn.ReLU()(input)
print(b == b2)
print(F.dropout(input, training=False), F.max_pool2d(t.arange(16.).view(1, 1, 4, 4), 2))

# %%
# 利用nn.init初始化
from torch.nn import init
linear = nn.Linear(3, 4)
t.manual_seed(1)
# 等价于 linear.weight.data.normal_(0, std)
print(init.xavier_normal_(linear.weight))
# 直接初始化
import math
t.manual_seed(1)
# xavier初始化的计算公式
std = math.sqrt(2)/math.sqrt(7.)
print(linear.weight.data.normal_(0, std))
# 对模型的所有参数进行初始化
net = Net()
for name, params in net.named_parameters():
    if name.find('linear') != -1:
        # init linear
        params[0]  # weight
        params[1]  # bias
    elif name.find('conv') != -1:
        pass
    elif name.find('norm') != -1:
        pass
print([name for name, _ in net.named_parameters()][:4])

# %%
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        # 等价与self.register_parameter('param1' ,nn.Parameter(t.randn(3, 3)))
        self.param1 = nn.Parameter(t.rand(3, 3))
        self.submodel1 = nn.Linear(3, 4)
    def forward(self, input):
        x = self.param1.mm(input)
        x = self.submodel1(x)
        return x
net = Net()
print(net)
print(net._modules)
print(type(net._parameters), list(net._parameters.keys()))
print(net.param1.shape)  # 等价于net._parameters['param1']
for name, param in net.named_parameters():
    print(name, param.size())
for name, submodel in net.named_modules():
    print(name, submodel)
bn = nn.BatchNorm1d(2)
input = t.rand(3, 2)
output = bn(input)
print(bn._buffers)
input = t.arange(0, 12).view(3, 4).float()
model = nn.Dropout()
# 在训练阶段，会有一半左右的数被随机置为0
print(model.training)
model.training = False
# 在测试阶段，dropout什么都不做
print(model(input))
print(net.training, net.submodel1.training)
net.eval()
print(net.training, net.submodel1.training)
print(list(net.named_modules()) != [])

# %%
# 下面两者等价
# model = nn.Linear(3, 4)
# 使用 getattr(model, 'training')
print(getattr(net, 'training'))
print(net.__getattr__('param1').shape)
try:
    net.__getattr__('training')
except Exception as e:
    print(type(e).__name__, e)
print(getattr(net, 'param1').shape)
# 即 net.__getattr__('param1')
try:
    net.param2
except Exception as e:
    print(type(e).__name__, e)
# 保存模型
buf = io.BytesIO()
t.save(net.state_dict(), buf)
print(list(net.state_dict().keys()))
buf.seek(0)
# 加载已保存的模型
net2 = Net()
print(net2.load_state_dict(t.load(buf)))
print(t.equal(net2.param1, net.param1))
buf = io.BytesIO()
t.save({'a': t.ones(2), 'b': [1, '中文']}, buf)
buf.seek(0)
print(t.load(buf))
