# Imitates efficient-kan's KANLinear (Blealtan/efficient-kan, the "KAN from scratch" notebooks built on it): grids
# from torch.arange / linspace expanded per input, B-spline bases by the Cox-de Boor recursion, curve2coeff with
# torch.linalg.lstsq over transposed bases, update_grid from sorted activations (adaptive + uniform grids mixed,
# torch.cat of margins), and the L1 / entropy regularization loss.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
in_f, out_f, G, k = 2, 3, 4, 3
h = 2.0 / G
grid = (torch.arange(-k, G + k + 1) * h - 1.0).expand(in_f, -1).contiguous()

def b_splines(x, grid):
    x = x.unsqueeze(-1)
    bases = ((x >= grid[:, :-1]) & (x < grid[:, 1:])).to(x.dtype)
    for p in range(1, k + 1):
        bases = ((x - grid[:, : -(p + 1)]) / (grid[:, p:-1] - grid[:, : -(p + 1)]) * bases[:, :, :-1]) + (
            (grid[:, p + 1:] - x) / (grid[:, p + 1:] - grid[:, 1:(-p)]) * bases[:, :, 1:])
    return bases.contiguous()

def curve2coeff(x, y, grid):
    A = b_splines(x, grid).transpose(0, 1)
    B = y.transpose(0, 1)
    solution = torch.linalg.lstsq(A, B).solution
    return solution.permute(2, 0, 1).contiguous()

x = torch.rand(16, in_f) * 2 - 1
noise = (torch.rand(G + 1, in_f, out_f) - 0.5) * 0.1 / G
coeff = curve2coeff(grid.T[k:-k], noise, grid)
print(coeff.shape, coeff.abs().max() < 1)
print(b_splines(x, grid).shape, b_splines(x, grid).sum(-1)[:3])

# %%
spline_weight = coeff.clone().requires_grad_()
base_weight = torch.randn(out_f, in_f, requires_grad=True)
def forward(x):
    base = F.linear(F.silu(x), base_weight)
    spline = F.linear(b_splines(x, grid).view(x.size(0), -1), spline_weight.view(out_f, -1))
    return base + spline
y = forward(x)
print(y.shape, y.grad_fn.name())
y.pow(2).mean().backward()
print(spline_weight.grad.shape, base_weight.grad)

# %%
def regularization_loss(w, reg_act=1.0, reg_ent=1.0):
    l1_fake = w.abs().mean(-1)
    reg_sum = l1_fake.sum()
    p = l1_fake / reg_sum
    ent = -torch.sum(p * p.log())
    return reg_act * reg_sum + reg_ent * ent
print(regularization_loss(spline_weight))

# %%
@torch.no_grad()
def update_grid(x, margin=0.01, grid_eps=0.02):
    batch = x.size(0)
    splines = b_splines(x, grid).permute(1, 0, 2)
    orig_coeff = spline_weight.permute(1, 2, 0)
    unreduced = torch.bmm(splines, orig_coeff).permute(1, 0, 2)
    x_sorted = torch.sort(x, dim=0)[0]
    grid_adaptive = x_sorted[torch.linspace(0, batch - 1, G + 1, dtype=torch.int64)]
    uniform_step = (x_sorted[-1] - x_sorted[0] + 2 * margin) / G
    grid_uniform = torch.arange(G + 1, dtype=torch.float32).unsqueeze(1) * uniform_step + x_sorted[0] - margin
    new = grid_eps * grid_uniform + (1 - grid_eps) * grid_adaptive
    new = torch.cat([new[:1] - uniform_step * torch.arange(k, 0, -1).unsqueeze(1), new,
                     new[-1:] + uniform_step * torch.arange(1, k + 1).unsqueeze(1)], dim=0)
    return new.T, unreduced

new_grid, unreduced = update_grid(x)
print(new_grid.shape, unreduced.shape, unreduced.requires_grad)
print(torch.linspace(0, 15, G + 1, dtype=torch.int64))
sol = torch.linalg.lstsq(b_splines(x, new_grid).transpose(0, 1), unreduced.transpose(0, 1))
print(sol.solution.shape, sol.residuals.shape, sol.rank, sol.singular_values)
try:
    torch.linalg.lstsq(b_splines(x, new_grid), unreduced)
except Exception as e:
    print(type(e).__name__, e)
