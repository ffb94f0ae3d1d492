# Imitates a learner's notebook on turning tensors into Python numbers: x in t, f-strings on 0-d and n-d tensors,
# round/int/float/complex/bool/abs/divmod/pow, operator.index, range(t), indexing a list with an int tensor,
# and math.sqrt / math.exp on 0-d tensors, printing each error PyTorch raises.
import math
import operator
import torch

def attempt(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

t = torch.tensor([1., 2., 3.])
print(2 in t, 2.0 in t, 5 in t, torch.tensor(3.) in t, torch.tensor([1., 2., 3.]) in t)
attempt(lambda: torch.tensor([1., 2.]) in t)
attempt(lambda: 'a' in t)
attempt(lambda: None in t)
print(1 in torch.tensor([[1, 2], [3, 4]]), True in torch.tensor([False]), 0 in torch.tensor([]))
loss = torch.tensor(0.123456, requires_grad=True) * 2
print(f'{loss:.3f}', f'{loss.item():.3f}', f'{torch.tensor(5):03d}', f'{torch.tensor(2.5):>8.2f}|')
attempt(lambda: f'{torch.tensor([0.1, 0.2]):.3f}')
attempt(lambda: f'{torch.zeros(2, 2):.1f}')
attempt(lambda: f'{torch.tensor([0.25]):.1f}')
attempt(lambda: f'epoch {1}: {torch.tensor([0.1, 0.2])}')
attempt(lambda: '{:,}'.format(torch.tensor(1234567)))

# %%
def attempt(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

x = torch.tensor(2.675)
for f in (lambda: round(x), lambda: round(x, 2), lambda: round(torch.tensor(2.5)), lambda: round(torch.tensor(-0.5)),
          lambda: round(torch.tensor(7)), lambda: round(torch.tensor(17), -1), lambda: round(torch.tensor([1.25, 2.75]), 1),
          lambda: round(torch.tensor([1.5, 2.5])), lambda: round(x, None), lambda: round(torch.tensor(3.14159, dtype=torch.float64), 3)):
    attempt(f)
for f in (lambda: int(x), lambda: int(torch.tensor(-2.9)), lambda: int(torch.tensor([4])), lambda: int(torch.tensor(True)),
          lambda: float(torch.tensor(3)), lambda: float(torch.tensor([[0.5]])), lambda: complex(x), lambda: complex(torch.tensor(1 + 2j)),
          lambda: int(torch.tensor(1 + 2j)), lambda: float(torch.tensor(1 + 2j)), lambda: int(torch.tensor(float('nan'))),
          lambda: int(torch.tensor(float('inf'))), lambda: int(torch.tensor([1, 2])), lambda: float(torch.tensor([])),
          lambda: complex(torch.tensor([1., 2.]))):
    attempt(f)

# %%
def attempt(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

t = torch.tensor([-1.5, 2., -3.])
w = torch.tensor([-1.5, 2.], requires_grad=True)
for f in (lambda: bool(t), lambda: bool(torch.tensor([0.])), lambda: bool(torch.tensor(0.1)), lambda: not torch.tensor([1, 1]),
          lambda: abs(t), lambda: abs(w), lambda: abs(torch.tensor(-3)), lambda: -w, lambda: +t,
          lambda: divmod(torch.tensor(7), 3), lambda: divmod(torch.tensor([7., -7.]), 3), lambda: divmod(7, torch.tensor(3)),
          lambda: pow(torch.tensor(3), 2), lambda: pow(torch.tensor(3), 2, 5), lambda: pow(2, torch.tensor([1., 3.])),
          lambda: pow(torch.tensor([2., 3.]), 2, None), lambda: pow(torch.tensor(3.), torch.tensor(2.), 5), lambda: pow(3, torch.tensor(2), 5),
          lambda: torch.tensor(7) // 2, lambda: torch.tensor(-7) % 3, lambda: 7 % torch.tensor([3., -3.])):
    attempt(f)
print(abs(w).grad_fn.name(), (-w).grad_fn.name())
abs(w).sum().backward()
print(w.grad)
i = torch.tensor(2)
lst = ['a', 'b', 'c', 'd']
for f in (lambda: operator.index(i), lambda: operator.index(torch.tensor(2.)), lambda: operator.index(torch.tensor([2])),
          lambda: operator.index(torch.tensor([1, 2])), lambda: operator.index(torch.tensor(True)), lambda: list(range(i)),
          lambda: list(range(torch.tensor(1), torch.tensor(7), torch.tensor(2))), lambda: range(torch.tensor(3.)),
          lambda: lst[i], lambda: lst[torch.tensor([1])], lambda: lst[torch.tensor(1.)], lambda: lst[torch.tensor([0, 1])],
          lambda: lst[i:], lambda: lst[torch.tensor(0):torch.tensor(2)], lambda: 'abc' * torch.tensor(2), lambda: hex(torch.tensor(255)),
          lambda: bin(torch.tensor(5)), lambda: [0] * torch.tensor(3), lambda: (1, 2, 3)[torch.tensor(-1)]):
    attempt(f)

# %%
def attempt(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)

v = torch.tensor(2.0, requires_grad=True)
for f in (lambda: math.sqrt(torch.tensor(2.)), lambda: math.exp(torch.tensor(1.)), lambda: math.sqrt(v), lambda: math.log(torch.tensor(10)),
          lambda: math.floor(torch.tensor(2.7)), lambda: math.ceil(torch.tensor(2.2)), lambda: math.trunc(torch.tensor(-2.7)),
          lambda: math.isclose(torch.tensor(0.1) + torch.tensor(0.2), 0.3), lambda: math.isnan(torch.tensor(float('nan'))),
          lambda: math.sqrt(torch.tensor([4.])), lambda: math.sqrt(torch.tensor([4., 9.])), lambda: math.sqrt(torch.tensor(-1.)),
          lambda: math.pi * torch.tensor(2.), lambda: math.prod(torch.tensor([2., 3.])), lambda: math.fsum(torch.tensor([0.1, 0.2])),
          lambda: math.floor(torch.tensor([2.7, 1.1])), lambda: math.copysign(1, torch.tensor(-0.))):
    attempt(f)
