# Imitates a notebook on formatting tensors in reports: f-strings with format specs on one-element and bigger tensors,
# %-formatting, round/float/int/bool conversions and their errors, numpy interop results, nn.Parameter in f-strings,
# and sparse COO tensors of every dtype printed (with the default dtype float32 and float64).
import torch
import numpy as np
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(f"{torch.tensor(7):.2f}", f"{torch.tensor(True)}", f"{torch.tensor(3):>6}", f"{torch.tensor(2.5):e}", f"{torch.tensor(2.5):%}")
attempt(lambda: f"{torch.tensor(True):d}")
attempt(lambda: f"{torch.tensor(3.7):d}")
attempt(lambda: f"{torch.tensor([1.5]):.2f}")
attempt(lambda: f"{torch.tensor([[[1.5]]]):.2f}")
attempt(lambda: f"{torch.tensor([1, 2]):d}")
attempt(lambda: f"{torch.tensor(1.5, requires_grad=True) * 2:.3f}")
attempt(lambda: f"{torch.tensor(1+2j):.2f}")
attempt(lambda: f"{torch.tensor(1.5, dtype=torch.bfloat16):.5f}")
attempt(lambda: format(torch.tensor([1., 2.]), ''))
attempt(lambda: format(torch.tensor([1., 2.]), 's'))
attempt(lambda: f"{torch.tensor([1., 2.])!r:>5}")
attempt(lambda: f"{torch.Size([2, 3])}")
attempt(lambda: f"{torch.float32:>20}")
attempt(lambda: f"{torch.float32!s:>20}")
attempt(lambda: f"{torch.device('cpu'):>8}")
attempt(lambda: "%.2f" % torch.tensor(1.5))
attempt(lambda: "%d" % torch.tensor(3))
attempt(lambda: "%s" % torch.tensor([1, 2]))
attempt(lambda: "%.2f" % torch.tensor([1.5]))
attempt(lambda: "%.2f" % torch.tensor([1.5, 2.]))
attempt(lambda: "%d" % torch.tensor(3.9))
attempt(lambda: "{:.2f}".format(torch.tensor(1/3)))
attempt(lambda: round(torch.tensor(1.567), 2))
attempt(lambda: round(torch.tensor(1.567)))
attempt(lambda: round(torch.tensor([1.567, 2.5])))
attempt(lambda: round(torch.tensor(7), 1))
# %%
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: float(torch.tensor([1., 2.])))
attempt(lambda: int(torch.tensor(2.7)))
attempt(lambda: int(torch.tensor([])))
attempt(lambda: bool(torch.tensor([1, 2])))
attempt(lambda: bool(torch.tensor([])))
attempt(lambda: torch.tensor([1., 2.]).item())
attempt(lambda: complex(torch.tensor(1.5)))
attempt(lambda: float(torch.tensor(1+2j)))
attempt(lambda: int(torch.tensor(float('nan'))))
attempt(lambda: int(torch.tensor(float('inf'))))
attempt(lambda: torch.tensor([1, 2]).__index__())
attempt(lambda: [1, 2, 3][torch.tensor(1)])
attempt(lambda: [1, 2, 3][torch.tensor(1.)])
attempt(lambda: hex(torch.tensor(255)))
attempt(lambda: float(torch.tensor(1.5, requires_grad=True)))
attempt(lambda: len(torch.tensor(1.)))
attempt(lambda: len(torch.zeros(3, 2)))
attempt(lambda: iter(torch.tensor(1.)))
attempt(lambda: hash(torch.tensor(1.)) is not None)
attempt(lambda: torch.tensor(1.) in [torch.tensor(1.)])
# %%
import torch.nn as nn
torch.manual_seed(0)
p = nn.Parameter(torch.tensor([3.14159]))
print(f"{p:.2f}", f"{p}", f"{torch.Size([2])}", f"{torch.tensor([[2.5]]):.1f}", str(p))
print(f"{nn.Parameter(torch.tensor(2.5)):.3f}")
print("loss: {:.4f}".format(torch.tensor(0.123456, requires_grad=True) * 1))
print(f"{torch.tensor(5, dtype=torch.uint8):03d}", f"{torch.tensor(1e-9):g}", f"{torch.tensor(12345.678, dtype=torch.float64):,.2f}")
# %%
import torch
i = torch.tensor([[0, 1], [1, 0]])
for d in [torch.float32, torch.float64]:
    torch.set_default_dtype(d)
    for dt in [torch.float32, torch.float64, torch.complex64, torch.complex128, torch.int32, torch.int64, torch.bool, torch.float16]:
        print(torch.sparse_coo_tensor(i, torch.tensor([1, 2]).to(dt), (2, 2)))
        print(torch.sparse_coo_tensor(torch.zeros(2, 0, dtype=torch.long), torch.zeros(0, dtype=dt), (2, 2)))
        print(torch.zeros(0, dtype=dt), torch.zeros(2, dtype=dt))
torch.set_default_dtype(torch.float32)
s = torch.sparse_coo_tensor(i, torch.tensor([1+1j, 2j]), (2, 2), requires_grad=True)
print(s, s * 2)
# %%
import torch
def attempt(f):
    try:
        r = f(); print(r)
    except Exception as e:
        print(type(e).__name__, e)
i = torch.tensor([[0, 1, 1], [2, 0, 2]]); v = torch.tensor([3., 4., 5.])
s = torch.sparse_coo_tensor(i, v, (2, 3), requires_grad=True)
attempt(lambda: s)
attempt(lambda: s * 2)
attempt(lambda: torch.sparse_coo_tensor(i, v.double(), (2, 3)))
attempt(lambda: torch.sparse_coo_tensor(torch.zeros(2, 0, dtype=torch.long), torch.zeros(0), (2, 3)))
attempt(lambda: torch.sparse_coo_tensor(i, v > 4, (2, 3)))
attempt(lambda: torch.sparse_coo_tensor(i, v.long(), (2, 3)))
attempt(lambda: torch.sparse_coo_tensor(i, v.to(torch.complex64), (2, 3)))
attempt(lambda: torch.sparse_coo_tensor(torch.arange(1200).view(1, 1200), torch.ones(1200), (1200,)))
attempt(lambda: torch.zeros(2, 3).to_sparse())
attempt(lambda: torch.sparse_coo_tensor(i, v, (2, 3)).coalesce())
attempt(lambda: torch.sparse_coo_tensor(i, v, (2, 3)).to_dense())
attempt(lambda: torch.sparse.mm(torch.sparse_coo_tensor(i, v, (2, 3), requires_grad=True), torch.ones(3, 1)))
attempt(lambda: torch.sparse_coo_tensor(i, torch.ones(3, 2), (2, 3, 2)))
emb = torch.nn.Embedding(4, 2, sparse=True)
emb(torch.tensor([1, 1, 3])).sum().backward()
attempt(lambda: emb.weight.grad)
attempt(lambda: str(s))
attempt(lambda: s.indices())
attempt(lambda: s.coalesce().values())
