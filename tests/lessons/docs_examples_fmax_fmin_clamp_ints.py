# Imitates the "Example::" blocks of PyTorch 2.13's reference pages for torch.maximum / minimum / fmax / fmin
# (with nan) and torch.clamp (on an integer tensor), typed in as printed, then the learner's follow-ups: mixed
# int and float operands, complex operands (which none of them take), and gradients where the two sides tie.
import torch

# %%
a = torch.tensor((1, 2, -1))
b = torch.tensor((3, 0, 4))
print(torch.maximum(a, b))
print(torch.minimum(a, b))
a = torch.tensor([9.7, float('nan'), 3.1, float('nan')])
b = torch.tensor([-2.2, 0.5, float('nan'), float('nan')])
print(torch.fmax(a, b))
print(torch.fmin(a, b))
print(torch.maximum(a, b), torch.minimum(a, b))
print(torch.maximum(torch.tensor([1, 2]), torch.tensor([1.5, 0.5])), torch.fmax(torch.tensor([1, 2]), torch.tensor([1.5])))

# %%
for bad in [lambda: torch.maximum(torch.tensor([1]), 2),
            lambda: torch.fmax(torch.tensor([1j]), torch.tensor([1j])),
            lambda: torch.fmin(torch.tensor([1.]), torch.tensor([1j])),
            lambda: torch.maximum(torch.tensor([1j]), torch.tensor([1j])),
            lambda: torch.minimum(torch.tensor([1.]), torch.tensor([2j]))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
x = torch.tensor([[2., 5., 5.], [1., 1., 0.]], requires_grad=True)
torch.maximum(x, torch.tensor([2., 5., 1.])).sum().backward()
print(x.grad)
x.grad = None
torch.minimum(x, torch.tensor(1.)).sum().backward()
print(x.grad)
x.grad = None
torch.fmax(x, torch.tensor([5., 5., 5.])).sum().backward()
print(x.grad)
x.grad = None
torch.clamp(x, 1, 2).sum().backward()
print(x.grad)

# %%
a = torch.tensor([-1, 5, 3, 10])
print(torch.clamp(a, min=0, max=4))
print(torch.clamp(a, min=0.5), a.clamp(max=torch.tensor([2, 2, 2, 2])), a.clamp(-2.5, 2.5))
print(a.clamp(min=torch.tensor(2.)), torch.clamp(torch.tensor([1., 5.]), min=torch.tensor([2, 2])))
b = a.clone()
b.clamp_(0, 4)
print(b)
print(torch.clamp(torch.tensor([1., 2, 3]), min=3, max=1))
print(torch.clamp(torch.tensor([1, 2, 3], dtype=torch.uint8), -1, 2), torch.clamp(torch.tensor([True, False]), 0, 1))
for bad in [lambda: a.clamp(), lambda: b.clamp_(0.5, 2.5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
