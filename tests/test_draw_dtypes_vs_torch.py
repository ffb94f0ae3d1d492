"""Random draws asked for an integer or bool dtype, checked against PyTorch.

A learner's ``torch.randn(3, dtype=torch.long)`` or ``torch.rand(2, 2, dtype=int)`` meets ATen's dispatch error
(``NotImplementedError: "normal_kernel_cpu" not implemented for 'Long'``; ``"check_uniform_bounds"`` for rand,
which checks before its kernel runs, so even for an empty tensor); an empty tensor reaches no kernel otherwise
(``torch.randn(0, dtype=torch.long)`` is an empty Long tensor, ``normal_``, ``exponential_``, ``log_normal_`` of an
empty integer tensor pass). ``torch.bernoulli`` reads its probabilities from an integer tensor with no kernel
(``"bernoulli_tensor_cpu_p_"``), and ``geometric_`` refuses bool only. Before, the engine raised its own
``TypeError: only float32 and float64 draws are supported`` or drew integers. PyTorch's parser gives a position
only to an argument given by position: ``torch.cat([x, x], dim='a')`` is ``cat(): argument 'dim' must be int,
not str`` (the engine added ``(position 2)``)."""
import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch

DTYPES = ["torch.bool", "torch.uint8", "torch.int8", "torch.int16", "torch.int32", "torch.int64"]

FACTORIES = ["torch.rand(2, 3, dtype={dt})", "torch.randn(2, dtype={dt})", "torch.randn(20, dtype={dt})",
             "torch.rand_like(torch.zeros(2, dtype={dt}))", "torch.randn_like(torch.zeros(2, dtype={dt}))",
             "torch.normal(0., 1., (2,), dtype={dt})", "torch.normal(torch.zeros(2, dtype={dt}), 1.)",
             "torch.bernoulli(torch.ones(2, dtype={dt}))", "torch.ones(2, dtype={dt}).bernoulli()",
             "torch.zeros(2, dtype={dt}).geometric_(0.5).shape", "torch.zeros(2, 2, dtype={dt}).t().normal_()",
             "torch.randn(0, dtype={dt})", "torch.rand(0, dtype={dt})", "torch.randn(0, 2, dtype={dt})",
             "torch.zeros(0, dtype={dt}).normal_()", "torch.zeros(0, dtype={dt}).exponential_()",
             "torch.zeros(0, dtype={dt}).log_normal_()", "torch.zeros(0, dtype={dt}).geometric_(0.5)",
             "torch.zeros(0, dtype={dt}).uniform_()", "torch.zeros(0, dtype={dt}).cauchy_()",
             "torch.bernoulli(torch.zeros(0, dtype={dt}))", "torch.randn_like(torch.zeros(0, dtype={dt}))",
             "torch.rand_like(torch.zeros(0, dtype={dt}))"]

CELLS = {
    f"draws_{dt.split('.')[1]}": [f"CASES = {[f.format(dt=dt) for f in FACTORIES]!r}\n" + EVAL_CASES]
    for dt in DTYPES
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_draws_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
