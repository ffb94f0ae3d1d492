# Imitates Monte Carlo dropout notebooks after Gal & Ghahramani ("Dropout as a Bayesian Approximation") and the
# Kaggle / Medium "MC dropout in PyTorch" posts: model.eval() then only the Dropout layers switched back to train()
# by walking model.modules() with isinstance / startswith("Dropout"), T stochastic passes stacked, predictive
# entropy, expected entropy and the mutual information (BALD), torch.special.entr / xlogy.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.Dropout2d(0.25), nn.Flatten(),
                      nn.Linear(4 * 6 * 6, 16), nn.ReLU(), nn.Dropout(p=0.5), nn.Linear(16, 3))
print(model)
x = torch.randn(5, 1, 6, 6)

# %%
def enable_dropout(m):
    for mod in m.modules():
        if isinstance(mod, nn.Dropout) or mod.__class__.__name__.startswith("Dropout"):
            mod.train()
model.eval()
enable_dropout(model)
print([(type(mm).__name__, mm.training) for mm in model.modules()])
print(isinstance(model[2], nn.Dropout), isinstance(model[2], nn.modules.dropout._DropoutNd), model.training)
print(model[6], model[2].extra_repr(), model[6].p, model[6].inplace)

# %%
T = 20
with torch.no_grad():
    probs = torch.stack([F.softmax(model(x), dim=1) for _ in range(T)])
print(probs.shape)
mean_p = probs.mean(0)
pred_entropy = -(mean_p * torch.log(mean_p + 1e-12)).sum(1)
exp_entropy = -(probs * torch.log(probs + 1e-12)).sum(2).mean(0)
mi = pred_entropy - exp_entropy
print(pred_entropy, exp_entropy, mi)
print(torch.special.entr(mean_p).sum(-1), -torch.xlogy(mean_p, mean_p).sum(-1))
print(torch.special.entr(torch.tensor([0., 1., -1., float("nan"), 0.5])), torch.xlogy(0., torch.tensor([0., float("nan")])))
print(mean_p.argmax(1), probs.var(0).sum(1), probs.std(0, unbiased=False).max())
vr = 1 - (probs.argmax(-1) == mean_p.argmax(-1)).float().mean(0)
print(vr)

# %%
# mode of the T votes, agreement
votes = probs.argmax(-1)
print(torch.mode(votes, dim=0), votes.mode(0).values.dtype)
print(torch.bincount(votes[:, 0], minlength=3), F.one_hot(votes, 3).sum(0))

# %%
# the same with F.dropout(training=True) in a functional forward
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(36, 8), nn.Linear(8, 3)
    def forward(self, x, mc=False):
        h = F.relu(self.fc1(x.flatten(1)))
        h = F.dropout(h, p=0.3, training=self.training or mc)
        return self.fc2(h)
net = Net().eval()
with torch.no_grad():
    a, b = net(x), net(x)
    c, d = net(x, mc=True), net(x, mc=True)
print(torch.equal(a, b), torch.equal(c, d), (c == 0).sum())
out = F.dropout(torch.ones(2, 8), 0.5, True)
print(out, F.dropout2d(torch.ones(1, 3, 2, 2), 0.5, training=True))
for f in [lambda: F.dropout(torch.ones(3), p=1.5),
          lambda: nn.Dropout(p=-0.1),
          lambda: F.dropout(torch.ones(3), 1.0, True),
          lambda: F.alpha_dropout(torch.ones(4), 0.5, True),
          lambda: F.dropout2d(torch.ones(3), 0.5, True),
          lambda: F.dropout1d(torch.ones(2, 3, 4, 5), 0.5, True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
