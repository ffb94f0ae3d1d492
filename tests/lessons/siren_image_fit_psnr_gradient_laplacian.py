# Imitates a SIREN course notebook: sine layers with the paper's initialisation (uniform_ with bounds
# sqrt(6/n)/omega_0 under torch.no_grad()), an image made as a uint8 tensor turned into float/255 and permuted,
# fitting with Adam while printing the loss and the PSNR, and the field's gradient and Laplacian through
# torch.autograd.grad(create_graph=True) for gradient supervision.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class SineLayer(nn.Module):
    def __init__(self, in_f, out_f, is_first=False, omega_0=30.0):
        super().__init__()
        self.omega_0 = omega_0
        self.is_first = is_first
        self.in_features = in_f
        self.linear = nn.Linear(in_f, out_f)
        self.init_weights()

    def init_weights(self):
        with torch.no_grad():
            if self.is_first:
                self.linear.weight.uniform_(-1 / self.in_features, 1 / self.in_features)
            else:
                bound = math.sqrt(6 / self.in_features) / self.omega_0
                self.linear.weight.uniform_(-bound, bound)

    def forward(self, x):
        return torch.sin(self.omega_0 * self.linear(x))


class Siren(nn.Module):
    def __init__(self, in_f=2, hidden=16, layers=2, out_f=1, omega_0=30.0):
        super().__init__()
        net = [SineLayer(in_f, hidden, is_first=True, omega_0=omega_0)]
        for _ in range(layers):
            net.append(SineLayer(hidden, hidden, omega_0=omega_0))
        final = nn.Linear(hidden, out_f)
        with torch.no_grad():
            b = math.sqrt(6 / hidden) / omega_0
            final.weight.uniform_(-b, b)
        net.append(final)
        self.net = nn.Sequential(*net)

    def forward(self, coords):
        return self.net(coords)


model = Siren()
print(model)
w = model.net[1].linear.weight
print(w.shape, w.min().item() >= -math.sqrt(6 / 16) / 30, w.abs().max() <= math.sqrt(6 / 16) / 30)
print(model.net[0].linear.weight[:2])
print(w.requires_grad, w.grad_fn, w.is_leaf)

# %%
H = W = 8
img_u8 = (torch.rand(H, W, 3) * 255).to(torch.uint8)
print(img_u8.dtype, img_u8[0, :2])
img = img_u8.float() / 255
img = img.permute(2, 0, 1)
print(img.shape, img.is_contiguous(), img.stride(), img.dtype)
gray = img.mean(0)
print(gray[:2, :4])
lin = torch.linspace(-1, 1, H)
yy, xx = torch.meshgrid(lin, lin, indexing="ij")
coords = torch.stack([xx, yy], dim=-1).reshape(-1, 2)
target = gray.reshape(-1, 1)
print(coords.shape, coords[:3], target.shape)


def psnr(mse):
    return 10 * torch.log10(1.0 / mse)


def psnr2(pred, gt):
    return -10.0 * torch.log10(F.mse_loss(pred, gt))

# %%
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for step in range(5):
    out = model(coords)
    loss = ((out - target) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.6f}", f"{psnr(loss).item():.4f}", psnr2(out, target).grad_fn)
print(psnr(torch.tensor(0.0)), psnr(torch.tensor(1e-3)), psnr(torch.tensor([0.01, 0.1], dtype=torch.float64)))

# %%
x = coords.clone().requires_grad_(True)
y = model(x)
grad = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)[0]
print(grad.shape, grad.grad_fn.name(), grad[:2])
lap = 0
for i in range(x.shape[-1]):
    lap = lap + torch.autograd.grad(grad[..., i], x, torch.ones_like(grad[..., i]), create_graph=True)[0][..., i:i + 1]
print(lap.shape, lap.grad_fn.name(), lap[:3])
div = torch.autograd.grad(grad.sum(), x, create_graph=True)[0]
print(div[:2])

# %%
gt_grad = torch.zeros_like(grad)
loss = F.mse_loss(grad, gt_grad) + 1e-3 * lap.pow(2).mean()
print(loss)
model.zero_grad()
loss.backward()
print(model.net[0].linear.weight.grad[:2], model.net[-1].bias.grad)

# %%
try:
    torch.autograd.grad(y.sum(), x)
    torch.autograd.grad(y.sum(), x)
except RuntimeError as e:
    print(type(e).__name__, str(e)[:120])
try:
    torch.autograd.grad(y, x)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    img_u8.permute(2, 0)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    img_u8 / 255 - img_u8.mean()
except RuntimeError as e:
    print(type(e).__name__, e)
print((img_u8 / 255).dtype, (img_u8 // 2).dtype, (img_u8 * 2)[0, 0], (img_u8.float().mean()))
