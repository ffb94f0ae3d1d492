"""What the twenty-third probe (numerical-optimisation lessons: hand-written gradient descent, Newton with
torch.autograd.functional, projected and proximal gradient, schedulers and optimizer state) found, each checked
against PyTorch: soft-thresholding as ATen's kernels compute it (F.softshrink / hardshrink keep a NaN; softshrink's
scalar form gives -0.0 for a negative input in the band, its vector form +0.0, the first whole 64 bytes of each
inner run going to the vector form; the shrink and hardtanh backward kernels give a NaN input 0 there and pass the
gradient in the tail); relu6 / hardtanh keep x where it equals a bound (relu6(-0.0) is -0.0) and elu / celu / selu
of -0.0 are -0.0; the dtype errors of softshrink, hardshrink and hardtanh; clamp with number bounds in
result_type(input, min, max) (a bool tensor with int bounds gives int64), its bounds converted as c10 converts them
(uint8's -1 is 255, 300 overflows, Half's 1e6 overflows), bool's "clamp_scalar_cpu" error and clamp_'s in-place
message with the C++ type name; a tensor bound next to a number (the Number overload: a 0-d tensor that needs no grad
is read as a number, ClampBackward1; anything else PyTorch's TypeError), torch.clip / Tensor.clip_ parsed as clamp;
torch.autograd.functional's checks (inputs and outputs that are not tensors, strict mode, the strategy, forward-mode
jacobian, vjp without v); optimizers' "Tensor lr must be 1-element"; a state without "step" loaded into Adam and
friends (KeyError 'step', a number step made a tensor); the scheduler's full initial_lr KeyError;
clip_grad_value_ on parameters without gradients."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''F = torch.nn.functional
'''

SIGNS = '''def signs(t):
    return torch.signbit(t).int().flatten().tolist()
nan = float("nan")
'''

CELLS = {
    "softshrink_sign_of_zero_and_nan": [
        TRY + SIGNS + '''print(F.softshrink(torch.linspace(-2, 2, 9), 0.5), F.softshrink(torch.linspace(-2, 2, 33), 0.5))
for dtype in (torch.float32, torch.float64):
    for n in (7, 8, 9, 16, 17, 24, 33):
        x = torch.full((n,), -0.25, dtype=dtype)
        x[1] = nan
        y = F.softshrink(x, 0.5)
        print(dtype, n, signs(y), y[1].item(), F.hardshrink(x, 0.5)[1].item())
print(F.softshrink(torch.tensor(-0.25), 0.5), F.softshrink(torch.tensor([-0.0, 0.0, -0.5, 0.5]), 0.5))''',
        SIGNS + '''F = torch.nn.functional
base = torch.full((4, 6), -0.25)
print(signs(F.softshrink(base.t(), 0.5)), signs(F.softshrink(torch.full((6, 20), -0.25)[:, :17], 0.5)))
print(signs(F.softshrink(torch.full((3, 1, 6), -0.25), 0.5)), torch.nn.Softshrink(0.75)(torch.linspace(-1, 1, 5)))'''],
    "shrink_and_hardtanh_backward_at_nan": [
        SIGNS + '''F = torch.nn.functional
for n in (9, 16, 17, 40):
    base = torch.arange(float(n)) % 5 * 0.3 - 0.6
    base[1] = nan
    for fn in (lambda t: F.softshrink(t, 0.5), lambda t: F.hardshrink(t, 0.5), lambda t: F.hardtanh(t, -0.5, 0.5),
               F.relu6):
        x = base.clone().requires_grad_()
        fn(x).sum().backward()
        print(n, x.grad.tolist())''',
        '''x = torch.tensor([0.1, -0.1, 0.3, -0.3, 0.7], requires_grad=True)
for fn in (torch.nn.functional.hardshrink, torch.nn.functional.softshrink):
    for lam in (0.1, 0.3):
        x.grad = None
        y = fn(x, lam)
        y.sum().backward()
        print(fn.__name__, lam, y, x.grad)
y = torch.nn.functional.softshrink(x, 0.2)
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g, g.grad_fn)'''],
    "relu6_hardtanh_elu_of_negative_zero": [
        SIGNS + '''F = torch.nn.functional
z = torch.tensor([-0.0, 0.0, 6.0, 7.0, -1.0])
for y in (F.relu6(z), F.hardtanh(z, 0.0, 1.0), F.hardtanh(torch.tensor([0.0]), -0.0, 1.0), torch.nn.ReLU6()(z),
          F.elu(z), F.celu(z), F.selu(z), torch.nn.ELU()(z), F.elu(z.clone(), inplace=True)):
    print(y, signs(y))'''],
    "shrink_and_hardtanh_dtype_errors": [
        TRY + '''for dtype in (torch.int64, torch.int32, torch.uint8, torch.bool, torch.float16):
    x = torch.tensor([1, 0], dtype=dtype)
    attempt(lambda: F.softshrink(x, 0.5))
    attempt(lambda: F.softshrink(x, -1.0))
    attempt(lambda: F.hardshrink(x, 0.5))
    attempt(lambda: x.hardshrink())
    attempt(lambda: F.hardtanh(x))
    attempt(lambda: F.relu6(x))
attempt(lambda: F.hardtanh(torch.tensor([True]), 2.0, 1.0))
attempt(lambda: F.hardtanh_(torch.tensor([True])))
attempt(lambda: torch.nn.ReLU6(inplace=True)(torch.tensor([True])))
attempt(lambda: F.softshrink(torch.tensor([1.0], dtype=torch.float64), -0.5))
attempt(lambda: F.hardtanh(torch.tensor([2, -3]), -1.5, 1.5))'''],
    "clamp_with_number_bounds": [
        TRY + '''b = torch.tensor([True, False])
i = torch.tensor([1, 5, -3])
u = torch.tensor([1, 200], dtype=torch.uint8)
for make in (lambda: torch.clamp(b, 0, 1), lambda: b.clamp(min=0), lambda: b.clamp(max=True), lambda: b.clamp(False, True),
             lambda: b.clamp(0.5), lambda: b.clamp_min(0), lambda: b.clamp_max(True), lambda: b.clamp_min(True),
             lambda: i.clamp(0.5, 2.5), lambda: i.clamp(min=0.5), lambda: i.clamp(0, 2), lambda: i.clamp_max(2.5),
             lambda: u.clamp(-1, 100), lambda: u.clamp(0, 300), lambda: u.clamp(-129, 1), lambda: u.clamp_min(-1),
             lambda: u.clamp_max(-256), lambda: u.clamp(max=float("inf")),
             lambda: torch.tensor([1, 2], dtype=torch.int8).clamp(-129, 1),
             lambda: torch.tensor([1, 2], dtype=torch.int32).clamp(0, 2 ** 40),
             lambda: torch.tensor([1.0, 2.0], dtype=torch.float16).clamp(0, 65519),
             lambda: torch.tensor([1.0, 2.0]).clamp(0, 1e39), lambda: torch.tensor([1.0, 2.0]).clamp(0, 3.4028235e38),
             lambda: torch.tensor([1.0, 2.0], dtype=torch.float64).clamp(0, 1e39),
             lambda: torch.tensor([1.0, 2.0]).clamp(float("nan"), 1)):
    attempt(lambda: (lambda r: (r, r.dtype))(make()))''',
        TRY + '''for dtype in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bool):
    x = torch.tensor([1, 0], dtype=dtype)
    attempt(lambda: x.clamp_(0.5, 2.5))
    attempt(lambda: x.clamp_min_(0.5))
    attempt(lambda: x.clamp_max_(0.5))
    attempt(lambda: x.clip_(min=0.5))
    attempt(lambda: x.clamp_(torch.tensor(0.5), torch.tensor(2.5)))
x = torch.tensor([1, 5, -3])
attempt(lambda: x.clone().clip_(0, 1))
attempt(lambda: x.clone().clamp_min_(2))
attempt(lambda: torch.tensor([True]).clamp_(0, 1))'''],
    "clamp_tensor_next_to_number": [
        TRY + '''f = torch.tensor([0.5, 2.0, -1.0], requires_grad=True)
lo = torch.tensor(0.0, requires_grad=True)
for make in (lambda: torch.clamp(f, lo, 1.0), lambda: torch.clamp(f, lo.detach(), 1.0), lambda: torch.clamp(f, lo.detach(), 1),
             lambda: torch.clamp(f, lo, torch.tensor(1.0)), lambda: torch.clamp(f, min=lo), lambda: f.clamp(max=lo),
             lambda: f.clamp(min=torch.tensor([0.0, 1.0, 0.0]), max=0.5), lambda: f.clamp(torch.tensor([0.0, 1.0, 0.0]), 1),
             lambda: f.clamp(0, torch.tensor([1.0, 1.0, 0.0])), lambda: torch.clamp(f, torch.tensor([0.0, 1.0, 0.0]), None),
             lambda: torch.clip(f, torch.tensor([0.0, 1.0, 0.0]), 2), lambda: torch.clip(f, max=torch.tensor(0.5)),
             lambda: f.clip(torch.tensor(0.0), 1), lambda: f.clamp_min(torch.tensor(0.5)),
             lambda: torch.clamp(torch.tensor([1, 5]), torch.tensor(2.5)),
             lambda: f.detach().clone().clamp_(torch.tensor(0.5), 1),
             lambda: f.detach().clone().clip_(torch.tensor([0.5]), 1)):
    attempt(lambda: (lambda r: (r, r.dtype))(make()))'''],
    "autograd_functional_checks": [
        TRY + '''from_fn = torch.autograd.functional
f = lambda x: (x ** 3).sum()
x = torch.tensor([1.0, 2.0])
attempt(lambda: from_fn.hessian(lambda x: (x ** 2).sum(), [x]))
attempt(lambda: from_fn.hessian(f, 3.0))
attempt(lambda: from_fn.hessian(lambda x: x.sum().item(), x))
attempt(lambda: from_fn.hessian(lambda x: (x, x), x))
attempt(lambda: from_fn.hessian(lambda x: (2 * x).sum(), x, strict=True))
attempt(lambda: from_fn.hessian(lambda x: (2 * x).sum().detach(), x, strict=True))
attempt(lambda: from_fn.hessian(lambda x, y: (x ** 3).sum(), (x, x.clone()), strict=True))
attempt(lambda: from_fn.hessian(f, x, outer_jacobian_strategy="forward-mode"))
attempt(lambda: from_fn.hessian(f, x, outer_jacobian_strategy="fwd"))
attempt(lambda: from_fn.hessian(f, (x, 1.0)))
attempt(lambda: from_fn.jacobian(lambda x: torch.ones(2), x, strict=True))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), x, strict=True))
attempt(lambda: from_fn.jacobian(lambda x, y: x.sin(), (x, x.clone()), strict=True))
attempt(lambda: from_fn.jacobian(lambda x: [x.sin()], x))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), [x]))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), x, strategy="forward-mode"))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), x, strategy="forward-mode", vectorize=True))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), x, strategy="forward-mode", vectorize=True, create_graph=True))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), x, strategy="forward-mode", vectorize=True, strict=True))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), x, vectorize=True, strict=True))
attempt(lambda: from_fn.jacobian(lambda x: x.sin(), x, strategy="fwd"))
attempt(lambda: from_fn.jacobian(lambda x, y: (x * y, x.exp()), (x, x + 1), strategy="forward-mode", vectorize=True))
attempt(lambda: from_fn.vjp(lambda x: x ** 2, x))
attempt(lambda: from_fn.vjp(lambda x: x ** 2, x, [torch.ones(2)]))
attempt(lambda: from_fn.vjp(lambda x: x.sum(), x))
attempt(lambda: from_fn.vjp(lambda x: torch.ones(1), x, strict=True))'''],
    "optimizer_lr_tensor_and_loaded_state": [
        TRY + '''p = torch.zeros(2, requires_grad=True)
for cls in (torch.optim.SGD, torch.optim.Adam, torch.optim.AdamW, torch.optim.RMSprop, torch.optim.Adagrad,
            torch.optim.Adadelta, torch.optim.LBFGS, torch.optim.Rprop, torch.optim.ASGD):
    attempt(lambda: cls([p], lr=torch.tensor([0.1, 0.2])))
    attempt(lambda: cls([p], lr=torch.tensor([0.1])).param_groups[0]["lr"])
attempt(lambda: torch.optim.SGD([p], lr=torch.tensor([0.1, 0.2]), momentum=-1))''',
        TRY + '''p = torch.zeros(2, requires_grad=True)
o = torch.optim.SGD([p], lr=0.1, momentum=0.9)
p.grad = torch.ones(2)
o.step()
sd = o.state_dict()
for cls in (torch.optim.Adam, torch.optim.AdamW, torch.optim.RMSprop, torch.optim.Adagrad, torch.optim.Adadelta,
            torch.optim.Rprop, torch.optim.NAdam, torch.optim.RAdam, torch.optim.Adamax, torch.optim.ASGD,
            torch.optim.LBFGS, torch.optim.SGD):
    o2 = cls([p])
    attempt(lambda: o2.load_state_dict(sd))
    attempt(lambda: dict(o2.state[p]))
a = torch.optim.Adam([p])
a.step()
sd = a.state_dict()
sd["state"][0]["step"] = 3
b = torch.optim.Adam([p])
b.load_state_dict(sd)
print(b.state[p]["step"])
b.step()
print(b.state[p]["step"], p)'''],
    "scheduler_resume_and_clip_value_without_grads": [
        TRY + '''p = torch.zeros(2, requires_grad=True)
attempt(lambda: torch.optim.lr_scheduler.StepLR(torch.optim.SGD([p], lr=0.1), 2, last_epoch=3))
attempt(lambda: torch.nn.utils.clip_grad_value_([p], 1.0))
attempt(lambda: torch.nn.utils.clip_grad_value_([], 1.0))
attempt(lambda: torch.nn.utils.clip_grad_value_(torch.nn.Linear(2, 1).parameters(), 1.0))
attempt(lambda: torch.nn.utils.clip_grad_norm_([p], 1.0))
p.grad = torch.tensor([3.0, -0.5])
attempt(lambda: (torch.nn.utils.clip_grad_value_([p], 1.0), p.grad))
attempt(lambda: (torch.nn.utils.clip_grad_value_(p, -1.0), p.grad))'''],
}


# PyTorch's first forward-mode jacobian in a process imports torch.func's machinery, which warns that
# torch.jit.script is deprecated (18 times, once per process): warnings left out of this case
NO_WARNINGS = {"autograd_functional_checks"}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe23_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name,
                           warns=None if name in NO_WARNINGS else "per_cell")
