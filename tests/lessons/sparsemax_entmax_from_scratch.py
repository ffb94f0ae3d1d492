# Imitates the sparsemax / entmax blog posts and reference code (Martins & Astudillo's sparsemax written in PyTorch
# as in KrisKorrel/sparsemax-pytorch, the deep-spin/entmax package's sort-based entmax15 and its autograd.Function):
# sort descending, cumsum, arange broadcasting, the support size via gather, clamp(min=0), a hand-written backward
# with masks, gradcheck, and attention weights printed next to softmax.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class Sparsemax(nn.Module):
    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        input = input.transpose(0, self.dim)
        original_size = input.size()
        input = input.reshape(input.size(0), -1)
        input = input.transpose(0, 1)
        dim = 1
        number_of_logits = input.size(dim)
        input = input - torch.max(input, dim=dim, keepdim=True)[0].expand_as(input)
        zs = torch.sort(input=input, dim=dim, descending=True)[0]
        range = torch.arange(start=1, end=number_of_logits + 1, step=1, dtype=input.dtype).view(1, -1)
        range = range.expand_as(zs)
        bound = 1 + range * zs
        cumulative_sum_zs = torch.cumsum(zs, dim)
        is_gt = torch.gt(bound, cumulative_sum_zs).type(input.type())
        k = torch.max(is_gt * range, dim, keepdim=True)[0]
        zs_sparse = is_gt * zs
        taus = (torch.sum(zs_sparse, dim, keepdim=True) - 1) / k
        taus = taus.expand_as(input)
        self.output = torch.max(torch.zeros_like(input), input - taus)
        output = self.output.transpose(0, 1)
        output = output.reshape(original_size)
        output = output.transpose(0, self.dim)
        return output

torch.manual_seed(0)
sparsemax = Sparsemax(dim=1)
logits = torch.randn(2, 5, requires_grad=True)
p = sparsemax(logits)
print(p)
print(p.sum(dim=1))
print((p > 0).sum(dim=1))
print(F.softmax(logits, dim=1))
(p * torch.arange(5.)).sum().backward()
print(logits.grad)
print(p.grad_fn, p.is_contiguous())

# %%
def sparsemax_sort(z, dim=-1):
    z_sorted, _ = torch.sort(z, dim=dim, descending=True)
    d = z.size(dim)
    k = torch.arange(1, d + 1, device=z.device, dtype=z.dtype)
    view = [1] * z.dim()
    view[dim] = -1
    k = k.view(view)
    z_cumsum = z_sorted.cumsum(dim) - 1
    support = k * z_sorted > z_cumsum
    k_z = support.sum(dim=dim, keepdim=True)
    tau = z_cumsum.gather(dim, k_z - 1) / k_z.to(z.dtype)
    return torch.clamp(z - tau, min=0), k_z

z = torch.tensor([[1.0, 0.8, 0.1, -1.0], [3.0, 0.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5]], requires_grad=True)
out, k_z = sparsemax_sort(z)
print(out)
print(k_z, k_z.dtype, k_z.shape)
print(torch.sort(z, dim=-1, descending=True))
out[:, 0].sum().backward()
print(z.grad)
try:
    sparsemax_sort(torch.tensor([1, 2, 3]))
except Exception as e:
    print(type(e).__name__, e)
try:
    z.detach().cumsum(dim=2)
except Exception as e:
    print(type(e).__name__, e)

# %%
class SparsemaxFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, X, dim=-1):
        ctx.dim = dim
        max_val, _ = X.max(dim=dim, keepdim=True)
        X = X - max_val
        tau, supp_size = SparsemaxFunction._threshold_and_support(X, dim=dim)
        output = torch.clamp(X - tau, min=0)
        ctx.save_for_backward(supp_size, output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        supp_size, output = ctx.saved_tensors
        dim = ctx.dim
        grad_input = grad_output.clone()
        grad_input[output == 0] = 0
        v_hat = grad_input.sum(dim=dim) / supp_size.to(output.dtype).squeeze(dim)
        v_hat = v_hat.unsqueeze(dim)
        grad_input = torch.where(output != 0, grad_input - v_hat, grad_input)
        return grad_input, None

    @staticmethod
    def _threshold_and_support(X, dim=-1):
        topk, _ = torch.sort(X, dim=dim, descending=True)
        topk_cumsum = topk.cumsum(dim) - 1
        rhos = torch.arange(1, X.size(dim) + 1, dtype=X.dtype).view(1, -1)
        support = rhos * topk > topk_cumsum
        support_size = support.sum(dim=dim).unsqueeze(dim)
        tau = topk_cumsum.gather(dim, support_size - 1)
        tau /= support_size.to(X.dtype)
        return tau, support_size

torch.manual_seed(1)
X = torch.randn(3, 6, dtype=torch.float64, requires_grad=True)
Y = SparsemaxFunction.apply(X, -1)
print(Y)
print(Y.grad_fn.__class__.__name__)
g = torch.randn(3, 6, dtype=torch.float64)
Y.backward(g)
print(X.grad)
print(torch.autograd.gradcheck(lambda x: SparsemaxFunction.apply(x, -1), (X,)))
try:
    SparsemaxFunction.apply(X, dim=-1)
except Exception as e:
    print(type(e).__name__, e)

# %%
def entmax15(X, dim=-1):
    max_val, _ = X.max(dim=dim, keepdim=True)
    X = X - max_val
    X = X / 2
    Xsrt, _ = torch.sort(X, dim=dim, descending=True)
    d = X.shape[dim]
    rho = torch.arange(1, d + 1, dtype=X.dtype).view(1, -1)
    mean = Xsrt.cumsum(dim) / rho
    mean_sq = (Xsrt ** 2).cumsum(dim) / rho
    ss = rho * (mean_sq - mean ** 2)
    delta = (1 - ss) / rho
    delta_nz = torch.clamp(delta, 0)
    tau = mean - torch.sqrt(delta_nz)
    support_size = (tau <= Xsrt).sum(dim).unsqueeze(dim)
    tau_star = tau.gather(dim, support_size - 1)
    Y = torch.clamp(X - tau_star, min=0) ** 2
    return Y, support_size

torch.manual_seed(2)
scores = torch.randn(2, 7, requires_grad=True)
Y, s = entmax15(scores)
print(Y)
print(Y.sum(-1), s.squeeze(-1).tolist())
loss = -(Y[:, 0] + 1e-6).log().sum()
loss.backward()
print(scores.grad)
att = torch.stack([F.softmax(scores[0], -1), sparsemax_sort(scores[0:1])[0][0], Y[0]])
torch.set_printoptions(precision=3, sci_mode=False)
print(att)
print(att.detach().numpy().round(3))
torch.set_printoptions(profile="default")
