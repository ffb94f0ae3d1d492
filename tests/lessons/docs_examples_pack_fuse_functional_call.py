# Imitates the Examples blocks of the PyTorch documentation pages for torch.nn.utils.rnn (pad_sequence,
# pack_sequence, pack_padded_sequence, pad_packed_sequence), torch.nn.utils.fuse_conv_bn_eval /
# fuse_linear_bn_eval and torch.nn.utils.stateless / torch.func.functional_call, typed by a learner and extended:
# packed batches through an LSTM with gradients, the fused modules' outputs, and the errors for wrong arguments.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence, pack_sequence, pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)

# %%
a = torch.ones(25, 300); b = torch.ones(22, 300); c = torch.ones(15, 300)
print(pad_sequence([a, b, c]).size())
seq = torch.tensor([[1, 2, 0], [3, 0, 0], [4, 5, 6]])
lens = [2, 1, 3]
packed = pack_padded_sequence(seq, lens, batch_first=True, enforce_sorted=False)
print(packed)
seq_unpacked, lens_unpacked = pad_packed_sequence(packed, batch_first=True)
print(seq_unpacked, lens_unpacked)
print(pad_packed_sequence(packed, batch_first=True, total_length=5, padding_value=-1))

# %%
x = torch.tensor([1, 2, 3]); y = torch.tensor([4, 5]); z = torch.tensor([6])
p = pack_sequence([x, y, z])
print(p, p.is_cuda, p.data.dtype)
print(pack_sequence([y, x, z], enforce_sorted=False))
print(p.float().data, p.to(torch.float64).batch_sizes)

# %%
torch.manual_seed(1)
lstm = nn.LSTM(3, 4, batch_first=True)
xs = torch.randn(3, 4, 3, requires_grad=True)
packed = pack_padded_sequence(xs, torch.tensor([4, 2, 3]), batch_first=True, enforce_sorted=False)
out, (h, c) = lstm(packed)
print(type(out).__name__, out.data.shape, out.batch_sizes, out.sorted_indices, out.unsorted_indices)
unp, l = pad_packed_sequence(out, batch_first=True)
print(unp, l)
print(h)
(unp.sum() + h.pow(2).sum()).backward()
print(xs.grad)
print(packed.data.grad_fn.name(), unp.grad_fn.name())

# %%
def attempt(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: pack_padded_sequence(seq, [1, 2, 3], batch_first=True))
attempt(lambda: pack_padded_sequence(seq, [2, 0, 3], batch_first=True, enforce_sorted=False))
attempt(lambda: pack_padded_sequence(seq, [2, 1], batch_first=True, enforce_sorted=False))
attempt(lambda: pack_padded_sequence(seq, [4, 1, 1], batch_first=True))
attempt(lambda: pad_packed_sequence(pack_sequence([x, y]), total_length=2))
attempt(lambda: pad_sequence([torch.ones(2, 3), torch.ones(2, 4)]))
attempt(lambda: pad_sequence([]))
attempt(lambda: pack_sequence([y, x]))
attempt(lambda: pad_sequence([x, y], padding_side='middle'))
attempt(lambda: pad_sequence([x, y.float()]))

# %%
torch.manual_seed(2)
conv = nn.Conv2d(2, 3, 3, padding=1).eval()
bn = nn.BatchNorm2d(3).eval()
bn.running_mean.uniform_(-1, 1); bn.running_var.uniform_(0.5, 2.0)
bn.weight.data.uniform_(0.5, 1.5); bn.bias.data.uniform_(-0.2, 0.2)
fused = torch.nn.utils.fuse_conv_bn_eval(conv, bn)
inp = torch.randn(1, 2, 4, 4)
print(fused)
print(fused.weight.requires_grad, fused.bias.shape)
print(torch.allclose(fused(inp), bn(conv(inp)), atol=1e-5))
print(fused.bias)
w, b = torch.nn.utils.fuse_conv_bn_weights(conv.weight, None, bn.running_mean, bn.running_var, bn.eps, bn.weight, bn.bias)
print(type(w).__name__, b)
lin = nn.Linear(3, 2).eval(); bn1 = nn.BatchNorm1d(2).eval()
fl = torch.nn.utils.fuse_linear_bn_eval(lin, bn1)
print(fl.weight, fl.bias)
try:
    torch.nn.utils.fuse_conv_bn_eval(conv.train(), bn)
except Exception as e:
    print(type(e).__name__, e)

# %%
from torch.func import functional_call
torch.manual_seed(3)
model = nn.Linear(3, 2)
params = {'weight': torch.ones(2, 3, requires_grad=True), 'bias': torch.zeros(2)}
inp = torch.randn(4, 3)
out = functional_call(model, params, (inp,))
print(out, out.grad_fn.name())
out.sum().backward()
print(params['weight'].grad, model.weight.grad)
print(torch.nn.utils.stateless.functional_call(model, {'bias': torch.ones(2)}, inp))
try:
    functional_call(model, {'weight': torch.ones(2, 3), 'nope': torch.ones(1)}, (inp,), strict=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    functional_call(model, {'weight': torch.ones(2, 3)}, (inp,), strict=True)
except Exception as e:
    print(type(e).__name__, e)
print(functional_call(model, ({'weight': torch.zeros(2, 3)}, {'bias': torch.ones(2)}), inp))
print(functional_call(model, params, args=(), kwargs={'input': inp}).shape)
