# Imitates the nn.Module threads of the PyTorch forums: embedding indices past num_embeddings, an LSTM fed the wrong
# feature size or a wrongly shaped hidden state, an optimizer built from an empty or generator-consumed parameter list,
# load_state_dict with Missing/Unexpected keys and size mismatches, in-place ops whose result type cannot be cast,
# numpy object arrays turned into tensors; each mistake, then the fix.
import warnings
from collections import OrderedDict
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

def attempt(f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            out = f()
        for x in w:
            print("warning:", x.category.__name__, str(x.message)[:400])
        print("ok", out if not isinstance(out, torch.Tensor) else (out.shape, out.dtype, out.grad_fn))
    except Exception as e:
        print(type(e).__name__, e)

torch.manual_seed(0)
emb = nn.Embedding(10, 4)
attempt(lambda: emb(torch.tensor([1, 10])))
attempt(lambda: emb(torch.tensor([1, -1])))
attempt(lambda: emb(torch.tensor([1., 2.])))
attempt(lambda: emb(torch.tensor([1, 2], dtype=torch.int32)))
attempt(lambda: emb(torch.tensor([[1, 2], [3, 4]])))
attempt(lambda: emb([1, 2]))
attempt(lambda: emb(3))
attempt(lambda: emb(torch.tensor(3)))
attempt(lambda: nn.Embedding(10, 4, padding_idx=10))
attempt(lambda: nn.Embedding(10, 4, padding_idx=-1).padding_idx)
attempt(lambda: nn.Embedding(10, 4, padding_idx=-11))
attempt(lambda: F.embedding(torch.tensor([0, 3]), torch.randn(3, 2)))
attempt(lambda: F.one_hot(torch.tensor([0, 3]), 3))
attempt(lambda: F.one_hot(torch.tensor([0., 2.])))
attempt(lambda: F.one_hot(torch.tensor([0, -1])))
attempt(lambda: nn.Embedding.from_pretrained(torch.randn(5, 3))(torch.tensor([4])).requires_grad)
# %%
torch.manual_seed(1)
lstm = nn.LSTM(input_size=8, hidden_size=16, num_layers=2, batch_first=True)
x = torch.randn(4, 5, 8)
attempt(lambda: lstm(torch.randn(4, 5, 7)))
attempt(lambda: lstm(torch.randn(4, 8)))
attempt(lambda: lstm(torch.randn(4)))
attempt(lambda: lstm(torch.randn(2, 4, 5, 8)))
attempt(lambda: lstm(x, torch.zeros(2, 4, 16)))
attempt(lambda: lstm(x, (torch.zeros(1, 4, 16), torch.zeros(1, 4, 16))))
attempt(lambda: lstm(x, (torch.zeros(2, 5, 16), torch.zeros(2, 5, 16))))
attempt(lambda: lstm(x, (torch.zeros(2, 4, 16), torch.zeros(2, 4, 15))))
attempt(lambda: lstm(x, (torch.zeros(4, 16), torch.zeros(4, 16))))
attempt(lambda: lstm(x.double()))
attempt(lambda: lstm(x.long()))
out, (h, c) = lstm(x, (torch.zeros(2, 4, 16), torch.zeros(2, 4, 16)))
print(out.shape, h.shape, c.shape, out.grad_fn, h.grad_fn)
gru = nn.GRU(8, 16)
attempt(lambda: gru(x, (torch.zeros(1, 5, 16), torch.zeros(1, 5, 16))))
attempt(lambda: gru(x, torch.zeros(1, 4, 16)))
attempt(lambda: gru(x, torch.zeros(1, 5, 16))[1].shape)
rnn = nn.RNN(8, 3, nonlinearity='relu')
attempt(lambda: rnn(torch.randn(5, 8), torch.zeros(2, 3)))
attempt(lambda: nn.RNN(8, 3, nonlinearity='gelu'))
attempt(lambda: nn.LSTM(8, 3, proj_size=3))
attempt(lambda: nn.LSTM(8, 3, dropout=0.5))
attempt(lambda: nn.LSTMCell(8, 3)(torch.randn(2, 7)))
attempt(lambda: nn.LSTMCell(8, 3)(torch.randn(2, 8), torch.zeros(2, 3)))
attempt(lambda: nn.GRUCell(8, 3)(torch.randn(2, 8), torch.zeros(3, 3)))
# %%
torch.manual_seed(2)
class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(3, 4), nn.Linear(4, 1)]
    def forward(self, x):
        for l in self.layers: x = l(x)
        return x
m = Model()
attempt(lambda: torch.optim.SGD(m.parameters(), lr=0.1))
attempt(lambda: torch.optim.Adam([], lr=0.1))
attempt(lambda: torch.optim.SGD(nn.Linear(2, 2).parameters()))
attempt(lambda: torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=-1))
attempt(lambda: torch.optim.Adam(nn.Linear(2, 2).parameters(), betas=(1.0, 0.9)))
attempt(lambda: torch.optim.Adam(nn.Linear(2, 2).parameters(), eps=-1))
attempt(lambda: torch.optim.SGD(nn.Linear(2, 2), lr=0.1))
attempt(lambda: torch.optim.SGD(nn.Linear(2, 2).weight, lr=0.1))
attempt(lambda: torch.optim.SGD([torch.randn(2)], lr=0.1))
attempt(lambda: torch.optim.SGD([torch.randn(2, requires_grad=True) * 2], lr=0.1))
attempt(lambda: torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1, nesterov=True))
attempt(lambda: torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1, momentum=0.9, dampening=0.1, nesterov=True))
lin = nn.Linear(2, 2)
attempt(lambda: torch.optim.SGD([lin.weight, lin.weight], lr=0.1))
attempt(lambda: torch.optim.SGD([{'params': lin.weight}, {'params': [lin.weight, lin.bias]}], lr=0.1))
attempt(lambda: torch.optim.SGD([{'params': lin.weight}, {'param': lin.bias}], lr=0.1))
gen = lin.parameters(); opt = torch.optim.SGD(gen, lr=0.1)
attempt(lambda: torch.optim.Adam(gen, lr=0.1))
class Fixed(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(3, 4), nn.Linear(4, 1)])
    def forward(self, x):
        for l in self.layers: x = l(x)
        return x
f = Fixed(); opt = torch.optim.SGD(f.parameters(), lr=0.1)
print(len(list(f.parameters())), [k for k in f.state_dict()])
# %%
torch.manual_seed(3)
class Small(nn.Module):
    def __init__(self, h=4):
        super().__init__()
        self.fc = nn.Linear(3, h)
        self.out = nn.Linear(h, 2)
    def forward(self, x): return self.out(self.fc(x).relu())
a, b = Small(), Small(5)
sd = a.state_dict()
attempt(lambda: b.load_state_dict(sd))
attempt(lambda: a.load_state_dict({'module.' + k: v for k, v in sd.items()}))
attempt(lambda: a.load_state_dict({'module.' + k: v for k, v in sd.items()}, strict=False))
attempt(lambda: a.load_state_dict({k: v for k, v in sd.items() if 'out' not in k}))
attempt(lambda: a.load_state_dict(dict(sd, extra=torch.zeros(1))))
attempt(lambda: a.load_state_dict({k: v.double() for k, v in sd.items()}))
attempt(lambda: a.load_state_dict({k: v.tolist() for k, v in sd.items()}))
attempt(lambda: a.load_state_dict({k: v.numpy() for k, v in sd.items()}))
attempt(lambda: a.load_state_dict(sd.items()))
attempt(lambda: a.load_state_dict(a))
attempt(lambda: b.load_state_dict(sd, strict=False))
attempt(lambda: a.load_state_dict(OrderedDict((k.replace('fc', 'fc1'), v) for k, v in sd.items())))
r = a.load_state_dict(sd); print(r, r.missing_keys, type(r).__name__)
# %%
torch.manual_seed(4)
i = torch.tensor([1, 2, 3])
attempt(lambda: i.add_(0.5))
attempt(lambda: i.mul_(1.5))
attempt(lambda: i.div_(2))
attempt(lambda: i.div_(2, rounding_mode='floor'))
attempt(lambda: torch.add(i, 0.5, out=torch.empty(3, dtype=torch.long)))
attempt(lambda: i.float().add_(i).dtype)
attempt(lambda: torch.tensor([True, False]).add_(1))
attempt(lambda: torch.zeros(3, dtype=torch.uint8).sub_(torch.tensor([1., 2., 3.])))
attempt(lambda: i.clamp_(0.5, 2.5))
attempt(lambda: i.sqrt_())
attempt(lambda: i.mean())
attempt(lambda: i.float().mean(dtype=torch.long))
attempt(lambda: i.std())
attempt(lambda: torch.randn(3).masked_fill_(torch.tensor([1, 0, 1]), 0))
attempt(lambda: torch.tensor(np.array([1, 'a'], dtype=object)))
attempt(lambda: torch.tensor(np.array([[1, 2], [3]], dtype=object)))
attempt(lambda: torch.from_numpy(np.array([1.0, 2.0], dtype=object)))
attempt(lambda: torch.tensor(np.array([1.0, 2.0], dtype=object)))
attempt(lambda: torch.tensor([[1, 2], [3]]))
attempt(lambda: torch.tensor([torch.tensor(1.), torch.tensor(2.)]))
attempt(lambda: torch.tensor([torch.randn(2), torch.randn(2)]))
attempt(lambda: torch.tensor(['a', 'b']))
attempt(lambda: torch.from_numpy([1, 2]))
attempt(lambda: torch.from_numpy(np.array(['a'])))
attempt(lambda: torch.FloatTensor([1, 2]).dtype)
attempt(lambda: torch.LongTensor([1.5, 2]).tolist())
attempt(lambda: torch.Tensor(2.5))
attempt(lambda: torch.tensor(np.float64(2.5)).dtype)
attempt(lambda: torch.as_tensor([np.float32(1), 2]).dtype)
