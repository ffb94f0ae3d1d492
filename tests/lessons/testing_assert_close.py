# Imitates unit-test style tutorial code: comparing tensors with ==, torch.equal, allclose, isclose and
# torch.testing.assert_close, and reading its failure messages.
import torch

a = torch.tensor([1.0, 2.0, 3.0])
b = a + 1e-7
print(a == b, torch.equal(a, b), torch.allclose(a, b))
print(torch.isclose(a, torch.tensor([1.0, 2.1, float('nan')])))
print(torch.isclose(torch.tensor(float('nan')), torch.tensor(float('nan')), equal_nan=True))
print(torch.allclose(torch.tensor([1e-9]), torch.tensor([0.0])), torch.allclose(torch.tensor([1.0]), torch.tensor([1.01]), rtol=1e-2))

# %%
torch.testing.assert_close(a, b)
print("close enough")
try:
    torch.testing.assert_close(a, torch.tensor([1.0, 2.5, 3.0]))
except AssertionError as e:
    print(e)

# %%
try:
    torch.testing.assert_close(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]))
except AssertionError as e:
    print(e)
torch.testing.assert_close(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]), check_dtype=False)
print("ok without dtype check")

# %%
try:
    torch.testing.assert_close(torch.zeros(2, 3), torch.zeros(3, 2))
except AssertionError as e:
    print(e)
try:
    torch.testing.assert_close(torch.ones(4, 4), torch.ones(4, 4) * 1.5, rtol=0.1, atol=0.0, msg="weights changed")
except AssertionError as e:
    print(e)

# %%
x = torch.randn(3, requires_grad=True)
try:
    torch.testing.assert_close(x, x.detach() * 2)
except AssertionError as e:
    print(str(e).splitlines()[0])
torch.testing.assert_close(x, x.detach())
print("requires_grad is ignored")
m = torch.tensor([[1.0, float('nan')], [3.0, 4.0]])
try:
    torch.testing.assert_close(m, m.clone())
except AssertionError as e:
    print(e)
torch.testing.assert_close(m, m.clone(), equal_nan=True)
print("nan ok")
