# Imitates Edward Raff's "Inside Deep Learning" (Manning; repo EdwardRaff/Inside-Deep-Learning), chapter 7
# (autoencoding and self-supervision) at tiny sizes on synthetic 8x8 "digits": PCA with torch.linalg.svd as the
# baseline, the AutoEncodeDataset wrapper returning (x, x), a linear PCA-like autoencoder with tied weights through a
# TransposeLinear module (F.linear(x, weight.t(), bias), the bias made with torch.Tensor(n) then initialised), a
# non-linear autoencoder with nn.Sigmoid outputs and a View helper, MSELoss, the AdditiveGausNoise module that only
# adds noise in training mode (denoising autoencoder), encodings taken under no_grad for "visualising".
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader, TensorDataset

torch.manual_seed(7)
np.random.seed(7)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device, torch.cuda.is_available())

protos = torch.rand(3, 8, 8)
labels = torch.randint(0, 3, (60,))
images = (protos[labels] + 0.15 * torch.randn(60, 8, 8)).clamp(0, 1).unsqueeze(1)
print(images.shape, images.min() >= 0, images.max() <= 1, labels.bincount())

class AutoEncodeDataset(Dataset):
    def __init__(self, dataset):
        self.dataset = dataset

    def __getitem__(self, idx):
        x, y = self.dataset.__getitem__(idx)
        return x, x

    def __len__(self):
        return len(self.dataset)

train_data = AutoEncodeDataset(TensorDataset(images[:48], labels[:48]))
test_data = AutoEncodeDataset(TensorDataset(images[48:], labels[48:]))
x0, y0 = train_data[0]
print(len(train_data), x0.shape, torch.equal(x0, y0), x0 is y0)
train_loader = DataLoader(train_data, batch_size=16, shuffle=True)
test_loader = DataLoader(test_data, batch_size=16)

# %%
X = images.view(60, -1)
Xc = X - X.mean(dim=0)
U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
print(U.shape, S.shape, Vh.shape, S[:4])
k = 2
proj = Xc @ Vh[:k].T
recon = proj @ Vh[:k]
print(proj.shape, round(F.mse_loss(recon, Xc).item(), 5))
print(torch.allclose(Vh @ Vh.T, torch.eye(Vh.shape[0]), atol=1e-5))
try:
    torch.svd(Xc.long())
except Exception as e:
    print(type(e).__name__, e)

# %%
class View(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, input):
        return input.view(*self.shape)

class TransposeLinear(nn.Module):
    def __init__(self, linearLayer, bias=True):
        super().__init__()
        self.weight = linearLayer.weight
        if bias:
            self.bias = nn.Parameter(torch.Tensor(linearLayer.weight.shape[1]))
        else:
            self.register_parameter('bias', None)

    def forward(self, x):
        return F.linear(x, self.weight.t(), self.bias)

D = 64
n = 2
linearLayer = nn.Linear(D, n, bias=False)
pca_encoder = nn.Sequential(nn.Flatten(), linearLayer)
tl = TransposeLinear(linearLayer)
print(tl.bias.shape, tl.bias.dtype, tl.bias.requires_grad, type(tl.weight).__name__, tl.weight is linearLayer.weight)
with torch.no_grad():
    tl.bias.zero_()
pca_decoder = nn.Sequential(tl, View(-1, 1, 8, 8))
pca_model = nn.Sequential(pca_encoder, pca_decoder)
print(pca_model)
print(len(list(pca_model.parameters())), sum(p.numel() for p in pca_model.parameters()))
print([name for name, _ in pca_model.named_parameters()])
no_bias = TransposeLinear(nn.Linear(3, 2), bias=False)
print(no_bias.bias, list(no_bias.parameters())[0].shape)

def train_ae(model, loader, epochs, lr=0.01):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    loss_func = nn.MSELoss()
    history = []
    for epoch in range(epochs):
        model.train()
        losses = []
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_func(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        history.append(round(float(np.mean(losses)), 5))
    return history

print(train_ae(pca_model, train_loader, 3))
print(linearLayer.weight.grad.shape, tl.bias.grad.shape, round(linearLayer.weight.grad.norm().item(), 4))

# %%
def getLayer(in_size, out_size):
    return nn.Sequential(nn.Linear(in_size, out_size), nn.BatchNorm1d(out_size), nn.ReLU())

auto_encoder = nn.Sequential(
    nn.Sequential(nn.Flatten(), getLayer(D, 16), getLayer(16, 8), nn.Linear(8, n)),
    nn.Sequential(getLayer(n, 8), getLayer(8, 16), nn.Linear(16, D), View(-1, 1, 8, 8), nn.Sigmoid()),
)
print(train_ae(auto_encoder, train_loader, 3))
auto_encoder.eval()
with torch.no_grad():
    out = auto_encoder(images[:4])
    enc = auto_encoder[0](images[48:]).cpu().numpy()
print(out.shape, out.min() > 0, out.max() < 1, enc.shape, enc.dtype)
print(auto_encoder[1][-1], auto_encoder[1][-2])
try:
    View(-1, 1, 8, 8)(torch.rand(3, 60))
except Exception as e:
    print(type(e).__name__, e)
try:
    nn.MSELoss()(out, images[:4].squeeze(1))
except Exception as e:
    print(type(e).__name__, e)

# %%
class AdditiveGausNoise(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, x):
        if self.training:
            return x + torch.randn(x.size(), device=x.device) * 0.1
        else:
            return x

noise = AdditiveGausNoise()
x = images[:2]
print(torch.equal(noise.eval()(x), x), torch.equal(noise.train()(x), x), noise.training)
dae = nn.Sequential(
    nn.Flatten(),
    AdditiveGausNoise(),
    getLayer(D, 16), getLayer(16, n),
    getLayer(n, 16), nn.Linear(16, D), View(-1, 1, 8, 8), nn.Sigmoid(),
)
print(train_ae(dae, train_loader, 3))
dae.eval()
with torch.no_grad():
    noisy = test_data[0][0] + 0.1 * torch.randn(1, 8, 8)
    clean = dae(noisy.unsqueeze(0))
print(noisy.shape, clean.shape, torch.equal(dae(images[48:50]), dae(images[48:50])))
with torch.no_grad():
    mse = F.mse_loss(clean, test_data[0][1].unsqueeze(0), reduction="none")
print(mse.shape, mse.mean().item() < 1, F.mse_loss(clean, test_data[0][1].unsqueeze(0), reduction="sum").shape)
