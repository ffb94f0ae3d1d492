# Imitates a symbolic-music tutorial: piano-roll tensors (time x pitch), MIDI-like event tokens
# (NOTE_ON / NOTE_OFF / TIME_SHIFT), F.one_hot encodings and their errors, beat/position encodings with sin/cos.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)
T, P = 16, 12
roll = torch.zeros(T, P, dtype=torch.uint8)
notes = [(0, 4, 0), (4, 8, 4), (8, 16, 7), (2, 6, 11)]   # (start, end, pitch)
for s, e, p in notes:
    roll[s:e, p] = 1
print(roll.shape, roll.dtype, roll.sum(), roll.sum(0), roll.sum(1))
onsets = torch.diff(roll.to(torch.int16), dim=0, prepend=torch.zeros(1, P, dtype=torch.int16))
print(onsets.dtype, (onsets == 1).nonzero().tolist())
print((onsets == -1).nonzero(as_tuple=True))
print(roll.bool().any(1), roll.float().mean(0))
print(roll.T.flip(0)[:4])

# %%
# events: 0..11 note_on, 12..23 note_off, 24..31 time_shift(1..8)
NOTE_ON, NOTE_OFF, SHIFT = 0, 12, 24
events = []
for t in range(T):
    on = (onsets[t] == 1).nonzero().flatten()
    off = (onsets[t] == -1).nonzero().flatten()
    events += [NOTE_OFF + int(p) for p in off] + [NOTE_ON + int(p) for p in on] + [SHIFT]
tokens = torch.tensor(events)
print(tokens, tokens.dtype, len(tokens))
print(torch.bincount(tokens, minlength=32))
print(torch.unique(tokens, return_counts=True))
oh = F.one_hot(tokens, num_classes=32)
print(oh.shape, oh.dtype, oh.sum(0))
print(F.one_hot(tokens[:5]).shape)
print(F.one_hot(torch.tensor(3), 5), F.one_hot(torch.tensor([], dtype=torch.long), 4).shape)

# %%
for bad in (tokens.float(), tokens.int(), torch.tensor([0, 40])):
    try:
        print(F.one_hot(bad, 32).shape)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.one_hot(torch.tensor([-1, 2]), 4)
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(torch.tensor([], dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)
try:
    F.one_hot(tokens, num_classes=0)
except Exception as e:
    print(type(e).__name__, e)

# %%
# beat / bar position encoding
steps_per_beat, beats_per_bar = 4, 4
pos = torch.arange(T)
beat = pos // steps_per_beat
sub = pos % steps_per_beat
bar = pos // (steps_per_beat * beats_per_bar)
print(beat, sub, bar)
phase = 2 * math.pi * sub.float() / steps_per_beat
enc = torch.stack([torch.sin(phase), torch.cos(phase)], dim=-1)
print(enc[:6])
d = 8
div = torch.exp(torch.arange(0, d, 2).float() * (-math.log(10000.0) / d))
pe = torch.zeros(T, d)
pe[:, 0::2] = torch.sin(pos.unsqueeze(1) * div)
pe[:, 1::2] = torch.cos(pos.unsqueeze(1) * div)
print(pe[:3], pe.dtype)
print(torch.sin(pos.unsqueeze(1) * div).dtype)
x = torch.linspace(0, 1, 5, requires_grad=True)
y = (torch.sin(2 * math.pi * x) * torch.cos(math.pi * x)).sum()
y.backward()
print(y, x.grad)
