# Imitates a genomics lesson on motif scanning by hand (DNA one-hot with F.one_hot + permute, reverse complement
# with torch.flip on both dims, a position weight matrix turned into log-odds and scanned with F.conv1d using
# padding='valid' / 'same' and dilation, the best motif position by argmax, global max/avg pooling, GC content and
# sliding-window means), on small random sequences.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
ALPHABET = "ACGT"
idx = {c: i for i, c in enumerate(ALPHABET)}
seqs = ["ACGTTGCAAGGCTTAC", "TTGACGTCAAGCTAGC", "GGGCCCATATTAGCAA"]
tokens = torch.tensor([[idx[c] for c in s] for s in seqs])
print(tokens.shape, tokens.dtype)

# %%
onehot = F.one_hot(tokens, num_classes=4)
print(onehot.shape, onehot.dtype, onehot[0, :4])
x = onehot.permute(0, 2, 1).float()
print(x.shape, x.is_contiguous(), x.stride())
print(x[0])

# %%
# reverse complement: flip the positions and swap A<->T, C<->G (the channel order ACGT makes that a flip too)
rc = torch.flip(x, dims=[1, 2])
print(rc[0])
back = rc.argmax(dim=1)
print("".join(ALPHABET[i] for i in back[0].tolist()))
print(torch.equal(torch.flip(rc, dims=(1, 2)), x))
print(x.flip(-1).flip(-2).equal(rc))

# %%
counts = torch.tensor([[3., 0., 1., 8.], [0., 9., 1., 2.], [6., 1., 1., 1.], [1., 1., 9., 0.], [2., 2., 2., 3.]])
pfm = counts + 0.25
ppm = pfm / pfm.sum(dim=1, keepdim=True)
background = torch.full((4,), 0.25)
log_odds = torch.log2(ppm / background)
print(ppm)
print(log_odds)
print(log_odds.sum(1), log_odds.max(1))

# %%
weight = log_odds.T.unsqueeze(0)  # (out=1, in=4, k=5)
print(weight.shape)
scores = F.conv1d(x, weight)
print(scores.shape)
print(scores)
best = scores.squeeze(1).argmax(dim=1)
print(best, scores.squeeze(1).max(dim=1))
same = F.conv1d(x, weight, padding="same")
print(same.shape, same[0, 0])
dil = F.conv1d(x, weight, dilation=2)
print(dil.shape, dil[:, 0])
dil_same = F.conv1d(x, weight, padding="same", dilation=2)
print(dil_same.shape, dil_same[1])

# %%
both = torch.cat([weight, torch.flip(weight, dims=[1, 2])], dim=0)
s2 = F.conv1d(x, both)
print(s2.shape)
print(s2.amax(dim=-1))
print(s2.amax(dim=(1, 2)))
print(F.adaptive_max_pool1d(s2, 1).squeeze(-1))
vals, where = F.adaptive_max_pool1d(s2, 1, return_indices=True)
print(vals.shape, where.squeeze(-1))
print(F.adaptive_avg_pool1d(s2, 1).squeeze(-1), s2.mean(-1))
print(F.max_pool1d(s2, kernel_size=3, stride=3))
print(F.max_pool1d(s2, kernel_size=3, stride=3, ceil_mode=True).shape)

# %%
gc = x[:, 1:3].sum(dim=1)
print(gc.mean(dim=1))
window = torch.ones(1, 1, 4) / 4
print(F.conv1d(gc.unsqueeze(1), window).squeeze(1))
print(gc.unfold(1, 4, 2).mean(-1))
print(F.avg_pool1d(gc.unsqueeze(1), 4, stride=1).squeeze(1))
print(gc.cumsum(1)[:, 3:] - F.pad(gc.cumsum(1), (1, 0))[:, :-4])

# %%
# mistakes: channels-last input, integer input, one_hot of an out-of-range index
try:
    F.conv1d(onehot.float(), weight)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv1d(onehot.permute(0, 2, 1), weight)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(torch.tensor([0, 1, 4]), num_classes=4)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(torch.tensor([0, -1, 2]))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(torch.tensor([0., 1.]), num_classes=4)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv1d(x, weight, padding="same", stride=2)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.conv1d(x, weight, padding="full")
except Exception as e:
    print(type(e).__name__, e)
print(F.one_hot(torch.tensor([2, 0, 1])))
print(F.one_hot(torch.tensor([], dtype=torch.long), num_classes=3).shape)
