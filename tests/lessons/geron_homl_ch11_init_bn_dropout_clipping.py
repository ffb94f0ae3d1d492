# Imitates Aurélien Géron's "Hands-On Machine Learning with Scikit-Learn and PyTorch" (2025, github.com/ageron/
# handson-mlp), chapter 11 "Training Deep Neural Networks": He / Glorot initialisation with nn.init and
# calculate_gain applied through model.apply, the activation zoo (LeakyReLU, ELU, SELU, GELU, SiLU, Mish, a custom
# activation), batch norm's running statistics in train and eval modes, dropout and MC dropout, gradient clipping by
# norm and by value, max-norm regularisation, L1/L2 penalties and freezing layers for transfer learning (small
# random data instead of Fashion MNIST).
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
torch.manual_seed(42)
layer = nn.Linear(40, 10)
nn.init.kaiming_uniform_(layer.weight)
nn.init.zeros_(layer.bias)
print(layer.weight.std().round(decimals=3), layer.bias[:3])
print(nn.init.calculate_gain("relu"), nn.init.calculate_gain("tanh"), nn.init.calculate_gain("leaky_relu", 0.2))
print(nn.init.calculate_gain("selu"), nn.init.calculate_gain("sigmoid"), nn.init.calculate_gain("linear"))
try:
    nn.init.calculate_gain("gelu")
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.calculate_gain("leaky_relu", "0.2")
except Exception as e:
    print(type(e).__name__, e)

def use_he_init(module):
    if isinstance(module, nn.Linear):
        nn.init.kaiming_uniform_(module.weight)
        nn.init.zeros_(module.bias)

model = nn.Sequential(nn.Linear(50, 40), nn.ReLU(), nn.Linear(40, 1), nn.ReLU())
print(model.apply(use_he_init))
w = nn.init.xavier_uniform_(torch.empty(3, 5), gain=nn.init.calculate_gain("tanh"))
print(w)
print(nn.init.kaiming_normal_(torch.empty(4, 3), mode="fan_out", nonlinearity="leaky_relu", a=0.2))
print(nn.init.xavier_normal_(torch.empty(2, 3, 3)).shape)
print(nn.init.trunc_normal_(torch.empty(2, 4), std=0.02))
print(nn.init.orthogonal_(torch.empty(3, 3)) @ nn.init.orthogonal_(torch.empty(3, 3)).T)
try:
    nn.init.kaiming_normal_(torch.empty(4, 3), mode="fan_avg")
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.xavier_uniform_(torch.empty(5))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.init.kaiming_uniform_(torch.empty(4, 3), nonlinearity="swish")
except Exception as e:
    print(type(e).__name__, e)

# %%
z = torch.linspace(-3, 3, 7)
for act in [nn.LeakyReLU(negative_slope=0.2), nn.ELU(), nn.SELU(), nn.GELU(), nn.GELU(approximate="tanh"),
            nn.SiLU(), nn.Mish(), nn.ReLU6(), nn.Hardtanh(), nn.Softplus(beta=2)]:
    print(act, act(z))
print(F.leaky_relu(z, 0.1), F.elu(z, alpha=0.5))
zz = z.clone().requires_grad_()
F.selu(zz).sum().backward()
print(zz.grad)
try:
    nn.GELU(approximate="fast")(z)
except Exception as e:
    print(type(e).__name__, e)

class Swish(nn.Module):
    def __init__(self, beta=1.0):
        super().__init__()
        self.beta = nn.Parameter(torch.tensor(beta))
    def forward(self, X):
        return X * torch.sigmoid(self.beta * X)
swish = Swish()
print(swish, list(swish.parameters()))
out = swish(z)
out.sum().backward()
print(out, swish.beta.grad)

# %%
torch.manual_seed(42)
model = nn.Sequential(
    nn.Flatten(),
    nn.BatchNorm1d(16),
    nn.Linear(16, 8), nn.ReLU(),
    nn.BatchNorm1d(8),
    nn.Linear(8, 3)
)
print(model)
print([(name, p.shape) for name, p in model[1].named_parameters()])
print([(name, b) for name, b in model[1].named_buffers()])
X = torch.randn(10, 4, 4) * 3 + 1
y = torch.randint(0, 3, (10,))
model.train()
loss = F.cross_entropy(model(X), y)
loss.backward()
print(model[1].running_mean.round(decimals=3), model[1].num_batches_tracked)
print(model[1].running_var.round(decimals=3))
print(model[1].weight.grad.round(decimals=4))
model.eval()
with torch.no_grad():
    print(model(X[:2]))
print(model[1].num_batches_tracked)
model.train()
try:
    model(X[:1])
except Exception as e:
    print(type(e).__name__, e)
model.eval()
print(model(X[:1]).shape)
bn = nn.BatchNorm1d(3, momentum=None)
for i in range(3):
    bn(torch.randn(5, 3) + i)
print(bn.running_mean, bn.num_batches_tracked, bn)
bn2 = nn.BatchNorm1d(3, affine=False, track_running_stats=False)
print(bn2, bn2.running_mean, bn2.eval()(torch.ones(2, 3)))
try:
    nn.BatchNorm1d(3)(torch.randn(4, 5))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.BatchNorm2d(3)(torch.randn(4, 3))
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
model = nn.Sequential(
    nn.Flatten(),
    nn.Dropout(p=0.2), nn.Linear(16, 10), nn.ReLU(),
    nn.Dropout(p=0.2), nn.Linear(10, 3)
)
print(model)
X = torch.randn(6, 4, 4)
drop = nn.Dropout(p=0.5)
print(drop(torch.ones(2, 5)))
drop.eval()
print(drop(torch.ones(2, 5)), drop.training)
model.eval()
for module in model.modules():
    if isinstance(module, nn.Dropout):
        module.train()
print([m.training for m in model])
X_new = X[:3]
with torch.no_grad():
    y_probas = torch.stack([torch.softmax(model(X_new), dim=-1) for sample in range(20)])
y_proba = y_probas.mean(dim=0)
print(y_probas.shape, y_proba.round(decimals=3))
print(y_probas.std(dim=0).round(decimals=3))
print(F.dropout(torch.ones(4), p=0.5, training=False))
try:
    nn.Dropout(p=1.5)
except Exception as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
X = torch.randn(16, 4) * 10
y = torch.randn(16, 1) * 50
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
loss = F.mse_loss(model(X), y)
loss.backward()
print(sum(p.grad.norm() ** 2 for p in model.parameters()).sqrt())
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(total)
print(sum(p.grad.norm() ** 2 for p in model.parameters()).sqrt())
print(nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0, norm_type="inf"))
nn.utils.clip_grad_value_(model.parameters(), clip_value=0.05)
print(model[2].weight.grad)
optimizer.step()
print(nn.utils.clip_grad_norm_([], max_norm=1.0))
print(nn.utils.get_total_norm([p.grad for p in model.parameters()]))

def apply_max_norm(model, max_norm=2, epsilon=1e-8, dim=1):
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "bias" not in name:
                actual_norm = param.norm(p=2, dim=dim, keepdim=True)
                target_norm = torch.clamp(actual_norm, 0, max_norm)
                param *= target_norm / (epsilon + actual_norm)
with torch.no_grad():
    model[0].weight *= 10
apply_max_norm(model, max_norm=1.0)
print(model[0].weight.norm(dim=1))
print(torch.renorm(torch.ones(2, 3) * 2, p=2, dim=0, maxnorm=1.0))

# %%
torch.manual_seed(42)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
pred = model(torch.randn(5, 4))
base_loss = F.mse_loss(pred, torch.zeros(5, 1))
l2_reg = sum(param.pow(2.0).sum() for name, param in model.named_parameters() if "bias" not in name)
l1_reg = sum(param.abs().sum() for name, param in model.named_parameters() if "bias" not in name)
loss = base_loss + 1e-4 * l2_reg + 1e-4 * l1_reg
print(l2_reg, l1_reg)
print(loss)
loss.backward()
print(model[2].bias.grad)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, weight_decay=1e-4)
print(optimizer.param_groups[0]["weight_decay"])

for param in model[0].parameters():
    param.requires_grad = False
print([p.requires_grad for p in model.parameters()])
model[2] = nn.Linear(8, 3)
print(model)
trainable = [p for p in model.parameters() if p.requires_grad]
print(sum(p.numel() for p in trainable))
optimizer = torch.optim.Adam(trainable, lr=1e-3)
out = model(torch.randn(2, 4))
out.sum().backward()
print(model[0].weight.grad, model[2].bias.grad)
model.requires_grad_(True)
print([p.requires_grad for p in model.parameters()])
