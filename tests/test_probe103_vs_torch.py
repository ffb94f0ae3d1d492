"""What the hundred-and-third probe (diffusion and score models from scratch: DDPM / DDIM schedulers, score SDEs,
EDM and k-diffusion samplers, classifier-free guidance, flow matching, weight EMAs) found, each checked against
PyTorch: a ``Number`` argument given as a 0-dim tensor that does not require grad is that tensor's number to
PyTorch's parser (``x.add_(d, alpha=sigmas[i + 1] - sigmas[i])``, ``torch.addcmul(x, d, d, value=sigma)``, also in
the deprecated number-first order), anything else its TypeError (a 1-element tensor, one that requires grad, a
str, None); and addcmul / addcdiv's value takes no part in the type promotion of the three tensors, whose result
type the kernel computes in: truncated to an integer for integer tensors (``long.addcmul(a, b, value=2.7)`` stays
int64 and adds 2 * a * b), overflow errors as c10 converts it (float16's opmath is float), no kernel for bool, and
operands of several dtypes keep their own edges in the graph."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''a = torch.tensor([0.5, -2.0, 3.0])
b = torch.ones(3)
s = torch.tensor(0.5)
'''

CELLS = {
    "number_arguments_as_0dim_tensors": [
        SETUP + '''for make in [
        lambda: a.clone().add_(b, alpha=s),
        lambda: a.clone().sub_(b, alpha=s),
        lambda: torch.add(a, b, alpha=torch.tensor(2)),
        lambda: torch.sub(a, b, alpha=torch.tensor(2, dtype=torch.uint8)),
        lambda: a.add(b, alpha=torch.tensor(0.1)),
        lambda: a.add(b, alpha=torch.tensor(0.5, dtype=torch.float16)),
        lambda: a.add(b, alpha=torch.tensor(True)),
        lambda: a.bool().add(b.bool(), alpha=torch.tensor(True)),
        lambda: a.long().add(b.long(), alpha=torch.tensor(0.5)),
        lambda: a.add(b, alpha=torch.tensor(1 + 2j)),
        lambda: a.to(torch.complex64).add(b, alpha=torch.tensor(1 + 2j)),
        lambda: a.add(b, alpha=torch.tensor([0.5])),
        lambda: a.add(b, alpha=torch.tensor(0.5, requires_grad=True)),
        lambda: a.clone().sub(2.0, alpha=s),
        lambda: torch.addcmul(a, a, b, value=s),
        lambda: torch.addcdiv(a, a, b, value=s),
        lambda: a.clone().addcmul_(a, b, value=s),
        lambda: a.clone().addcdiv_(a, b, value=-s),
        lambda: a.addcmul(a, b, value=torch.ones(1)),
        lambda: a.addcmul(a, b, value=torch.tensor(0.5, requires_grad=True)),
        lambda: a.addcmul(a, b, value="x"),
        lambda: torch.addcdiv(a, a, b, value=None),
        lambda: a.addcmul(a, b, value=torch.tensor(2, dtype=torch.int32)),
]:
    attempt(make)
w = torch.tensor([1., 2., 3.], requires_grad=True)
y = torch.add(w, w * 2, alpha=torch.tensor(0.5))
z = torch.addcmul(w, w, w, value=torch.tensor(2.0))
(y.sum() + z.sum()).backward()
print(y.grad_fn, z.grad_fn, w.grad)
''',
        SETUP + '''import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    attempt(lambda: a.add(torch.tensor(0.5), b))
    attempt(lambda: torch.addcmul(a, torch.tensor(0.5), a, b))
print([str(w.message).splitlines()[0] for w in caught])
''',
    ],
    "addcmul_addcdiv_value_and_dtypes": [
        SETUP + '''i = a.long()
for make in [
        lambda: i.addcmul(i, b.long(), value=0.5),
        lambda: i.addcmul(i, b.long(), value=2.7),
        lambda: i.addcmul(i, b.long(), value=-2.7),
        lambda: i.addcmul(i, b.long(), value=True),
        lambda: a.addcmul(i, b.long(), value=2.7),
        lambda: i.addcmul(a, b, value=2.7),
        lambda: i.addcdiv(a, b, value=2.7),
        lambda: i.addcmul_(a, b, value=2.7),
        lambda: a.clone().addcmul_(a.double(), b, value=2.7),
        lambda: a.bool().addcmul(a.bool(), b.bool(), value=2),
        lambda: i.addcmul(i, b.long(), value=1e30),
        lambda: a.half().addcmul(a.half(), b.half(), value=1e30),
        lambda: a.addcmul(a, b, value=1e300),
        lambda: a.addcmul(a, b, value=1 + 1j),
        lambda: a.addcmul(a, b, value=2 + 0j),
        lambda: a.to(torch.complex64).addcmul(a, b, value=1 + 1j),
        lambda: a.addcdiv(a, b, value=-1 + 0j),
]:
    attempt(make)
''',
        '''w = torch.tensor([1., 2., 3.], requires_grad=True)
x = torch.tensor([1., 2., 3.], dtype=torch.float64, requires_grad=True)
y = torch.addcmul(w, x, w, value=0.5)
print(y, [type(f).__name__ for f, _ in y.grad_fn.next_functions])
y.sum().backward()
print(w.grad, x.grad)
z = torch.addcdiv(w, w, x, value=torch.tensor(2.0))
print(z, [type(f).__name__ for f, _ in z.grad_fn.next_functions])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe103_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe103/{name}", warns="per_cell")
