# Imitates the fine-tuning part of PyTorch's transfer-learning tutorial and the recipes on nn.Module utilities
# (without torchvision): a small "pretrained" backbone, freezing it, replacing the head, counting trainable
# parameters, model.apply(init), ModuleList/ParameterList, buffers in the state_dict, and casting a model.
import torch
import torch.nn as nn
import torch.optim as optim

# %%
class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.features(x)
        return self.fc(torch.flatten(x, 1))

torch.manual_seed(0)
model_conv = Backbone()
print(model_conv)

# %%
def count(model, trainable=True):
    return sum(p.numel() for p in model.parameters() if p.requires_grad or not trainable)

print(count(model_conv), count(model_conv, trainable=False))
for param in model_conv.parameters():
    param.requires_grad = False

# Parameters of newly constructed modules have requires_grad=True by default
num_ftrs = model_conv.fc.in_features
model_conv.fc = nn.Linear(num_ftrs, 2)
print(num_ftrs, count(model_conv), count(model_conv, trainable=False))
print([name for name, p in model_conv.named_parameters() if p.requires_grad])

# %%
criterion = nn.CrossEntropyLoss()
# Observe that only parameters of final layer are being optimized as
# opposed to before.
optimizer_conv = optim.SGD(model_conv.fc.parameters(), lr=0.001, momentum=0.9)
exp_lr_scheduler = optim.lr_scheduler.StepLR(optimizer_conv, step_size=2, gamma=0.1)

inputs = torch.randn(6, 3, 16, 16)
labels = torch.tensor([0, 1, 1, 0, 1, 0])
before = model_conv.features[0].weight.clone()
for epoch in range(4):
    model_conv.train()
    optimizer_conv.zero_grad()
    outputs = model_conv(inputs)
    _, preds = torch.max(outputs, 1)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer_conv.step()
    exp_lr_scheduler.step()
    print(f'epoch {epoch} loss {loss.item():.4f} acc {(preds == labels).float().mean():.4f} lr {exp_lr_scheduler.get_last_lr()}')
print(torch.equal(before, model_conv.features[0].weight), model_conv.features[0].weight.grad)
print(model_conv.features[1].running_mean[:4])

# %%
model_conv.eval()
with torch.no_grad():
    print(model_conv(inputs[:2]))
print(model_conv.features[1].num_batches_tracked)

# %%
def init_weights(m):
    if isinstance(m, nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight)
        m.bias.data.fill_(0.01)
        print('init', m)

net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 2))
net.apply(init_weights)
print(net[0].weight, net[2].bias)

# %%
class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.linears = nn.ModuleList([nn.Linear(4, 4) for i in range(3)])
        self.params = nn.ParameterList([nn.Parameter(torch.randn(4, 4)) for i in range(2)])
        self.register_buffer('steps', torch.zeros(1))

    def forward(self, x):
        # ModuleList can act as an iterable, or be indexed using ints
        for i, l in enumerate(self.linears):
            x = self.linears[i // 2](x) + l(x)
        for p in self.params:
            x = x @ p
        self.steps += 1
        return x

m = MyModule()
print(m)
y = m(torch.ones(2, 4))
print(y.shape, m.steps, list(m.state_dict().keys()))
print(len(list(m.parameters())), len(list(m.buffers())), [n for n, _ in m.named_buffers()])

# %%
print([type(c).__name__ for c in m.children()])
print([type(c).__name__ for c in m.modules()][:4])
m64 = m.to(torch.float64)
print(m64.linears[0].weight.dtype, m64.steps.dtype, m64(torch.ones(1, 4, dtype=torch.float64)).dtype)
m.float()
try:
    m(torch.ones(1, 4, dtype=torch.float64))
except RuntimeError as e:
    print(e)

# %%
for p in net.parameters():
    p.requires_grad_(False)
out = net(torch.ones(1, 2))
print(out.requires_grad, out.grad_fn)
try:
    out.sum().backward()
except RuntimeError as e:
    print(e)
