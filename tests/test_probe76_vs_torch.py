"""What the seventy-sixth probe (Aladdin Persson's Machine-Learning-Collection: object detection metrics with
torch.cumsum / torch.trapz / torch.trapezoid, YOLOv1's loss, a transformer and seq2seq with attention from scratch,
the GAN family's losses, checkpoints and training loops) found, each checked against PyTorch: torch.trapezoid,
torch.trapz and torch.cumulative_trapezoid parse their overloads first (x and dx together, a number x: PyTorch's
"invalid combination of arguments" listing, not the engine's one-line TypeError); a bool or complex dx of trapezoid
and cumulative_trapezoid is refused ("Currently, we only support dx as a real number.") while trapz's float dx takes
it; an empty dim gives trapezoid's zeros in y's dtype, without a graph, before x is looked at; sample points x of
fewer dims than y are given leading ones and sliced after that view, so a 0-d x or a wrong length meets
broadcasting's error and an empty x an empty result; the spacing's node is SubBackward0 as in ATen."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''y = torch.tensor([1., 2., 4.])
x = torch.tensor([0., 1., 3.])
Y = torch.arange(24.).reshape(2, 3, 4)
'''

CELLS = {
    "x_and_dx_together_list_the_overloads": [
        SETUP + '''for f in (torch.trapezoid, torch.trapz, torch.cumulative_trapezoid):
    attempt(lambda: f(y, x=x, dx=1.0))
    attempt(lambda: f(y, x, dx=2))
    attempt(lambda: f(y, 2.0))
    attempt(lambda: f(y, x, dx=2, dim=0))
    attempt(lambda: f(y, dx=torch.tensor(0.5)))
''',
    ],
    "dx_must_be_real_but_for_trapz": [
        SETUP + '''for f in (torch.trapezoid, torch.trapz, torch.cumulative_trapezoid):
    attempt(lambda: f(y, dx=True))
    attempt(lambda: f(y, dx=2 + 1j))
    attempt(lambda: f(Y, dx=torch.tensor(True)))
''',
    ],
    "empty_dim_and_odd_sample_points": [
        SETUP + '''for f in (torch.trapezoid, torch.trapz, torch.cumulative_trapezoid):
    attempt(lambda: f(torch.ones(2, 0), torch.ones(3)))
    attempt(lambda: f(torch.ones(2, 0), torch.ones(0)))
    attempt(lambda: f(torch.ones(2, 0, dtype=torch.long)))
    attempt(lambda: f(torch.ones(2, 0, requires_grad=True), dx=2))
    attempt(lambda: f(y, torch.tensor(1.)))
    attempt(lambda: f(Y, torch.tensor([[0., 1., 3., 4.]]), dim=1))
    attempt(lambda: f(Y, torch.ones(2, 3, 5)))
''',
    ],
    "sample_point_graph": [
        '''y = torch.tensor([1., 2., 4.], requires_grad=True)
x = torch.tensor([0., 1., 3.], requires_grad=True)
r = torch.cumulative_trapezoid(y, x)
mul = r.grad_fn.next_functions[0][0].next_functions[0][0]
print(r, [type(n).__name__ for n, _ in mul.next_functions])
s = torch.trapz(y, x)
s.backward()
print(s, y.grad, x.grad)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe76_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe76/{name}", warns="per_cell")
