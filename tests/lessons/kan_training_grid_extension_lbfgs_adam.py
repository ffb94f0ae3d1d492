# Imitates a "train a KAN from scratch" tutorial (pykan-style MultKAN reduced to plain modules): spline layers whose
# grids are register_buffer'ed, a SiLU base branch with scale_base / scale_sp, the L1 + entropy regularisation of
# activation magnitudes, training with Adam and then LBFGS (strong Wolfe), grid extension from G=3 to G=6 by least
# squares on the old curves, a differentiable lstsq (grad_fn and gradients), pruning by masks, and the state_dict.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
torch.set_printoptions(precision=5)

def bspline(x, grid, k):
    x = x.unsqueeze(-1)
    B = ((x >= grid[:, :-1]) & (x < grid[:, 1:])).to(x.dtype)
    for p in range(1, k + 1):
        left = (x - grid[:, :-(p + 1)]) / (grid[:, p:-1] - grid[:, :-(p + 1)])
        right = (grid[:, p + 1:] - x) / (grid[:, p + 1:] - grid[:, 1:-p])
        B = left * B[..., :-1] + right * B[..., 1:]
    return B

def make_grid(in_dim, G, k, lo=-1.0, hi=1.0):
    h = (hi - lo) / G
    g = torch.linspace(lo - k * h, hi + k * h, G + 2 * k + 1)
    return g.repeat(in_dim, 1)

class KANLayer(nn.Module):
    def __init__(self, in_dim, out_dim, G=3, k=3):
        super().__init__()
        self.in_dim, self.out_dim, self.G, self.k = in_dim, out_dim, G, k
        self.register_buffer('grid', make_grid(in_dim, G, k))
        self.coef = nn.Parameter(torch.randn(in_dim, out_dim, G + k) * 0.1)
        self.scale_base = nn.Parameter(torch.ones(in_dim, out_dim) / in_dim ** 0.5)
        self.scale_sp = nn.Parameter(torch.ones(in_dim, out_dim))
        self.register_buffer('mask', torch.ones(in_dim, out_dim))

    def forward(self, x):
        B = bspline(x, self.grid, self.k)
        spl = torch.einsum('bik,iok->bio', B, self.coef)
        base = F.silu(x)[:, :, None]
        acts = self.mask * (self.scale_base * base + self.scale_sp * spl)
        self.acts_scale = acts.abs().mean(0)
        return acts.sum(1)

class KAN(nn.Module):
    def __init__(self, width, G=3, k=3):
        super().__init__()
        self.layers = nn.ModuleList(KANLayer(a, b, G, k) for a, b in zip(width[:-1], width[1:]))
    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
    def reg(self, lamb_l1=1.0, lamb_entropy=2.0):
        total = 0.0
        for layer in self.layers:
            a = layer.acts_scale
            l1 = a.sum()
            p = a / (l1 + 1e-4)
            ent = -torch.sum(p * torch.log2(p + 1e-4))
            total = total + lamb_l1 * l1 + lamb_entropy * ent
        return total

model = KAN([2, 3, 1])
print(model)
print([n for n, _ in model.named_buffers()], sum(p.numel() for p in model.parameters()))
print(model.layers[0].grid.shape, model.layers[0].grid[0])

# %%
X = torch.rand(80, 2) * 2 - 1
Y = torch.exp(torch.sin(torch.pi * X[:, [0]]) + X[:, [1]] ** 2)
out = model(X)
print(out.shape, out.grad_fn.name(), out[:3])
r = model.reg()
print(r, r.grad_fn.name())
(F.mse_loss(out, Y) + 0.01 * r).backward()
print(model.layers[0].coef.grad[0, 0], model.layers[1].scale_base.grad)

# %%
opt = torch.optim.Adam(model.parameters(), lr=0.02)
for step in range(15):
    opt.zero_grad()
    loss = F.mse_loss(model(X), Y) + 1e-3 * model.reg()
    loss.backward()
    opt.step()
    if step % 5 == 0:
        print(step, loss.item())
print(opt.state_dict()['state'][0]['exp_avg'].shape)

# %%
opt = torch.optim.LBFGS(model.parameters(), lr=1, max_iter=6, history_size=10, line_search_fn="strong_wolfe",
                        tolerance_grad=1e-32, tolerance_change=1e-32)
def closure():
    opt.zero_grad()
    loss = F.mse_loss(model(X), Y)
    loss.backward()
    return loss
for step in range(3):
    print(step, opt.step(closure).item())
print(opt.state[opt._params[0]]['func_evals'], opt.state[opt._params[0]]['n_iter'])

# %%
@torch.no_grad()
def extend(layer, G_new, x):
    y_old = torch.einsum('bik,iok->bio', bspline(x, layer.grid, layer.k), layer.coef)
    new_grid = make_grid(layer.in_dim, G_new, layer.k)
    A = bspline(x, new_grid, layer.k).permute(1, 0, 2)
    sol = torch.linalg.lstsq(A, y_old.permute(1, 0, 2), driver='gelsd')
    layer.grid = new_grid
    layer.coef = nn.Parameter(sol.solution.permute(0, 2, 1).contiguous())
    return sol

x_fine = torch.linspace(-0.99, 0.99, 50)[:, None].expand(50, 2)
before = model.layers[0](x_fine)
sol = extend(model.layers[0], 6, x_fine)
after = model.layers[0](x_fine)
print(sol.solution.shape, sol.rank, sol.singular_values.shape, sol.residuals.shape)
print(model.layers[0].coef.shape, (before - after).abs().max() < 1e-3, model.layers[0].grid.shape)
print(model.state_dict()['layers.0.grid'].shape, list(model.state_dict().keys()))

# %%
A = bspline(torch.linspace(-1, 0.99, 12)[:, None], make_grid(1, 3, 3), 3)[:, 0, :]
t = torch.sin(torch.linspace(-1, 0.99, 12))[:, None].requires_grad_()
s = torch.linalg.lstsq(A, t)
print(s.solution.grad_fn.name(), s.residuals.grad_fn)
s.solution.sum().backward()
print(t.grad[:, 0])
try:
    torch.linalg.lstsq(A, t.double())
except Exception as e:
    print(type(e).__name__, e)

# %%
with torch.no_grad():
    model.layers[0].mask[1, :] = 0.0
    model(X)
print(model.layers[0].acts_scale, model.layers[1].acts_scale)
keep = model.layers[0].acts_scale.max(1).values > 1e-2
print(keep, keep.nonzero().squeeze(1))
