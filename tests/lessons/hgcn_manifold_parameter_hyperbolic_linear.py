# Imitates the HGCN / hyperbolic neural network code learners copy without geoopt: a ManifoldParameter subclass
# of nn.Parameter with its own __repr__, a PoincareBall class with proj / expmap0 / logmap0 / mobius_matvec,
# a hyperbolic linear layer, parameter groups split by isinstance, a Riemannian Adam-like step written by hand,
# and printing the parameters and modules.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
class ManifoldParameter(nn.Parameter):
    def __new__(cls, data, requires_grad=True, manifold=None, c=None):
        return nn.Parameter.__new__(cls, data, requires_grad)

    def __init__(self, data, requires_grad=True, manifold=None, c=None):
        self.c = c
        self.manifold = manifold

    def __repr__(self):
        return '{} Parameter containing:\n'.format(self.manifold) + super(nn.Parameter, self).__repr__()

p = ManifoldParameter(torch.randn(3, 2) * 0.1, manifold='PoincareBall', c=1.0)
print(p)
p

# %%
print(type(p).__name__, isinstance(p, nn.Parameter), isinstance(p, torch.Tensor), p.manifold, p.c)
print(p.requires_grad, p.is_leaf, p.shape, p.dtype)
q = p * 2
print(type(q).__name__, q.grad_fn)
print(type(p.data).__name__, type(p.detach()).__name__)
print(str(p) == repr(p))
print(nn.Parameter.__repr__(p))

# %%
class PoincareBall:
    min_norm = 1e-15
    eps = {torch.float32: 4e-3, torch.float64: 1e-5}

    def proj(self, x, c):
        norm = torch.clamp_min(x.norm(dim=-1, keepdim=True, p=2), self.min_norm)
        maxnorm = (1 - self.eps[x.dtype]) / (c ** 0.5)
        cond = norm > maxnorm
        projected = x / norm * maxnorm
        return torch.where(cond, projected, x)

    def expmap0(self, u, c):
        sqrt_c = c ** 0.5
        u_norm = torch.clamp_min(u.norm(dim=-1, p=2, keepdim=True), self.min_norm)
        return torch.tanh(sqrt_c * u_norm) * u / (sqrt_c * u_norm)

    def logmap0(self, p, c):
        sqrt_c = c ** 0.5
        p_norm = p.norm(dim=-1, p=2, keepdim=True).clamp_min(self.min_norm)
        scale = 1. / sqrt_c * torch.atanh((sqrt_c * p_norm).clamp(-1 + 1e-15, 1 - 1e-15)) / p_norm
        return scale * p

    def mobius_matvec(self, m, x, c):
        sqrt_c = c ** 0.5
        x_norm = x.norm(dim=-1, keepdim=True, p=2).clamp_min(self.min_norm)
        mx = x @ m.transpose(-1, -2)
        mx_norm = mx.norm(dim=-1, keepdim=True, p=2).clamp_min(self.min_norm)
        scale = torch.tanh(mx_norm / x_norm * torch.atanh((sqrt_c * x_norm).clamp(max=1 - 1e-7)))
        res_c = scale * mx / (mx_norm * sqrt_c)
        cond = (mx == 0).prod(-1, keepdim=True, dtype=torch.uint8)
        res_0 = torch.zeros(1, dtype=res_c.dtype, device=res_c.device)
        return torch.where(cond.bool(), res_0, res_c)

ball = PoincareBall()
x = ball.expmap0(torch.randn(4, 3), 1.0)
print(x.norm(dim=-1))
print(ball.proj(torch.tensor([[3.0, 4.0], [0.1, 0.1]]), 1.0))
print(ball.logmap0(x, 1.0))

# %%
class HypLinear(nn.Module):
    def __init__(self, manifold, in_features, out_features, c):
        super().__init__()
        self.manifold, self.c = manifold, c
        self.weight = nn.Parameter(torch.Tensor(out_features, in_features))
        self.bias = ManifoldParameter(torch.Tensor(out_features), manifold='PoincareBall', c=c)
        nn.init.xavier_uniform_(self.weight, gain=2 ** 0.5)
        nn.init.constant_(self.bias, 0)

    def forward(self, x):
        mv = self.manifold.mobius_matvec(self.weight, x, self.c)
        return self.manifold.proj(mv, self.c)

    def extra_repr(self):
        return 'in_features={}, out_features={}, c={}'.format(self.weight.shape[1], self.weight.shape[0], self.c)

layer = HypLinear(ball, 3, 2, 1.0)
print(layer)
print(layer.bias)
for name, prm in layer.named_parameters():
    print(name, type(prm).__name__, tuple(prm.shape))
out = layer(x)
print(out, out.grad_fn)
out.pow(2).sum().backward()
print(layer.weight.grad)

# %%
hyp = [q for q in layer.parameters() if isinstance(q, ManifoldParameter)]
euc = [q for q in layer.parameters() if not isinstance(q, ManifoldParameter)]
print(len(hyp), len(euc))

class RiemannianAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-2, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            b1, b2 = group['betas']
            for p in group['params']:
                if p.grad is None:
                    continue
                st = self.state[p]
                if len(st) == 0:
                    st['step'] = 0
                    st['exp_avg'] = torch.zeros_like(p)
                    st['exp_avg_sq'] = torch.zeros_like(p)
                st['step'] += 1
                g = p.grad
                if isinstance(p, ManifoldParameter):
                    g = g * ((1 - p.pow(2).sum(-1, keepdim=True)) ** 2 / 4)
                st['exp_avg'].mul_(b1).add_(g, alpha=1 - b1)
                st['exp_avg_sq'].mul_(b2).addcmul_(g, g, value=1 - b2)
                denom = (st['exp_avg_sq'] / (1 - b2 ** st['step'])).sqrt_().add_(group['eps'])
                p.addcdiv_(st['exp_avg'], denom, value=-group['lr'] / (1 - b1 ** st['step']))
                if isinstance(p, ManifoldParameter):
                    p.copy_(ball.proj(p, p.c))

opt = RiemannianAdam([{'params': euc}, {'params': hyp, 'lr': 5e-3}], lr=1e-2)
print(opt)
for it in range(5):
    opt.zero_grad()
    loss = F.mse_loss(layer(x), torch.full((4, 2), 0.3))
    loss.backward()
    opt.step()
    print(it, f"{loss.item():.6f}")
print(opt.state[layer.bias]['step'], type(layer.bias).__name__)
print(layer.bias)
print(opt.state_dict()['param_groups'][1])

# %%
class Point(torch.Tensor):
    def __repr__(self):
        return f"Point{tuple(self.shape)}"

pt = torch.zeros(2, 2).as_subclass(Point)
print(pt)
print([pt], str(pt), f"{pt}")
plain = torch.ones(2).as_subclass(Point) + 1
print(type(plain).__name__, plain)
