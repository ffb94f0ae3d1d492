"""What the nineteenth probe (probabilistic deep learning lessons) found outside torch.distributions, each checked
against PyTorch: tensors of shapes that do not broadcast given to torch.broadcast_tensors (a distribution's
parameters: Normal(torch.zeros(2), torch.ones(3))); a value that does not fit t[key] in an assignment (PyTorch's
expand messages for a basic index, its "shape mismatch" for an advanced one, the value's leading 1s left out);
a list or tuple assigned into a tensor (PyTorch's TypeError); expand's message naming the tensor's own type;
x[True] (a Python bool index is a 0-d mask, not x[1]); an assignment into a tensor with history recorded as
PyTorch records it (copy_'s source viewed and expanded; a 0-d True mask a write into a view, CopySlices), and the
index arrays a backward node keeps copied (an index tensor changed later does not change the gradient);
exponential_/uniform_/normal_/cauchy_/log_normal_ into integer tensors (F.gumbel_softmax of integer logits), and
gumbel_softmax's deprecated eps."""
import pytest

from helpers import assert_same_as_pytorch

TRY = '''def attempt(make):
    try:
        out = make()
        print("ok", out if not isinstance(out, tuple) else [o.shape for o in out])
    except Exception as e:
        print(type(e).__name__, e)
def put(t, key, value):
    t[key] = value
    return t
'''

CELLS = {
    "broadcast_tensors_that_do_not_broadcast": [
        TRY + '''for shapes in [((2,), (2,), (3,)), ((2, 1), (3,), (4,)), ((3, 1), (1, 4), (5, 1, 1), (2, 1, 1, 1)),
               ((2, 3), (4, 3)), ((5,), (2, 5)), ((2,), (3, 4, 1))]:
    attempt(lambda: torch.broadcast_tensors(*[torch.zeros(s) for s in shapes]))
attempt(lambda: torch.distributions.Normal(torch.zeros(2), torch.ones(3)))
attempt(lambda: torch.distributions.Gamma(torch.ones(2, 2), torch.ones(3)))'''],
    "assignment_of_a_value_that_does_not_fit": [
        TRY + '''for t, key, value in [
        (torch.zeros(3, 3), torch.ones(3, 3, dtype=torch.bool).tril(), torch.arange(4.0)),
        (torch.zeros(2, 3, 3), (..., torch.ones(3, 3, dtype=torch.bool).tril()), torch.arange(4.0)),
        (torch.zeros(5), torch.tensor([True, False, True, False, False]), torch.arange(3.0)),
        (torch.zeros(5), torch.tensor([0, 2]), torch.arange(3.0)),
        (torch.zeros(5), slice(0, 2), torch.arange(3.0)),
        (torch.zeros(5, 2), 1, torch.arange(3.0)),
        (torch.zeros(5, 2), [0, 1], torch.arange(3.0)),
        (torch.zeros(4, 4), (torch.tensor([0, 1]), torch.tensor([1, 2])), torch.arange(3.0)),
        (torch.zeros(5), slice(0, 2), torch.zeros(2, 2)),
        (torch.zeros(5, 3), slice(0, 2), torch.zeros(1, 2)),
        (torch.zeros(5, 3), 0, torch.zeros(1, 1, 3)),
        (torch.zeros(5, 3), 0, torch.zeros(2, 1, 3)),
        (torch.zeros(5, 3, requires_grad=True).clone(), slice(0, 2), torch.zeros(3, 3)),
        (torch.zeros(5, 3, requires_grad=True).clone(), torch.tensor([0, 1]), torch.zeros(3, 3)),
        (torch.zeros(5, 3), torch.tensor([0, 1]), torch.zeros(1, 3, 3)),
        (torch.zeros(5, 3), torch.zeros(5, 3) > 1, torch.zeros(2)),
        (torch.zeros(5, 3), (slice(None), torch.tensor([0, 1])), torch.zeros(3, 3)),
        (torch.zeros(5, 3), (slice(0, 2), None), torch.zeros(3, 3)),
        (torch.zeros(5, 3, dtype=torch.float64), slice(0, 2), torch.zeros(1, 1, 2, 2, dtype=torch.float64)),
        (torch.zeros(5, 3, dtype=torch.float64), slice(0, 2), torch.zeros(2, 1, 2, 2, dtype=torch.float64)),
        (torch.zeros(5, 3, dtype=torch.int64), slice(0, 2), torch.zeros(3, 3, dtype=torch.int64))]:
    attempt(lambda: put(t, key, value))''',
        "torch.distributions.utils.vec_to_tril_matrix(torch.arange(4.0))"],
    "assignment_of_a_list_or_tuple": [
        TRY + '''for t, key, value in [
        (torch.zeros(5), slice(0, 2), [1.0, 2.0]), (torch.zeros(5), torch.tensor([0, 1]), [1.0, 2.0]),
        (torch.zeros(5), 0, [1.0]), (torch.zeros(5, dtype=torch.float64), slice(0, 2), (1.0, 2.0)),
        (torch.zeros(5, dtype=torch.long), 1, (3,)), (torch.zeros(2, dtype=torch.bool), 0, [True]),
        (torch.zeros(2, dtype=torch.bfloat16), 0, [1.0])]:
    attempt(lambda: put(t, key, value))'''],
    "python_bool_index": [
        TRY + '''y = torch.arange(6.0).view(2, 3).requires_grad_()
for key in (True, False, (True, 0), (0, True), (..., True), (None, True), torch.tensor(True), torch.tensor(False)):
    out = y[key]
    print(out, out.shape, type(out.grad_fn).__name__)
print(torch.arange(3)[True], put(torch.zeros(2, 3), True, 5.0), put(torch.zeros(2, 3), False, 5.0),
      put(torch.zeros(2, 3), (0, True), torch.ones(1, 3)))'''],
    "assignment_into_a_tensor_with_history": [
        '''a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = torch.tensor([[5.0, 6.0]], requires_grad=True)
for key, value in ((slice(0, 1), b * 3), (0, b * 3), (True, a * 3), (torch.tensor(True), (a * 3).unsqueeze(0)),
                   ((0, True), b * 3), (0, torch.tensor(5.0, requires_grad=True) * 1), ((slice(None), 0), b * 1),
                   (0, 7.0), (True, 7.0)):
    s = a * 2
    s[key] = value
    print(s.grad_fn, s.grad_fn.next_functions)
s.sum().backward()
a.grad''',
        # an index reused and changed after the assignment (Wishart's resampling loop): the gradient is the one of
        # the assignment made
        '''a.grad = None
s = a @ a.T
m = torch.tensor(True)
s[m] = (3 * a @ a.T).unsqueeze(0)
m.fill_(False)
s.sum().backward()
a.grad, s.grad_fn''',
        "l = torch.zeros(2, requires_grad=True)\nl[True] = torch.ones(2)"],
    "continuous_draws_into_integer_tensors": [
        TRY + '''for dtype in (torch.long, torch.int32, torch.int16, torch.int8, torch.uint8, torch.bool):
    for name in ("exponential_", "uniform_", "normal_", "cauchy_", "log_normal_"):
        attempt(lambda: getattr(torch.empty(2, dtype=dtype), name)())
attempt(lambda: torch.nn.functional.gumbel_softmax(torch.tensor([1, 2])))''',
        "torch.manual_seed(0)\ntorch.nn.functional.gumbel_softmax(torch.tensor([1.0, 2.0]), eps=1e-5)"],
    "expand_names_the_tensor_type": [
        TRY + '''for dtype in (torch.float32, torch.float64, torch.int64, torch.bool):
    attempt(lambda: torch.zeros(2, 2, dtype=dtype).expand(2))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe19_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
