# 『PyTorch実践入門』(Deep Learning with PyTorch の日本語訳) 第5章〜第8章のノートブックの写し: 温度計の校正
# (t_c = w * t_u + b を手で微分 → autograd → optim、訓練データと検証データへの分割と no_grad)、nn.Linear と
# nn.Sequential (OrderedDict で名前を付ける)、CIFAR-10 の鳥と飛行機の分類を畳み込みで (Net, NetWidth, NetDropout,
# NetBatchNorm, NetRes)、L2 正則化を手書きで。画像は 3x8x8 の乱数で代用、コメントとプリントは日本語。
from collections import OrderedDict
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(123)

# %%
t_c = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
t_u = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]
t_c = torch.tensor(t_c)
t_u = torch.tensor(t_u)

def model(t_u, w, b):
    return w * t_u + b

def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()

w = torch.ones(())
b = torch.zeros(())
t_p = model(t_u, w, b)
print(t_p)
loss = loss_fn(t_p, t_c)
print(loss)
delta = 0.1
loss_rate_of_change_w = (loss_fn(model(t_u, w + delta, b), t_c) - loss_fn(model(t_u, w - delta, b), t_c)) / (2.0 * delta)
print("w の数値微分：", loss_rate_of_change_w)

def dloss_fn(t_p, t_c):
    dsq_diffs = 2 * (t_p - t_c) / t_p.size(0)
    return dsq_diffs

def grad_fn(t_u, t_c, t_p, w, b):
    dloss_dtp = dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * t_u
    dloss_db = dloss_dtp * 1.0
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])

print("手計算の勾配：", grad_fn(t_u, t_c, t_p, w, b))

# %%
def training_loop(n_epochs, learning_rate, params, t_u, t_c, print_params=True):
    for epoch in range(1, n_epochs + 1):
        w, b = params
        t_p = model(t_u, w, b)
        loss = loss_fn(t_p, t_c)
        grad = grad_fn(t_u, t_c, t_p, w, b)
        params = params - learning_rate * grad
        if epoch in {1, 2, 3, 10, 11, 99, 100, 4000, 5000}:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
            if print_params:
                print('    Params:', params)
                print('    Grad:  ', grad)
        if not torch.isfinite(loss).all():
            break
    return params

training_loop(n_epochs=100, learning_rate=1e-2, params=torch.tensor([1.0, 0.0]), t_u=t_u, t_c=t_c)
t_un = 0.1 * t_u
params = training_loop(n_epochs=100, learning_rate=1e-2, params=torch.tensor([1.0, 0.0]), t_u=t_un, t_c=t_c, print_params=False)
params

# %%
# 5.5 autograd
params = torch.tensor([1.0, 0.0], requires_grad=True)
print(params.grad is None)
loss = loss_fn(model(t_u, *params), t_c)
loss.backward()
print(params.grad)
if params.grad is not None:
    params.grad.zero_()

def training_loop(n_epochs, learning_rate, params, t_u, t_c):
    for epoch in range(1, n_epochs + 1):
        if params.grad is not None:
            params.grad.zero_()
        t_p = model(t_u, *params)
        loss = loss_fn(t_p, t_c)
        loss.backward()
        with torch.no_grad():
            params -= learning_rate * params.grad
        if epoch % 500 == 0:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
    return params

training_loop(n_epochs=1500, learning_rate=1e-2, params=torch.tensor([1.0, 0.0], requires_grad=True), t_u=t_un, t_c=t_c)

# %%
print([name for name in dir(optim) if name[0].isupper() and not name.startswith('_')][:8])
params = torch.tensor([1.0, 0.0], requires_grad=True)
optimizer = optim.Adam([params], lr=1e-1)
print(optimizer)
# 訓練データと検証データへの分割
n_samples = t_u.shape[0]
n_val = int(0.2 * n_samples)
shuffled_indices = torch.randperm(n_samples)
train_indices = shuffled_indices[:-n_val]
val_indices = shuffled_indices[-n_val:]
print("訓練：", train_indices, "検証：", val_indices)
train_t_un = 0.1 * t_u[train_indices]
val_t_un = 0.1 * t_u[val_indices]

def training_loop(n_epochs, optimizer, params, train_t_u, val_t_u, train_t_c, val_t_c):
    for epoch in range(1, n_epochs + 1):
        train_loss = loss_fn(model(train_t_u, *params), train_t_c)
        with torch.no_grad():
            val_loss = loss_fn(model(val_t_u, *params), val_t_c)
            assert val_loss.requires_grad == False
        optimizer.zero_grad()
        train_loss.backward()
        optimizer.step()
        if epoch <= 3 or epoch % 500 == 0:
            print(f"Epoch {epoch}, Training loss {train_loss.item():.4f}, Validation loss {val_loss.item():.4f}")
    return params

params = torch.tensor([1.0, 0.0], requires_grad=True)
optimizer = optim.SGD([params], lr=1e-2)
training_loop(n_epochs=1000, optimizer=optimizer, params=params, train_t_u=train_t_un, val_t_u=val_t_un,
              train_t_c=t_c[train_indices], val_t_c=t_c[val_indices])

# %%
# 第6章 nn.Linear と nn.Sequential
t_c2 = t_c.unsqueeze(1)
t_un2 = t_un.unsqueeze(1)
linear_model = nn.Linear(1, 1)
print(linear_model(t_un2[:3]))
print(linear_model.weight, linear_model.bias)
x = torch.ones(1)
print(linear_model(x))
x = torch.ones(10, 1)
print(linear_model(x).shape)
seq_model = nn.Sequential(OrderedDict([
    ('hidden_linear', nn.Linear(1, 8)),
    ('hidden_activation', nn.Tanh()),
    ('output_linear', nn.Linear(8, 1))
]))
print(seq_model)
print([param.shape for param in seq_model.parameters()])
for name, param in seq_model.named_parameters():
    print(name, param.shape)
print(seq_model.output_linear.bias)
optimizer = optim.SGD(seq_model.parameters(), lr=1e-3)
for epoch in range(1, 201):
    loss = nn.MSELoss()(seq_model(t_un2), t_c2)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print(f"Epoch {epoch}, Training loss {loss.item():.4f}")
print('hidden', seq_model.hidden_linear.weight.grad.shape)
try:
    seq_model(t_un)
except RuntimeError as e:
    print("RuntimeError：", e)
try:
    seq_model[5]
except IndexError as e:
    print("IndexError：", e)
try:
    seq_model.hidden
except AttributeError as e:
    print("AttributeError：", e)

# %%
# 第8章 畳み込み（鳥と飛行機、3x8x8 の画像で代用）
imgs = torch.randn(12, 3, 8, 8)
labels = torch.randint(0, 2, (12,))
conv = nn.Conv2d(3, 16, kernel_size=3)
print(conv, conv.weight.shape, conv.bias.shape)
img = imgs[0]
output = conv(img.unsqueeze(0))
print(img.unsqueeze(0).shape, output.shape)
conv = nn.Conv2d(3, 1, kernel_size=3, padding=1)
with torch.no_grad():
    conv.bias.zero_()
    conv.weight.fill_(1.0 / 9.0)
print(conv(img.unsqueeze(0)).shape)
pool = nn.MaxPool2d(2)
print(pool(img.unsqueeze(0)).shape)

class Net(nn.Module):
    def __init__(self, n_chans1=8):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv1_dropout = nn.Dropout2d(p=0.4)
        self.conv1_batchnorm = nn.BatchNorm2d(num_features=n_chans1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(2 * 2 * n_chans1 // 2, 16)
        self.fc2 = nn.Linear(16, 2)

    def forward(self, x):
        out = self.conv1_batchnorm(self.conv1(x))
        out = F.max_pool2d(torch.tanh(out), 2)
        out = self.conv1_dropout(out)
        out = F.max_pool2d(torch.tanh(self.conv2(out)), 2)
        out = out.view(-1, 2 * 2 * self.n_chans1 // 2)
        out = torch.tanh(self.fc1(out))
        return self.fc2(out)

model = Net()
numel_list = [p.numel() for p in model.parameters()]
print(sum(numel_list), numel_list)
optimizer = optim.SGD(model.parameters(), lr=1e-2)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(1, 4):
    outputs = model(imgs)
    loss = loss_fn(outputs, labels)
    # L2 正則化を手で
    l2_lambda = 0.001
    l2_norm = sum(p.pow(2.0).sum() for p in model.parameters())
    loss = loss + l2_lambda * l2_norm
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"エポック {epoch}、損失 {loss.item():.4f}、L2 {l2_norm.item():.4f}")
model.eval()
with torch.no_grad():
    _, predicted = torch.max(model(imgs), dim=1)
    print(f"正解率：{(predicted == labels).sum().item() / labels.shape[0]:.3f}")
print(model.conv1_batchnorm.running_mean.shape, model.conv1_batchnorm.num_batches_tracked)
try:
    model(imgs[:2, :, :6, :6])
except RuntimeError as e:
    print("RuntimeError：", e)

# %%
class ResBlock(nn.Module):
    def __init__(self, n_chans):
        super(ResBlock, self).__init__()
        self.conv = nn.Conv2d(n_chans, n_chans, kernel_size=3, padding=1, bias=False)
        self.batch_norm = nn.BatchNorm2d(num_features=n_chans)
        torch.nn.init.kaiming_normal_(self.conv.weight, nonlinearity='relu')
        torch.nn.init.constant_(self.batch_norm.weight, 0.5)
        torch.nn.init.zeros_(self.batch_norm.bias)

    def forward(self, x):
        out = self.conv(x)
        out = self.batch_norm(out)
        out = torch.relu(out)
        return out + x

class NetResDeep(nn.Module):
    def __init__(self, n_chans1=8, n_blocks=3):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.resblocks = nn.Sequential(*(n_blocks * [ResBlock(n_chans=n_chans1)]))
        self.fc1 = nn.Linear(2 * 2 * n_chans1, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = self.resblocks(out)
        out = F.max_pool2d(out, 2)
        out = out.view(-1, 2 * 2 * self.n_chans1)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)

net = NetResDeep()
print(net.resblocks)
print(sum(p.numel() for p in net.parameters()), len(list(net.parameters())))
out = net(imgs)
loss_fn(out, labels).backward()
print(out.shape, net.resblocks[0].conv.weight.grad.shape, net.resblocks[0] is net.resblocks[2])
