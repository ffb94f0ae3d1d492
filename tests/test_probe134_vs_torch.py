"""What the hundred-and-thirty-fourth probe (CS6910 / NPTEL Deep Learning assignments: hand-written backprop checked
against autograd, hand-written SGD / momentum / Nesterov / RMSprop / Adam / Nadam compared with torch.optim, Xavier /
He initialisation by hand vs nn.init, a GRU / LSTM seq2seq transliteration model with Bahdanau attention and beam
search, plain-loop hyperparameter sweeps) found, checked against PyTorch: an optimizer built with
differentiable=True steps with grad mode on in PyTorch (even under no_grad), so its in-place update of a leaf
parameter that requires grad raises "a leaf Variable that requires grad is being used in an in-place operation."
and leaves the parameter as it was; the engine updated the parameter silently."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''def fresh():
    w = torch.ones(3, requires_grad=True)
    (w ** 2).sum().backward()
    return w
'''

CELLS = {
    "differentiable_step_of_a_leaf_sgd": [
        SETUP + '''for kw in [dict(), dict(momentum=0.9), dict(momentum=0.9, nesterov=True, weight_decay=0.1)]:
    w = fresh()
    opt = torch.optim.SGD([w], lr=0.1, differentiable=True, **kw)
    attempt(lambda: opt.step())
    print(w, dict(opt.state[w]))
    with torch.no_grad():
        attempt(lambda: opt.step())
    print(w, w.grad)
''',
    ],
    "differentiable_step_of_a_leaf_others": [
        SETUP + '''for make in [lambda p: torch.optim.Adam(p, lr=0.1, differentiable=True),
             lambda p: torch.optim.AdamW(p, lr=0.1, differentiable=True),
             lambda p: torch.optim.RMSprop(p, lr=0.1, differentiable=True),
             lambda p: torch.optim.NAdam(p, lr=0.1, differentiable=True),
             lambda p: torch.optim.Adagrad(p, lr=0.1, differentiable=True),
             lambda p: torch.optim.Rprop(p, lr=0.1, differentiable=True)]:
    w = fresh()
    opt = make([w])
    attempt(lambda: opt.step())
    print(type(opt).__name__, w)
''',
    ],
    "differentiable_false_and_mixed_groups": [
        SETUP + '''w, v = fresh(), fresh()
opt = torch.optim.SGD([{"params": [w]}, {"params": [v], "differentiable": True}], lr=0.1)
attempt(lambda: opt.step())
print(w, v)
frozen = torch.ones(2)
frozen.grad = torch.ones(2)
opt = torch.optim.Adam([frozen], lr=0.1, differentiable=True)
attempt(lambda: opt.step())
print(frozen)
u = fresh()
opt = torch.optim.SGD([u], lr=0.1)
opt.add_param_group({"params": [fresh()], "differentiable": True})
attempt(lambda: opt.step())
print(u)
opt = torch.optim.SGD([{"params": [fresh()], "differentiable": False}], lr=0.1, differentiable=True)
attempt(lambda: opt.step())
print(opt.param_groups[0]["params"][0])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe134_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=name)
