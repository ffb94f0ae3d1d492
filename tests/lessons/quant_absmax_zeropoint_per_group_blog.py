# Imitates a "quantization from scratch" blog / course notebook: absmax and zero-point int8 quantisation of weights
# and activations, per-tensor, per-channel (amax over dims, keepdim) and per-group scales, error statistics.
import torch
torch.manual_seed(0)

# %%
def absmax_quantize(X):
    scale = 127 / torch.max(torch.abs(X))
    X_quant = (scale * X).round()
    X_dequant = X_quant / scale
    return X_quant.to(torch.int8), X_dequant

def zeropoint_quantize(X):
    x_range = torch.max(X) - torch.min(X)
    x_range = 1 if x_range == 0 else x_range
    scale = 255 / x_range
    zeropoint = (-scale * torch.min(X) - 128).round()
    X_quant = torch.clip((X * scale + zeropoint).round(), -128, 127)
    X_dequant = (X_quant - zeropoint) / scale
    return X_quant.to(torch.int8), X_dequant

W = torch.randn(4, 6) * 0.5
q_abs, dq_abs = absmax_quantize(W)
q_zp, dq_zp = zeropoint_quantize(W)
print(q_abs)
print(q_zp)
print(q_abs.dtype, q_zp.dtype, dq_abs.dtype)
print((W - dq_abs).abs().mean(), (W - dq_zp).abs().mean())
print(torch.allclose(W, dq_abs, atol=0.02))

# %%
# per-channel (per output row) scales
scales = W.abs().amax(dim=1, keepdim=True) / 127
print(scales.shape, scales.squeeze())
Wq = torch.clamp(torch.round(W / scales), -127, 127).to(torch.int8)
print(Wq)
Wdq = Wq.to(torch.float32) * scales
err = (W - Wdq)
print(err.abs().max(dim=1))
print(err.pow(2).mean().sqrt(), err.abs().max().item() <= scales.max().item() / 2 + 1e-7)

# %%
# per-group: groups of 3 along the input dimension
group_size = 3
Wg = W.reshape(W.shape[0], -1, group_size)
print(Wg.shape)
gscale = Wg.abs().amax(dim=-1, keepdim=True).clamp(min=1e-8) / 7
Wg_q = (Wg / gscale).round().clamp(-8, 7)
print(Wg_q.to(torch.int8).view(4, 6))
Wg_dq = (Wg_q * gscale).reshape_as(W)
print(gscale.squeeze(-1))
print(((W - Wg_dq) ** 2).mean(), ((W - Wdq) ** 2).mean())

# %%
# asymmetric per-channel for activations (unsigned 8 bit)
X = torch.relu(torch.randn(5, 6)) + 0.1
xmin = X.amin(dim=0, keepdim=True)
xmax = X.amax(dim=0, keepdim=True)
s = (xmax - xmin) / 255
z = torch.round(-xmin / s).to(torch.int32)
Xq = torch.clamp(torch.round(X / s) + z, 0, 255).to(torch.uint8)
print(Xq.dtype, Xq.min(), Xq.max(), z)
Xdq = (Xq.to(torch.int32) - z).to(torch.float32) * s
print((X - Xdq).abs().amax(dim=0))
print(torch.aminmax(X, dim=1))

# %%
# error statistics
def snr_db(x, xq):
    return 10 * torch.log10(x.pow(2).sum() / (x - xq).pow(2).sum())

print(snr_db(W, dq_abs), snr_db(W, Wdq), snr_db(W, Wg_dq))
print(torch.nn.functional.mse_loss(Wdq, W), torch.nn.functional.cosine_similarity(W.flatten(), Wdq.flatten(), dim=0))
rel = (W - Wdq).norm() / W.norm()
print(f"relative error: {rel:.4%}")
print(torch.histc((W - Wdq).flatten(), bins=5))

# %%
# casting without clipping is a classic bug
v = torch.tensor([130.6, -140.2, 127.5, -128.5, 255.0])
print(v.round(), v.round().to(torch.int8), v.to(torch.int8))
print(torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, -2.5])))
print(torch.round(torch.tensor([1.2345, 12.345]), decimals=2))

# %%
q_abs + q_abs

# %%
q_abs.float().mean(), q_abs.to(torch.int32).sum(dim=1)

# %%
q_abs.mean()

# %%
torch.clamp(q_abs, -5, 5), q_abs.clamp(min=torch.tensor(0, dtype=torch.int8))

# %%
q_abs / 2

# %%
q_abs // 3, q_abs % 5, q_abs.abs().max()

# %%
Wq.to(torch.float16) * scales.half()
