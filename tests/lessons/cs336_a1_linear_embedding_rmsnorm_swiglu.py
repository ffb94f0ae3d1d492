# Imitates Stanford CS336 (Spring 2025) assignment 1 "basics" as students write it: Linear and Embedding modules by
# hand with nn.init.trunc_normal_ (std = sqrt(2 / (fan_in + fan_out)), truncated at +-3 std; embeddings N(0, 1)
# truncated at +-3), weights stored as (d_out, d_in), RMSNorm upcast to float32 and cast back, SwiGLU with
# d_ff = 8/3 d_model rounded to a multiple of 64, and loading reference weights with load_state_dict.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)

class Linear(nn.Module):
    def __init__(self, in_features, out_features, device=None, dtype=None):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_features, in_features, device=device, dtype=dtype))
        std = math.sqrt(2.0 / (in_features + out_features))
        nn.init.trunc_normal_(self.weight, mean=0.0, std=std, a=-3 * std, b=3 * std)

    def forward(self, x):
        return torch.einsum("...i,oi->...o", x, self.weight)

lin = Linear(6, 4)
print(lin)
print(lin.weight.shape, lin.weight.dtype, lin.weight.requires_grad)
print(lin.weight.abs().max() <= 3 * math.sqrt(2.0 / 10))
x = torch.randn(2, 3, 6)
y = lin(x)
print(y.shape, y.grad_fn)
print(torch.allclose(y, x @ lin.weight.T, atol=1e-6))
print([(n, p.shape) for n, p in lin.named_parameters()])

# %%
class Embedding(nn.Module):
    def __init__(self, num_embeddings, embedding_dim, device=None, dtype=None):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(num_embeddings, embedding_dim, device=device, dtype=dtype))
        nn.init.trunc_normal_(self.weight, mean=0.0, std=1.0, a=-3.0, b=3.0)

    def forward(self, token_ids):
        return self.weight[token_ids]

emb = Embedding(10, 4)
ids = torch.tensor([[1, 2, 2], [0, 9, 1]])
e = emb(ids)
print(e.shape, e.grad_fn)
e.sum().backward()
print(emb.weight.grad[:3])
try:
    emb(torch.tensor([10]))
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    emb(torch.tensor([1.0, 2.0]))
except Exception as ex:
    print(type(ex).__name__, ex)
print(emb.weight[torch.tensor([3, 3])].shape, emb.weight[torch.tensor(3)].shape)

# %%
class RMSNorm(nn.Module):
    def __init__(self, d_model, eps=1e-5, device=None, dtype=None):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d_model, device=device, dtype=dtype))

    def forward(self, x):
        in_dtype = x.dtype
        x = x.to(torch.float32)
        rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + self.eps)
        result = x / rms * self.weight
        return result.to(in_dtype)

norm = RMSNorm(6)
xs = torch.randn(2, 3, 6)
out = norm(xs)
print(out.dtype, out[0, 0])
print(torch.allclose(out, nn.functional.rms_norm(xs, (6,), norm.weight, eps=1e-5), atol=1e-6))
xb = xs.to(torch.bfloat16)
ob = norm(xb)
print(ob.dtype, ob[0, 0])
print(norm(xs.double()).dtype)
out.pow(2).sum().backward()
print(norm.weight.grad)
print(norm.state_dict())

# %%
def silu(x):
    return x * torch.sigmoid(x)

class SwiGLU(nn.Module):
    def __init__(self, d_model, d_ff=None):
        super().__init__()
        if d_ff is None:
            d_ff = int(8 / 3 * d_model)
            d_ff = 64 * ((d_ff + 63) // 64)
        self.w1 = Linear(d_model, d_ff)
        self.w2 = Linear(d_ff, d_model)
        self.w3 = Linear(d_model, d_ff)

    def forward(self, x):
        return self.w2(silu(self.w1(x)) * self.w3(x))

ffn = SwiGLU(16)
print(ffn.w1.weight.shape, ffn.w2.weight.shape)
print(sum(p.numel() for p in ffn.parameters()))
h = torch.randn(2, 4, 16)
o = ffn(h)
print(o.shape, torch.allclose(silu(h), nn.functional.silu(h), atol=1e-7))
o.mean().backward()
print(ffn.w3.weight.grad.shape, ffn.w2.weight.grad.abs().sum() > 0)

# %%
# load reference weights as the test adapters do
small = SwiGLU(4, d_ff=8)
ref = {"w1.weight": torch.randn(8, 4), "w2.weight": torch.randn(4, 8), "w3.weight": torch.randn(8, 4)}
print(small.load_state_dict(ref))
print(torch.equal(small.w1.weight, ref["w1.weight"]), small.w1.weight.requires_grad)
try:
    small.load_state_dict({"w1.weight": torch.randn(4, 8), "w2.weight": torch.randn(4, 8), "w3.weight": torch.randn(8, 4)})
except Exception as ex:
    print(type(ex).__name__, ex)
try:
    small.load_state_dict({"w1.weight": torch.randn(8, 4)})
except Exception as ex:
    print(type(ex).__name__, ex)
print(small.load_state_dict({"w1.weight": torch.randn(8, 4)}, strict=False))

# %%
# the modules take device= and dtype= as the handout asks: parameters made and initialised in bfloat16
torch.manual_seed(0)
lin16 = Linear(8, 4, dtype=torch.bfloat16)
emb16 = Embedding(20, 8, dtype=torch.bfloat16)
print(lin16.weight.dtype, lin16.weight[0])
print(emb16.weight[:2])
print(emb16.weight.abs().max() <= 3)
h16 = emb16(torch.tensor([[3, 1, 4]]))
out16 = lin16(h16)
print(out16.dtype, out16)
print(RMSNorm(8, dtype=torch.bfloat16)(h16).dtype)
w = torch.empty(5, 3, dtype=torch.float16)
print(nn.init.trunc_normal_(w, std=0.02, a=-0.06, b=0.06))
try:
    nn.init.orthogonal_(torch.empty(4, 4, dtype=torch.bfloat16))
except Exception as ex:
    print(type(ex).__name__, ex)
