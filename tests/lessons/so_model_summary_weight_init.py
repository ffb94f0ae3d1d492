# Imitates the most-viewed Stack Overflow / PyTorch-forums threads "How do I print the summary of a model in PyTorch?",
# "How to count the number of parameters", and "How to initialize weights in PyTorch?" (the asker's snippet, then the
# accepted answers: print(model), named_children/named_modules, numel with requires_grad filters, model.apply(init_fn)
# with nn.init.xavier_uniform_ / kaiming_normal_ / zeros_ / constant_ / orthogonal_ / trunc_normal_).
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 3, padding=1)
        self.bn = nn.BatchNorm2d(2)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Sequential(nn.Flatten(), nn.Linear(8, 4), nn.ReLU(inplace=True), nn.Dropout(p=0.25), nn.Linear(4, 3))

    def forward(self, x):
        return self.fc(self.pool(F.relu(self.bn(self.conv1(x)))))


torch.manual_seed(0)
model = Net()
print(model)
print(model.fc)
print(model.fc[1])

# %%
for name, child in model.named_children():
    print(name, type(child).__name__)
for name, m in model.named_modules():
    print(repr(name), m.__class__.__name__)
print([n for n, _ in model.named_modules(prefix="net")])
print(len(list(model.modules())), len(list(model.children())))

# %%
total = sum(p.numel() for p in model.parameters())
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(total, trainable)
for name, p in model.named_parameters():
    print(f"{name:15s} {str(tuple(p.shape)):12s} {p.numel():4d} {p.requires_grad}")
print([n for n, b in model.named_buffers()])
print(sum(b.numel() for b in model.buffers()))
model.conv1.requires_grad_(False)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
print({n: p.requires_grad for n, p in model.conv1.named_parameters()})

# %%
def init_weights(m):
    if isinstance(m, nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight)
        m.bias.data.fill_(0.01)
    elif isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.constant_(m.weight, 1)
        nn.init.constant_(m.bias, 0)


torch.manual_seed(1)
out = model.apply(init_weights)
print(out is model)
print(model.fc[1].weight)
print(model.fc[1].bias, model.conv1.bias)
print(model.conv1.weight.std().item() > 0, model.conv1.weight.requires_grad)

# %%
torch.manual_seed(2)
w = torch.empty(3, 5)
print(nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("relu")))
print(nn.init.xavier_normal_(torch.empty(2, 3)))
print(nn.init.kaiming_uniform_(torch.empty(2, 3), a=0.1, mode="fan_in", nonlinearity="leaky_relu"))
print(nn.init.kaiming_normal_(torch.empty(2, 3), nonlinearity="linear"))
print(nn.init.orthogonal_(torch.empty(3, 2)))
q = nn.init.orthogonal_(torch.empty(2, 4), gain=2.0)
print(torch.allclose(q @ q.T, 4 * torch.eye(2), atol=1e-5), q.shape)
print(nn.init.trunc_normal_(torch.empty(2, 4), mean=0.0, std=0.02, a=-0.04, b=0.04))
print(nn.init.normal_(torch.empty(3), mean=1.0, std=0.1), nn.init.uniform_(torch.empty(3), -1, 1))
print(nn.init.ones_(torch.empty(2)), nn.init.eye_(torch.empty(2, 3)), nn.init.dirac_(torch.empty(2, 1, 3)))
print(nn.init.sparse_(torch.empty(4, 2), sparsity=0.5))

# %%
for g in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]:
    print(g, nn.init.calculate_gain(g))
print(nn.init.calculate_gain("leaky_relu"), nn.init.calculate_gain("leaky_relu", 0.2))
for make in [lambda: nn.init.calculate_gain("gelu"),
             lambda: nn.init.calculate_gain("leaky_relu", "x"),
             lambda: nn.init.xavier_uniform_(torch.empty(3)),
             lambda: nn.init.kaiming_normal_(torch.empty(3)),
             lambda: nn.init.kaiming_normal_(torch.empty(2, 3), mode="fan_avg"),
             lambda: nn.init.orthogonal_(torch.empty(3)),
             lambda: nn.init.eye_(torch.empty(2, 2, 2)),
             lambda: nn.init.dirac_(torch.empty(2, 2)),
             lambda: nn.init.sparse_(torch.empty(2, 2, 2), 0.1),
             lambda: nn.init.kaiming_uniform_(torch.empty(0, 3)),
             lambda: nn.init.constant_(torch.empty(2, requires_grad=True), 3.0),
             lambda: nn.init.xavier_uniform(torch.empty(2, 2))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(3)
lin = nn.Linear(3, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1., 2., 3.], [4., 5., 6.]]))
    lin.weight[0, 0] = -1.0
print(lin.weight, lin.weight.grad_fn, lin.weight.is_leaf)
lin.weight = nn.Parameter(torch.ones(2, 3))
print(lin.weight)
try:
    lin.weight = torch.ones(2, 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    lin.weight.fill_(0.0)
except Exception as e:
    print(type(e).__name__, e)
