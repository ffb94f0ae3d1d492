# Imitates the differentiable-sorting blog posts and notebooks: SoftSort (Prillo & Eisenschlos, the authors' PyTorch
# snippet: a permutation matrix from |sorted - s| / tau and softmax), NeuralSort's relaxed permutation, a soft top-k
# mask by a temperature sigmoid around the k-th value (kthvalue / topk thresholds), soft-argmax over a 1-d heatmap,
# soft ranks, and printing the relaxed permutation and attention-like weights with set_printoptions.
import torch
import torch.nn.functional as F

# %%
class SoftSort(torch.nn.Module):
    def __init__(self, tau=1.0, hard=False, pow=1.0):
        super(SoftSort, self).__init__()
        self.hard = hard
        self.tau = tau
        self.pow = pow

    def forward(self, scores: torch.Tensor):
        scores = scores.unsqueeze(-1)
        sorted = scores.sort(descending=True, dim=1)[0]
        pairwise_diff = (scores.transpose(1, 2) - sorted).abs().pow(self.pow).neg() / self.tau
        P_hat = pairwise_diff.softmax(-1)
        if self.hard:
            P = torch.zeros_like(P_hat, device=P_hat.device)
            P.scatter_(-1, P_hat.topk(1, -1)[1], value=1)
            P_hat = (P - P_hat).detach() + P_hat
        return P_hat

torch.manual_seed(0)
scores = torch.randn(2, 5, requires_grad=True)
sorter = SoftSort(tau=0.1)
P = sorter(scores)
torch.set_printoptions(precision=2, sci_mode=False)
print(P)
print(P.sum(-1), P.sum(-2))
soft_sorted = torch.bmm(P, scores.unsqueeze(-1)).squeeze(-1)
print(soft_sorted)
print(scores.sort(descending=True, dim=1).values)
soft_sorted[:, 0].sum().backward()
print(scores.grad)
hard = SoftSort(tau=0.1, hard=True)(scores)
print(hard, hard.grad_fn)
print(hard.argmax(-1))
torch.set_printoptions(profile="default")

# %%
def neural_sort(s, tau):
    n = s.size(1)
    one = torch.ones((n, 1), dtype=s.dtype)
    A_s = torch.abs(s - s.permute(0, 2, 1))
    B = torch.matmul(A_s, torch.matmul(one, torch.transpose(one, 0, 1)))
    scaling = (n + 1 - 2 * (torch.arange(n) + 1)).type(s.dtype)
    C = torch.matmul(s, scaling.unsqueeze(0))
    P_max = (C - B).permute(0, 2, 1)
    sm = torch.nn.Softmax(-1)
    return sm(P_max / tau)

s = torch.tensor([[[2.0], [0.5], [3.0], [1.0]]], requires_grad=True)
P = neural_sort(s, tau=0.5)
print(P.shape, P.dtype)
print(P.round(decimals=3))
target = torch.eye(4)[torch.argsort(s.squeeze(-1), descending=True)]
print(target)
loss = F.mse_loss(P, target)
loss.backward()
print(loss, s.grad.squeeze())

# %%
def soft_topk_mask(x, k, tau=0.1):
    kth = torch.topk(x, k, dim=-1).values[..., -1:]
    kp1 = torch.topk(x, k + 1, dim=-1).values[..., -1:]
    thresh = (kth + kp1) / 2
    return torch.sigmoid((x - thresh) / tau)

x = torch.tensor([[0.1, 2.0, -1.0, 0.7, 1.5], [3.0, 3.0, 0.0, 1.0, -2.0]], requires_grad=True)
m = soft_topk_mask(x, 2)
print(m)
hard_mask = torch.zeros_like(x).scatter(-1, x.topk(2).indices, 1.0)
print(hard_mask)
st = hard_mask - m.detach() + m
print(st, st.grad_fn)
(st * x).sum().backward()
print(x.grad)
kv = torch.kthvalue(x, 4, dim=-1, keepdim=True)
print(kv.values, kv.indices)
print((x >= kv.values).float())
for bad in [lambda: soft_topk_mask(x, 5), lambda: torch.topk(x, 2, dim=-1, largest=None)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
def soft_argmax_1d(heat, beta=10.0):
    *_, n = heat.shape
    p = F.softmax(beta * heat, dim=-1)
    idx = torch.arange(n, dtype=heat.dtype, device=heat.device)
    return (p * idx).sum(-1), p

heat = torch.tensor([[0.0, 0.1, 0.9, 0.3, 0.0], [0.2, 0.2, 0.2, 0.2, 0.2]], requires_grad=True)
pos, p = soft_argmax_1d(heat)
print(pos, heat.argmax(-1))
print(p)
pos.sum().backward()
print(heat.grad)
pos2, _ = soft_argmax_1d(heat.double(), beta=100.0)
print(pos2)

def soft_rank(x, tau=0.1):
    diff = x.unsqueeze(-1) - x.unsqueeze(-2)
    return torch.sigmoid(diff / tau).sum(-1) + 0.5

r = torch.tensor([0.3, -1.2, 2.0, 0.31], requires_grad=True)
sr = soft_rank(r)
print(sr, r.argsort().argsort() + 1)
sr[0].backward()
print(r.grad)
print(torch.cdist(r.unsqueeze(-1), r.unsqueeze(-1), p=1))
