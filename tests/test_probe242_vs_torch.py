"""What the 242nd probe (gradient boosting and decision trees written with tensors: split search by argsort + cumsum,
histogram binning with quantile / bucketize / bincount, boosting rounds on logistic-loss gradients, random-forest
bagging with mode votes) found, each checked against PyTorch:

* F.binary_cross_entropy_with_logits follows ATen's dtype rules: log_sigmoid of the input comes first (an integer,
  bool or complex input is log_sigmoid_cpu's NotImplementedError, whatever the target), and pos_weight's factor
  ((pos_weight - 1) * target + 1, complex for a complex target) is multiplied into the input's dtype in place,
  which refuses a complex result for a real input.
"""
import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch

CELLS = {
    "bce_with_logits_integer_bool_complex_input": ['''F = torch.nn.functional
z = torch.tensor([0.3, -1.2, 2.5, 0.7])
t = torch.tensor([1., 0., 1., 0.])
CASES = ["F.binary_cross_entropy_with_logits(z.long(), t)", "F.binary_cross_entropy_with_logits((z > 0).int(), t.double())",
         "F.binary_cross_entropy_with_logits(z > 0, t)", "F.binary_cross_entropy_with_logits(z.long(), t.long())",
         "F.binary_cross_entropy_with_logits(z.to(torch.uint8), t > 0)", "F.binary_cross_entropy_with_logits(z.to(torch.complex64), t)",
         "F.binary_cross_entropy_with_logits(z.long(), t, pos_weight=torch.tensor(2.))",
         "torch.nn.BCEWithLogitsLoss()(z.round().long(), t)", "torch.binary_cross_entropy_with_logits(z.long(), t)",
         "F.binary_cross_entropy_with_logits(z, t.long())", "F.binary_cross_entropy_with_logits(z, t > 0)"]
''' + EVAL_CASES],
    "bce_with_logits_pos_weight_complex_target": ['''F = torch.nn.functional
z = torch.tensor([0.3, -1.2, 2.5, 0.7])
tc = torch.tensor([1., 0., 1., 0.], dtype=torch.complex64)
CASES = ["F.binary_cross_entropy_with_logits(z, tc)", "F.binary_cross_entropy_with_logits(z, tc, pos_weight=torch.tensor(2.))",
         "F.binary_cross_entropy_with_logits(z.double(), tc, pos_weight=torch.tensor([1, 2, 3, 4]))",
         "F.binary_cross_entropy_with_logits(z, tc, pos_weight=torch.tensor([2.]), weight=torch.tensor(2., dtype=torch.float64))",
         "F.binary_cross_entropy_with_logits(z.half(), tc, pos_weight=torch.tensor(2.))",
         "F.binary_cross_entropy_with_logits(z, tc.real, pos_weight=torch.tensor([2.], dtype=torch.float64))",
         "F.binary_cross_entropy_with_logits(z, tc.real.half(), pos_weight=torch.tensor(2))"]
''' + EVAL_CASES],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe242(name):
    assert_same_as_pytorch(CELLS[name], name=name)
