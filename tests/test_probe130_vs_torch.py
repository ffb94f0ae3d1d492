"""What the hundred-and-thirtieth probe (RLHF and preference optimisation written by hand: DPO, reward models,
PPO with a KL penalty, GRPO, SFT collate functions) found, each checked against PyTorch to the bit: a float bmm of
400 or more multiply-adds per matrix is MKL's gemm per matrix, not numpy's BLAS. That is what a matmul that is not
folded into one mm computes (a batch-first RNN's output, not contiguous, through a head whose weight does not
require grad: a frozen reference model), so a reference model's log-probs equal the policy's only where PyTorch's
do; bmm's gradients go through it too. addbmm adds one gemm per matrix into the result in order (addmm_ after
addmm_), not numpy's sum of the products."""
import pytest

from helpers import assert_same_as_pytorch

BITS = '''def bits(t):
    return t.detach().contiguous().view(torch.int64 if t.dtype == torch.float64 else torch.int32).sum().item()
'''

CELLS = {
    "frozen_reference_head_on_transposed_states": [
        BITS + '''torch.manual_seed(0)
class TinyLM(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Embedding(10, 6)
        self.head = torch.nn.Linear(6, 10)
    def forward(self, ids):   # time-major states made batch-first by a transpose (not contiguous), as an RNN's
        h = torch.tanh(self.emb(ids.t()).cumsum(0))
        return self.head(h.transpose(0, 1))
policy, ref = TinyLM(), TinyLM()
ref.load_state_dict(policy.state_dict())
ref.requires_grad_(False)
ids = torch.randint(0, 10, (8, 7))
a = policy(ids)
with torch.no_grad():
    b = ref(ids)
print(torch.equal(a.detach(), b), bits(a), bits(b))
lp = a.log_softmax(-1).gather(-1, ids.unsqueeze(-1)).squeeze(-1)
ref_lp = b.log_softmax(-1).gather(-1, ids.unsqueeze(-1)).squeeze(-1)
print(torch.equal(lp.detach(), ref_lp), bits(lp), bits(ref_lp))
''',
    ],
    "matmul_folded_or_not_by_requires_grad": [
        BITS + '''torch.manual_seed(1)
x = torch.randn(7, 8, 6).transpose(0, 1)
w = torch.randn(10, 6)
bias = torch.randn(10)
outs = []
for needs in (False, True):
    W = w.clone().requires_grad_(needs)
    outs.append(torch.nn.functional.linear(x, W, bias).detach())
    print(needs, bits(outs[-1]), bits(x @ W.t()), bits(torch.matmul(x, W.t())))
print(torch.equal(*outs), bits(torch.nn.functional.linear(x.contiguous(), w, bias)))
''',
    ],
    "bmm_of_400_or_more_multiply_adds": [
        BITS + '''torch.manual_seed(2)
for b, n, k, m in [(8, 7, 6, 10), (3, 16, 33, 5), (2, 1, 33, 24), (4, 4, 8, 24)]:
    A = torch.randn(b, n, k, requires_grad=True)
    B = torch.randn(b, k, m, requires_grad=True)
    y = torch.bmm(A, B)
    y.backward(torch.randn(b, n, m))
    At = torch.randn(n, b, k).transpose(0, 1)
    Be = torch.randn(m, k).t().expand(b, k, m)
    print((b, n, k, m), bits(y), bits(A.grad), bits(B.grad), bits(At @ Be), bits(torch.bmm(A.double(), B.double())))
''',
    ],
    "addbmm_adds_one_product_at_a_time": [
        BITS + '''torch.manual_seed(3)
for b, n, k, m in [(4, 7, 9, 12), (3, 2, 3, 5), (8, 1, 33, 12)]:
    A, B = torch.randn(b, n, k), torch.randn(b, k, m)
    C = torch.randn(n, m)
    out = C.clone()
    out.addbmm_(A, B)
    print((b, n, k, m), bits(torch.addbmm(C, A, B)), bits(torch.addbmm(C[0], A, B)), bits(out),
          bits(torch.addbmm(C.double(), A.double(), B.double())))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe130_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe130/{name}", warns="per_cell")
