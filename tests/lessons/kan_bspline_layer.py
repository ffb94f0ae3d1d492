# Imitates an "efficient KAN from scratch" notebook: B-spline bases by the Cox-de Boor recursion on a grid,
# a KAN layer as einsum of bases and coefficients plus a SiLU base branch, fitting a function, and lstsq init.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
def b_splines(x, grid, k):
    x = x.unsqueeze(-1)
    bases = ((x >= grid[:, :-1]) & (x < grid[:, 1:])).to(x.dtype)
    for p in range(1, k + 1):
        bases = (x - grid[:, : -(p + 1)]) / (grid[:, p:-1] - grid[:, : -(p + 1)]) * bases[..., :-1] + \
                (grid[:, p + 1:] - x) / (grid[:, p + 1:] - grid[:, 1:(-p)]) * bases[..., 1:]
    return bases

in_f, out_f, G, k = 2, 3, 5, 3
h = 2.0 / G
grid = (torch.arange(-k, G + k + 1) * h - 1.0).expand(in_f, -1).contiguous()
print(grid.shape, grid[0, :4])
x = torch.rand(4, in_f) * 2 - 1
B = b_splines(x, grid, k)
print(B.shape, B.sum(-1))

# %%
class KANLinear(nn.Module):
    def __init__(self, in_f, out_f):
        super().__init__()
        self.register_buffer("grid", grid.clone())
        self.base_weight = nn.Parameter(torch.empty(out_f, in_f))
        self.spline_weight = nn.Parameter(torch.randn(out_f, in_f, G + k) * 0.1)
        nn.init.kaiming_uniform_(self.base_weight, a=5 ** 0.5)
    def forward(self, x):
        base = F.linear(F.silu(x), self.base_weight)
        spl = torch.einsum("bik,oik->bo", b_splines(x, self.grid, k), self.spline_weight)
        return base + spl

layer = KANLinear(in_f, out_f)
print(layer, [n for n, _ in layer.named_buffers()])
y = layer(x)
print(y)

# %%
y.sum().backward()
print(layer.spline_weight.grad[0, 0], layer.base_weight.grad)

# %%
xs = torch.rand(64, 2) * 2 - 1
target = torch.sin(3 * xs[:, :1]) + xs[:, 1:] ** 2
model = nn.Sequential(KANLinear(2, 3), KANLinear(3, 1))
model[1].grid = grid[:1].expand(3, -1).contiguous()
opt = torch.optim.LBFGS(model.parameters(), lr=0.5, max_iter=5)
def closure():
    opt.zero_grad()
    loss = F.mse_loss(model(xs), target)
    loss.backward()
    return loss
for i in range(3):
    l = opt.step(closure)
    print(i, round(l.item(), 5))

# %%
A = b_splines(xs[:, 0], grid[:1], k).squeeze(1)
sol = torch.linalg.lstsq(A, target)
print(sol.solution.shape, (A @ sol.solution - target).pow(2).mean() < 0.1)
reg = layer.spline_weight.abs().mean(-1)
p = reg / reg.sum()
print(-(p * p.log()).sum())
