# Imitates "Swin Transformer from scratch" notebooks: window partition / reverse with view + permute + contiguous,
# the cyclic shift by torch.roll and its attention mask from region ids (masked_fill with -100.0), a relative
# position bias table indexed by a meshgrid/flatten/permute buffer registered with persistent=False.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, H, W, C, ws = 2, 4, 4, 3, 2


def window_partition(x, ws):
    B, H, W, C = x.shape
    x = x.view(B, H // ws, ws, W // ws, ws, C)
    return x.permute(0, 1, 3, 2, 4, 5).contiguous().view(-1, ws, ws, C)


def window_reverse(windows, ws, H, W):
    B = int(windows.shape[0] / (H * W / ws / ws))
    x = windows.view(B, H // ws, W // ws, ws, ws, -1)
    return x.permute(0, 1, 3, 2, 4, 5).contiguous().view(B, H, W, -1)


x = torch.randn(B, H, W, C, requires_grad=True)
p = x.view(B, H // ws, ws, W // ws, ws, C).permute(0, 1, 3, 2, 4, 5)
print(p.shape, p.stride(), p.is_contiguous(), p.grad_fn)
win = window_partition(x, ws)
print(win.shape, win.stride(), win.grad_fn, win.grad_fn.next_functions)
back = window_reverse(win, ws, H, W)
print(back.shape, torch.equal(back, x), back.grad_fn)

# %%
# the mistake: view after permute without contiguous
try:
    x.view(B, H // ws, ws, W // ws, ws, C).permute(0, 1, 3, 2, 4, 5).view(-1, ws, ws, C)
except RuntimeError as e:
    print(type(e).__name__, e)
r = x.view(B, H // ws, ws, W // ws, ws, C).permute(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)
print(r.shape, r.stride(), r.grad_fn)

# %%
shift = 1
shifted = torch.roll(x, shifts=(-shift, -shift), dims=(1, 2))
print(shifted.shape, shifted.stride(), shifted.grad_fn)
print(shifted[0, :, :, 0])
print(torch.roll(x, -1)[0, 0], x.roll(1, 0).grad_fn)
unshift = torch.roll(shifted, shifts=(shift, shift), dims=(1, 2))
print(torch.equal(unshift, x))

# %%
try:
    torch.roll(x, shifts=(1, 1), dims=(1,))
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
img_mask = torch.zeros((1, H, W, 1))
cnt = 0
for h in (slice(0, -ws), slice(-ws, -shift), slice(-shift, None)):
    for w in (slice(0, -ws), slice(-ws, -shift), slice(-shift, None)):
        img_mask[:, h, w, :] = cnt
        cnt += 1
print(img_mask[0, :, :, 0])
mask_windows = window_partition(img_mask, ws).view(-1, ws * ws)
attn_mask = mask_windows.unsqueeze(1) - mask_windows.unsqueeze(2)
attn_mask = attn_mask.masked_fill(attn_mask != 0, float(-100.0)).masked_fill(attn_mask == 0, float(0.0))
print(attn_mask.shape, attn_mask.dtype)
print(attn_mask)

# %%
class WindowAttention(nn.Module):
    def __init__(self, dim, ws, heads):
        super().__init__()
        self.ws, self.heads = ws, heads
        self.scale = (dim // heads) ** -0.5
        self.relative_position_bias_table = nn.Parameter(torch.zeros((2 * ws - 1) * (2 * ws - 1), heads))
        coords = torch.stack(torch.meshgrid([torch.arange(ws), torch.arange(ws)], indexing="ij"))
        coords_flatten = torch.flatten(coords, 1)
        rel = coords_flatten[:, :, None] - coords_flatten[:, None, :]
        rel = rel.permute(1, 2, 0).contiguous()
        rel[:, :, 0] += ws - 1
        rel[:, :, 1] += ws - 1
        rel[:, :, 0] *= 2 * ws - 1
        self.register_buffer("relative_position_index", rel.sum(-1), persistent=False)
        self.qkv = nn.Linear(dim, dim * 3)
        self.proj = nn.Linear(dim, dim)
        nn.init.trunc_normal_(self.relative_position_bias_table, std=.02)

    def forward(self, x, mask=None):
        B_, N, C = x.shape
        qkv = self.qkv(x).reshape(B_, N, 3, self.heads, C // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)
        attn = (q * self.scale) @ k.transpose(-2, -1)
        bias = self.relative_position_bias_table[self.relative_position_index.view(-1)].view(N, N, -1)
        attn = attn + bias.permute(2, 0, 1).contiguous().unsqueeze(0)
        if mask is not None:
            nW = mask.shape[0]
            attn = attn.view(B_ // nW, nW, self.heads, N, N) + mask.unsqueeze(1).unsqueeze(0)
            attn = attn.view(-1, self.heads, N, N)
        attn = attn.softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(B_, N, C)), attn


torch.manual_seed(1)
wa = WindowAttention(4, ws, 2)
print(wa.relative_position_index, wa.relative_position_index.dtype)
print(list(wa.state_dict().keys()))
print([n for n, _ in wa.named_buffers()])
print(wa.relative_position_bias_table)

# %%
torch.manual_seed(2)
xs = torch.randn(B, H, W, 4, requires_grad=True)
sh = torch.roll(xs, shifts=(-shift, -shift), dims=(1, 2))
wins = window_partition(sh, ws).view(-1, ws * ws, 4)
out, attn = wa(wins, mask=attn_mask)
print(out.shape, out.grad_fn, attn.grad_fn)
print(attn[0, 0])
print(attn[-1, 1])
y = torch.roll(window_reverse(out.view(-1, ws, ws, 4), ws, H, W), shifts=(shift, shift), dims=(1, 2))
y.pow(2).sum().backward()
print(xs.grad[0, 0])
print(wa.relative_position_bias_table.grad)
print(wa.qkv.weight.grad[:2])
