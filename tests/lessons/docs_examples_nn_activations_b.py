# Imitates the "Examples" blocks of PyTorch's torch.nn pages for nn.Softmin, nn.Softmax2d, nn.LogSoftmax, nn.GLU,
# nn.Mish, nn.Hardswish, nn.Hardsigmoid, nn.SiLU, nn.GELU(approximate='tanh') and nn.MultiheadAttention's example
# shapes, typed in as a learner copies them (seeded randn), with the rrelu bounds checked in every mode, the
# in-place forms' grad_fn and gradients, and the errors of wrong dims, dtypes and shapes.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)


# %%
torch.manual_seed(0)
m = nn.Softmin(dim=1)
input = torch.randn(2, 3, requires_grad=True)
output = m(input)
print(m, output)
m = nn.Softmax2d()
input = torch.randn(2, 3, 12, 13)
output = m(input)
print(m, output.shape, output[0, :, 0, 0], output.sum(1)[0, 0, :3])
print(m(torch.randn(3, 2, 2)))
attempt(lambda: m(torch.randn(3, 2)))
attempt(lambda: m(torch.randn(1, 3, 2, 2, 2)))
m = nn.LogSoftmax(dim=1)
input = torch.randn(2, 3, requires_grad=True)
output = m(input)
print(m, output)
output.sum().backward(); print(input.grad)
print(nn.Softmax(), nn.Softmax(dim=-1), nn.Softmin(), nn.LogSoftmax())
print(nn.Softmax()(torch.randn(2, 3)), nn.Softmin()(torch.randn(3)), nn.LogSoftmax()(torch.randn(2, 2, 2)))


# %%
torch.manual_seed(1)
m = nn.GLU()
input = torch.randn(4, 2, requires_grad=True)
output = m(input)
print(m, output, output.grad_fn)
output.sum().backward(); print(input.grad)
print(nn.GLU(dim=0)(torch.randn(4, 3)))
attempt(lambda: nn.GLU()(torch.randn(4, 3)))
attempt(lambda: nn.GLU()(torch.tensor(1.)))
attempt(lambda: nn.GLU()(torch.ones(4, 2, dtype=torch.long)))
attempt(lambda: nn.GLU(dim=3)(torch.ones(4, 2)))


# %%
torch.manual_seed(2)
x = torch.linspace(-4, 4, 9, requires_grad=True)
for mod in [nn.Mish(), nn.Hardswish(), nn.Hardsigmoid(), nn.SiLU(), nn.GELU(), nn.GELU(approximate='tanh'), nn.GELU('none'),
            nn.SiLU(inplace=True), nn.Mish(inplace=False), nn.Hardswish(True), nn.LeakyReLU(0.2), nn.Sigmoid(), nn.Tanh(), nn.ReLU(inplace=True), nn.Softplus(beta=2, threshold=10)]:
    out = mod(x * 1)
    print(mod, out, out.grad_fn, sep="\n")
    g, = torch.autograd.grad(out.sum(), x)
    print(g)
attempt(lambda: nn.GELU(approximate='fast')(x))
attempt(lambda: nn.GELU(approximate=None)(x))
for mod in [nn.Mish(), nn.Hardswish(), nn.Hardsigmoid(), nn.SiLU(), nn.GELU(), nn.GELU(approximate='tanh')]:
    attempt(lambda: mod(torch.tensor([1, 2])))
    print(mod(torch.tensor([1., 2.], dtype=torch.float64)))


# %%
torch.manual_seed(3)
embed_dim, num_heads = 8, 2
multihead_attn = nn.MultiheadAttention(embed_dim, num_heads)
print(multihead_attn)
query = torch.randn(5, 3, embed_dim); key = torch.randn(4, 3, embed_dim); value = torch.randn(4, 3, embed_dim)
attn_output, attn_output_weights = multihead_attn(query, key, value)
print(attn_output.shape, attn_output_weights.shape, attn_output.grad_fn, attn_output_weights.grad_fn)
a, w = multihead_attn(query, key, value, average_attn_weights=False)
print(a.shape, w.shape)
a, w = multihead_attn(query, key, value, need_weights=False)
print(a.shape, w)
m2 = nn.MultiheadAttention(embed_dim, num_heads, batch_first=True, kdim=6, vdim=5, dropout=0.1, bias=False)
print(m2, [ (n, p.shape) for n, p in m2.named_parameters()])
a, w = m2(torch.randn(3, 5, 8), torch.randn(3, 4, 6), torch.randn(3, 4, 5))
print(a.shape, w.shape)
attempt(lambda: nn.MultiheadAttention(10, 3))
attempt(lambda: multihead_attn(torch.randn(5, 3, 7), key, value))
attempt(lambda: multihead_attn(query, torch.randn(4, 2, 8), value))
attempt(lambda: multihead_attn(query, key, value, key_padding_mask=torch.zeros(3, 5, dtype=torch.bool)))
a, w = multihead_attn(query, key, value, key_padding_mask=torch.tensor([[False]*3+[True]]*3))
print(w[0])
a.sum().backward()
print(multihead_attn.in_proj_weight.grad.shape, multihead_attn.out_proj.bias.grad)

# %%
torch.manual_seed(7)
x = torch.randn(4, requires_grad=True)
attempt(lambda: nn.ReLU(inplace=True)(x))
attempt(lambda: nn.Threshold(0.1, 20, inplace=True)(x))
attempt(lambda: nn.Hardtanh(inplace=True)(x))
attempt(lambda: nn.SELU(inplace=True)(x))
attempt(lambda: nn.SiLU(inplace=True)(x))
attempt(lambda: nn.Mish(inplace=True)(x))
attempt(lambda: nn.Hardswish(inplace=True)(x))
attempt(lambda: nn.Hardsigmoid(inplace=True)(x))
attempt(lambda: nn.CELU(inplace=True)(x))
attempt(lambda: nn.RReLU(inplace=True)(x))
attempt(lambda: nn.LeakyReLU(inplace=True)(x))
attempt(lambda: nn.ELU(inplace=True)(x))
y = x * 1
for m in [nn.Threshold(0.1, 20, inplace=True), nn.Hardtanh(inplace=True), nn.SELU(inplace=True), nn.SiLU(inplace=True), nn.Mish(inplace=True), nn.Hardswish(inplace=True), nn.Hardsigmoid(inplace=True), nn.CELU(inplace=True), nn.RReLU(inplace=True), nn.ELU(inplace=True), nn.ReLU6(inplace=True)]:
    y = x * 1
    z = m(y); print(m, z is y, z, z.grad_fn)
    g, = torch.autograd.grad(z.sum(), x); print(g)
x = torch.randn(4, requires_grad=True)
for th in [nn.Threshold(0.1, 20, inplace=True), nn.Threshold(0.1, 0.05, inplace=True), nn.Threshold(0.1, -3.0, inplace=True)]:
    y = x * 1
    z = th(y)
    g, = torch.autograd.grad(z.sum(), x); print(z, g)
    z = torch.threshold_(x * 1, 0.1, 20); g, = torch.autograd.grad(z.sum(), x); print(g)
    z = torch.threshold(x * 1, 0.1, 20); g, = torch.autograd.grad(z.sum(), x); print(g)

# %%
torch.manual_seed(0)
x = torch.randn(4, requires_grad=True)
m = nn.RReLU(inplace=True)
print(m(x * 1))
print(torch.randn(2))
torch.manual_seed(0)
x = torch.randn(4, requires_grad=True)
print(nn.RReLU()(x))
print(torch.randn(2))
torch.manual_seed(0)
x = torch.randn(4, requires_grad=True)
attempt(lambda: m(x))
print(torch.randn(2))
