# Imitates Stevens, Antiga & Viehmann, "Deep Learning with PyTorch", chapter 8 (p1ch8 notebooks) on random 3x8x8
# images: nn.Conv2d(3, 16, kernel_size=3) and padding=1 shapes, weights set under torch.no_grad() (bias.zero_(),
# weight.fill_(1.0/9.0)), the edge-detection kernel, MaxPool2d, the Sequential model and its view error, the Net
# subclass with F.tanh / F.max_pool2d and view(-1, 8 * 2 * 2), NetWidth, NetDropout, NetBatchNorm, NetDepth, NetRes,
# hand-written L2 regularisation with sum(p.pow(2.0).sum() ...), weight_decay, and NetResDeep with ResBlock
# (kaiming_normal_, batch norm constant_ init) stacked as nn.Sequential(*(n_blocks * [ResBlock(...)])).
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(123)
img = torch.rand(3, 8, 8)
conv = nn.Conv2d(3, 16, kernel_size=3)
print(conv, conv.weight.shape, conv.bias.shape)
output = conv(img.unsqueeze(0))
print(img.unsqueeze(0).shape, output.shape)
conv = nn.Conv2d(3, 1, kernel_size=3, padding=1)
output = conv(img.unsqueeze(0))
print(img.unsqueeze(0).shape, output.shape)
with torch.no_grad():
    conv.bias.zero_()
with torch.no_grad():
    conv.weight.fill_(1.0 / 9.0)
output = conv(img.unsqueeze(0))
print(output[0, 0, :2, :4], output.grad_fn)
print(conv(img).shape)

# %%
conv = nn.Conv2d(3, 1, kernel_size=3, padding=1)
with torch.no_grad():
    conv.weight[:] = torch.tensor([[-1.0, 0.0, 1.0],
                                   [-1.0, 0.0, 1.0],
                                   [-1.0, 0.0, 1.0]])
    conv.bias.zero_()
output = conv(img.unsqueeze(0))
print(output[0, 0, :2, :4], conv.weight[0, 1])
try:
    with torch.no_grad():
        conv.weight[:] = torch.ones(2, 3)
except Exception as e:
    print(type(e).__name__, e)
pool = nn.MaxPool2d(2)
output = pool(img.unsqueeze(0))
print(img.unsqueeze(0).shape, output.shape, pool)

# %%
model = nn.Sequential(
            nn.Conv2d(3, 16, kernel_size=3, padding=1),
            nn.Tanh(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 8, kernel_size=3, padding=1),
            nn.Tanh(),
            nn.MaxPool2d(2),
            nn.Linear(8 * 2 * 2, 32),
            nn.Tanh(),
            nn.Linear(32, 2))
numel_list = [p.numel() for p in model.parameters()]
print(sum(numel_list), numel_list)
try:
    model(img.unsqueeze(0))
except Exception as e:
    print(type(e).__name__, e)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, kernel_size=3, padding=1)
        self.act1 = nn.Tanh()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(16, 8, kernel_size=3, padding=1)
        self.act2 = nn.Tanh()
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(8 * 2 * 2, 32)
        self.act3 = nn.Tanh()
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = self.pool1(self.act1(self.conv1(x)))
        out = self.pool2(self.act2(self.conv2(out)))
        out = out.view(-1, 8 * 2 * 2)
        out = self.act3(self.fc1(out))
        out = self.fc2(out)
        return out

model = Net()
numel_list = [p.numel() for p in model.parameters()]
print(sum(numel_list), numel_list)
print(model)

# %%
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(16, 8, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(8 * 2 * 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.tanh(self.conv1(x)), 2)
        out = F.max_pool2d(F.tanh(self.conv2(out)), 2)
        out = out.view(-1, 8 * 2 * 2)
        out = torch.tanh(self.fc1(out))
        out = self.fc2(out)
        return out

model = Net()
print(model(img.unsqueeze(0)))
print(model(torch.rand(2, 3, 9, 9)).shape)
try:
    model(torch.rand(2, 3, 6, 6))
except Exception as e:
    print(type(e).__name__, e)
torch.manual_seed(0)
imgs = torch.rand(16, 3, 8, 8)
labels = torch.randint(0, 2, (16,))
train_loader = torch.utils.data.DataLoader(list(zip(imgs, labels)), batch_size=4, shuffle=True)

def training_loop(n_epochs, optimizer, model, loss_fn, train_loader):
    for epoch in range(1, n_epochs + 1):
        loss_train = 0.0
        for imgs, labels in train_loader:
            outputs = model(imgs)
            loss = loss_fn(outputs, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_train += loss.item()
        if epoch == 1 or epoch % 5 == 0:
            print('Epoch {}, Training loss {}'.format(epoch, round(loss_train / len(train_loader), 4)))

optimizer = optim.SGD(model.parameters(), lr=1e-2)
training_loop(n_epochs=10, optimizer=optimizer, model=model, loss_fn=nn.CrossEntropyLoss(), train_loader=train_loader)

def validate(model, loader):
    correct = 0
    total = 0
    with torch.no_grad():
        for imgs, labels in loader:
            outputs = model(imgs)
            _, predicted = torch.max(outputs, dim=1)
            total += labels.shape[0]
            correct += int((predicted == labels).sum())
    print("Accuracy train: {:.2f}".format(correct / total))
validate(model, train_loader)

# %%
def training_loop_l2reg(n_epochs, optimizer, model, loss_fn, train_loader):
    for epoch in range(1, n_epochs + 1):
        loss_train = 0.0
        for imgs, labels in train_loader:
            outputs = model(imgs)
            loss = loss_fn(outputs, labels)
            l2_lambda = 0.001
            l2_norm = sum(p.pow(2.0).sum() for p in model.parameters())
            loss = loss + l2_lambda * l2_norm
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_train += loss.item()
        print('Epoch {}, Training loss {:.4f}, l2 {:.4f}'.format(epoch, loss_train / len(train_loader), l2_norm.item()))

torch.manual_seed(1)
model = Net()
optimizer = optim.SGD(model.parameters(), lr=1e-2)
training_loop_l2reg(3, optimizer, model, nn.CrossEntropyLoss(), train_loader)
print(l2_norm if False else sum(p.pow(2.0).sum() for p in model.parameters()).grad_fn)
optimizer = optim.SGD(model.parameters(), lr=1e-2, weight_decay=0.002)
print(optimizer)
training_loop(n_epochs=5, optimizer=optimizer, model=model, loss_fn=nn.CrossEntropyLoss(), train_loader=train_loader)

# %%
class NetWidth(nn.Module):
    def __init__(self, n_chans1=32):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(2 * 2 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.tanh(self.conv1(x)), 2)
        out = F.max_pool2d(torch.tanh(self.conv2(out)), 2)
        out = out.view(-1, 2 * 2 * self.n_chans1 // 2)
        out = torch.tanh(self.fc1(out))
        return self.fc2(out)

class NetDropout(nn.Module):
    def __init__(self, n_chans1=32):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv1_dropout = nn.Dropout2d(p=0.4)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.conv2_dropout = nn.Dropout2d(p=0.4)
        self.fc1 = nn.Linear(2 * 2 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.tanh(self.conv1(x)), 2)
        out = self.conv1_dropout(out)
        out = F.max_pool2d(torch.tanh(self.conv2(out)), 2)
        out = self.conv2_dropout(out)
        out = out.view(-1, 2 * 2 * self.n_chans1 // 2)
        out = torch.tanh(self.fc1(out))
        return self.fc2(out)

class NetBatchNorm(nn.Module):
    def __init__(self, n_chans1=32):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv1_batchnorm = nn.BatchNorm2d(num_features=n_chans1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.conv2_batchnorm = nn.BatchNorm2d(num_features=n_chans1 // 2)
        self.fc1 = nn.Linear(2 * 2 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = self.conv1_batchnorm(self.conv1(x))
        out = F.max_pool2d(torch.tanh(out), 2)
        out = self.conv2_batchnorm(self.conv2(out))
        out = F.max_pool2d(torch.tanh(out), 2)
        out = out.view(-1, 2 * 2 * self.n_chans1 // 2)
        out = torch.tanh(self.fc1(out))
        return self.fc2(out)

torch.manual_seed(2)
for cls in (NetWidth, NetDropout, NetBatchNorm):
    m = cls(n_chans1=8)
    print(cls.__name__, sum(p.numel() for p in m.parameters()), m(imgs[:2]).shape)
m = NetDropout(8)
m.eval()
print(m.training, m.conv1_dropout.training, torch.equal(m(imgs[:2]), m(imgs[:2])), m.conv1_dropout)
m = NetBatchNorm(8)
print(m.conv1_batchnorm, m.conv1_batchnorm.running_mean[:3], m.conv1_batchnorm.num_batches_tracked)
m(imgs[:4])
print(m.conv1_batchnorm.running_mean[:3], m.conv1_batchnorm.num_batches_tracked)
m.eval()
print(m(imgs[:1]).shape)
m.train()
try:
    m.conv1_batchnorm(torch.rand(1, 8, 1, 1))
except Exception as e:
    print(type(e).__name__, e)

# %%
class NetDepth(nn.Module):
    def __init__(self, n_chans1=8):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(n_chans1 // 2, n_chans1 // 2, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(1 * 1 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = F.max_pool2d(torch.relu(self.conv2(out)), 2)
        out = F.max_pool2d(torch.relu(self.conv3(out)), 2)
        out = out.view(-1, 1 * 1 * self.n_chans1 // 2)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)

class NetRes(nn.Module):
    def __init__(self, n_chans1=8):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(n_chans1, n_chans1 // 2, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(n_chans1 // 2, n_chans1 // 2, kernel_size=3, padding=1)
        self.fc1 = nn.Linear(1 * 1 * n_chans1 // 2, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = F.max_pool2d(torch.relu(self.conv2(out)), 2)
        out1 = out
        out = F.max_pool2d(torch.relu(self.conv3(out)) + out1, 2)
        out = out.view(-1, 1 * 1 * self.n_chans1 // 2)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)

torch.manual_seed(3)
for cls in (NetDepth, NetRes):
    m = cls()
    out = m(imgs[:3])
    out.sum().backward()
    print(cls.__name__, out.shape, m.conv1.weight.grad.abs().sum() > 0, out.grad_fn, m.conv3.bias.grad)

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
    def __init__(self, n_chans1=8, n_blocks=4):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.resblocks = nn.Sequential(*(n_blocks * [ResBlock(n_chans=n_chans1)]))
        self.fc1 = nn.Linear(2 * 2 * n_chans1, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = self.resblocks(out)
        out = F.max_pool2d(out, 2)
        out = out.view(-1, 2 * 2 * self.n_chans1)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)

torch.manual_seed(4)
model = NetResDeep(n_chans1=8, n_blocks=3)
print(model.resblocks)
print(len(list(model.parameters())), sum(p.numel() for p in model.parameters()))
print(model.resblocks[0] is model.resblocks[2], [n for n, _ in model.named_parameters()])
print(model.resblocks[1].batch_norm.weight[:3], model.resblocks[0].conv.bias)
out = model(imgs[:4])
loss = F.cross_entropy(out, labels[:4])
loss.backward()
print(out.shape, loss.grad_fn, model.resblocks[0].batch_norm.weight.grad.shape)
print(model.resblocks[0].batch_norm.num_batches_tracked)
optimizer = optim.SGD(model.parameters(), lr=3e-3)
training_loop(n_epochs=5, optimizer=optimizer, model=model, loss_fn=nn.CrossEntropyLoss(), train_loader=train_loader)
