# Imitates "Bayesian neural networks from scratch" blog posts: Bayes-by-backprop linear layers with rho -> sigma
# through softplus / log1p(exp), the reparameterisation trick, a closed-form Gaussian KL, the ELBO with
# minibatch weighting, and Monte Carlo dropout at test time (F.dropout(training=True), predictive mean / std,
# entropy of the mean prediction).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

class BayesLinear(nn.Module):
    def __init__(self, in_features, out_features, prior_sigma=1.0):
        super().__init__()
        self.w_mu = nn.Parameter(torch.empty(out_features, in_features).uniform_(-0.2, 0.2))
        self.w_rho = nn.Parameter(torch.empty(out_features, in_features).uniform_(-5, -4))
        self.b_mu = nn.Parameter(torch.empty(out_features).uniform_(-0.2, 0.2))
        self.b_rho = nn.Parameter(torch.empty(out_features).uniform_(-5, -4))
        self.prior_sigma = prior_sigma
    def sigma(self, rho):
        return torch.log1p(torch.exp(rho))
    def forward(self, x):
        w_sigma, b_sigma = self.sigma(self.w_rho), self.sigma(self.b_rho)
        w = self.w_mu + w_sigma * torch.randn_like(w_sigma)
        b = self.b_mu + b_sigma * torch.randn_like(b_sigma)
        return F.linear(x, w, b)
    def kl(self):
        kl = 0
        for mu, rho in ((self.w_mu, self.w_rho), (self.b_mu, self.b_rho)):
            s = self.sigma(rho)
            kl = kl + (torch.log(self.prior_sigma / s) + (s ** 2 + mu ** 2) / (2 * self.prior_sigma ** 2) - 0.5).sum()
        return kl

# %%
torch.manual_seed(0)
layer = BayesLinear(3, 2)
print(layer.sigma(layer.w_rho).mean(), F.softplus(layer.w_rho).mean(), layer.kl())
x = torch.randn(4, 3)
print(layer(x), layer(x))

# %%
class BNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = BayesLinear(1, 16)
        self.l2 = BayesLinear(16, 1)
    def forward(self, x):
        return self.l2(torch.relu(self.l1(x)))
    def kl(self):
        return self.l1.kl() + self.l2.kl()
torch.manual_seed(1)
X = torch.linspace(-2, 2, 32).unsqueeze(1)
Y = X ** 3 + 0.3 * torch.randn_like(X)
bnn = BNN()
opt = torch.optim.Adam(bnn.parameters(), lr=0.03)
num_batches = 4
for epoch in range(20):
    for i in range(num_batches):
        xb, yb = X[i::num_batches], Y[i::num_batches]
        pred = bnn(xb)
        nll = F.gaussian_nll_loss(pred, yb, torch.full_like(pred, 0.09), reduction='sum')
        loss = nll + bnn.kl() / num_batches / 32
        opt.zero_grad(); loss.backward(); opt.step()
    if epoch % 5 == 4:
        print(epoch + 1, round(loss.item(), 4), round(nll.item(), 4))

# %%
with torch.no_grad():
    samples = torch.stack([bnn(X) for _ in range(50)])
mean, std = samples.mean(0), samples.std(0)
print(mean[::8].squeeze(), std[::8].squeeze())
print(F.gaussian_nll_loss(torch.zeros(3), torch.ones(3), torch.ones(3)), F.gaussian_nll_loss(torch.zeros(3), torch.ones(3), torch.ones(3), full=True))
try:
    F.gaussian_nll_loss(torch.zeros(3), torch.ones(3), -torch.ones(3))
except ValueError as e:
    print(e)

# %%
class MCDropoutNet(nn.Module):
    def __init__(self, p=0.3):
        super().__init__()
        self.fc1 = nn.Linear(4, 32)
        self.fc2 = nn.Linear(32, 3)
        self.p = p
    def forward(self, x, mc=False):
        x = F.relu(self.fc1(x))
        x = F.dropout(x, p=self.p, training=self.training or mc)
        return self.fc2(x)
torch.manual_seed(2)
net = MCDropoutNet()
xs = torch.randn(64, 4)
ys = (xs[:, 0] > 0).long() + (xs[:, 1] > 0.5).long()
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for ep in range(30):
    net.train()
    loss = F.cross_entropy(net(xs), ys)
    opt.zero_grad(); loss.backward(); opt.step()
print(loss.item())

# %%
net.eval()
xt = torch.randn(5, 4)
with torch.no_grad():
    det = F.softmax(net(xt), -1)
    mc = torch.stack([F.softmax(net(xt, mc=True), -1) for _ in range(100)])
pm = mc.mean(0)
entropy = -(pm * torch.log(pm + 1e-12)).sum(-1)
mutual_info = entropy - (-(mc * torch.log(mc + 1e-12)).sum(-1)).mean(0)
print(det.argmax(-1), pm.argmax(-1), entropy, mutual_info)
print(mc.std(0).max(), torch.special.entr(pm).sum(-1))

# %%
def enable_dropout(model):
    for m in model.modules():
        if m.__class__.__name__.startswith('Dropout'):
            m.train()
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 2))
seq.eval(); enable_dropout(seq)
print([m.training for m in seq.modules()])
torch.manual_seed(3)
print(seq(torch.ones(1, 4)), seq(torch.ones(1, 4)))
print(F.dropout(torch.ones(8), 0.5, training=False), F.dropout(torch.ones(8), 0.25), F.dropout1d(torch.ones(1, 4, 3), 0.5))
