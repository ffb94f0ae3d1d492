"""What the 226th probe (ranking and retrieval metrics written with tensors: precision@k, MAP, NDCG@k, ROC AUC by
ranks, precision-recall curves, confusion matrices with bincount, ECE with bucketize, ListNet / ApproxNDCG) found,
each checked against PyTorch:

* torch.bincount with bfloat16 weights (summed in double, as any non-float weights: the engine refused bfloat16)
  and with complex weights (their real part, with PyTorch's "Casting complex values to real" UserWarning instead of
  numpy's ComplexWarning);
* torch.trapezoid / trapz of a 0-d y with sample points x: ATen wraps dim as for one dim first (``Dimension
  specified as 0``, or its out-of-range IndexError), before asking for y's size;
* SymInt parameters (topk's k, kthvalue's k, bincount's minlength, randint's low / high ...) take an integral tensor
  of one element of any shape, as PyTorch's parser does (is_int_or_symint); the pairs are now read from PyTorch's
  signatures by tools/method_signatures.py instead of a hand-written list of three.
"""
import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch

CELLS = {
    "bincount_bfloat16_and_complex_weights": ['''torch.set_warn_always(True)
y = torch.tensor([0, 2, 2, 1, 4])
w = torch.tensor([0.1, 1.5, 2.25, -3.0, 0.7], dtype=torch.bfloat16)
r = torch.bincount(y, weights=w, minlength=6)
print(r, r.dtype, y.bincount(w))
c = torch.bincount(y, weights=torch.tensor([1 + 2j, 2, 3j, -1.5, 0.5 - 1j]))
print(c, c.dtype)
print(torch.bincount(y, weights=torch.tensor([1j, 2, 3, 4, 5], dtype=torch.complex64)))''',
                                              '''wg = torch.tensor([1.5, 2.25, 3.0], dtype=torch.bfloat16, requires_grad=True)
r = torch.bincount(torch.tensor([0, 2, 2]), weights=wg)
print(r, r.grad_fn)
try:
    r.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)'''],
    "trapezoid_zero_dim_with_sample_points": ['''t = torch.tensor(1.)
CASES = ["torch.trapz(t, t)", "torch.trapezoid(t, t)", "torch.trapezoid(t, t, dim=-1)", "torch.trapezoid(t, t, dim=3)",
         "torch.trapezoid(t, torch.tensor([1., 2.]))", "torch.trapezoid(t, t, dim=-2)", "torch.trapezoid(t)",
         "torch.trapezoid(t, dim=2)", "torch.trapz(t, dx=2)", "torch.trapezoid(torch.tensor([1., 2.]), t)"]
''' + EVAL_CASES],
    "symint_parameters_take_one_element_tensors": ['''s = torch.tensor([0.2, 0.8, 0.8, 0.4])
CASES = ["s.topk(torch.tensor([3]))", "s.topk(torch.tensor([[2]]))", "s.topk(torch.tensor([3], dtype=torch.int32))",
         "torch.topk(s, torch.tensor([2]))", "s.topk(torch.tensor([3, 1]))", "s.topk(torch.tensor([2.]))",
         "s.kthvalue(torch.tensor([2]))", "torch.kthvalue(s, torch.tensor([[1]]))",
         "torch.bincount(torch.tensor([1]), minlength=torch.tensor([3]))", "torch.randint(0, torch.tensor([3]), (2,)).shape",
         "torch.randint(torch.tensor([3]), (2,)).shape", "s.select(0, torch.tensor([1]))", "s.narrow(0, 1, torch.tensor([2]))",
         "torch.tril(torch.ones(3, 3), torch.tensor([1]))", "s.split(torch.tensor([2]))", "s.unsqueeze(torch.tensor([0]))",
         "torch.multinomial(s, torch.tensor([2])).shape"]
''' + EVAL_CASES],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe226(name):
    assert_same_as_pytorch(CELLS[name], name=name)
