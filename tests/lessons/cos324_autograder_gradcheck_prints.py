# Imitates the autograder cells of Princeton COS 324 and similar course homeworks that grade a student's custom
# autograd.Function with torch.autograd.gradcheck (slow and fast_mode, as PyTorch's docs suggest for speed) and
# print scores, formatted numbers, accuracies and a confusion matrix.
import torch
from torch.autograd.gradcheck import GradcheckError
torch.manual_seed(324)
score = 0

class StudentSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        s = 1 / (1 + torch.exp(-x))
        ctx.save_for_backward(s)
        return s
    @staticmethod
    def backward(ctx, g):
        s, = ctx.saved_tensors
        return g * s * (1 - s)

class StudentMulExp(torch.autograd.Function):   # bug: d/da of a * exp(b) is exp(b), not b
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b.exp()
    @staticmethod
    def backward(ctx, g):
        a, b = ctx.saved_tensors
        return g * b, g * a * b.exp()

x = torch.randn(2, 3, dtype=torch.float64, requires_grad=True)
for fast in (False, True):
    ok = torch.autograd.gradcheck(StudentSigmoid.apply, (x,), fast_mode=fast)
    score += 5 * ok
    print(f"sigmoid gradcheck (fast_mode={fast}): {'PASS' if ok else 'FAIL'}  score={score}")

# %%
a = torch.randn(2, dtype=torch.float64, requires_grad=True)
b = torch.randn(2, dtype=torch.float64, requires_grad=True)
for fast in (False, True):
    try:
        torch.autograd.gradcheck(StudentMulExp.apply, (a, b), fast_mode=fast)
        score += 5
    except GradcheckError as e:
        print(f"mul_exp gradcheck (fast_mode={fast}) FAILED:\n{e}")
print(torch.autograd.gradcheck(StudentMulExp.apply, (a, b), fast_mode=True, raise_exception=False), score)
print(torch.randn(2))   # gradcheck's fast mode draws from its own generator, not the global one

# %%
# float32 inputs: the warning, and a check that only passes with looser tolerances
x32 = torch.randn(2, 3, requires_grad=True)
try:
    torch.autograd.gradcheck(torch.sigmoid, (x32,), fast_mode=True)
except Exception as e:
    print(type(e).__name__, e)
print(torch.autograd.gradcheck(torch.sigmoid, (x32,), fast_mode=True, eps=1e-3, atol=1e-3))
x64 = x32.detach().double().requires_grad_()
print(torch.autograd.gradcheck(lambda t: t.matmul(t.T).tanh(), (x64,), fast_mode=True))
print(torch.autograd.gradgradcheck(lambda t: (t ** 3).sum(dim=1), (x64,), fast_mode=True))

class NoDoubleBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t ** 3
    @staticmethod
    def backward(ctx, g):
        t, = ctx.saved_tensors
        return g * 3 * t.detach() ** 2

try:
    torch.autograd.gradgradcheck(NoDoubleBackward.apply, (x64,), fast_mode=True)
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])

# %%
# several inputs and outputs, a non-tensor argument, and a backward that is slightly off
calls = []
def two(a, s, b):
    calls.append(1)
    return a * b.sin() * s, (a ** 2).sum() + b.cos().sum() * 0.5
u = torch.randn(3, dtype=torch.float64, requires_grad=True)
v = torch.randn(3, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(two, (u, 2.0, v), fast_mode=True), len(calls))

class Off(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return t.exp()
    @staticmethod
    def backward(ctx, g):
        t, = ctx.saved_tensors
        return g * t.exp() * (1 + 1e-4 * torch.arange(4.))

y = torch.randn(4, dtype=torch.float64, requires_grad=True)
for fast in (True, False):
    try:
        torch.autograd.gradcheck(Off.apply, (y,), fast_mode=fast, atol=1e-8, rtol=1e-6)
    except Exception as e:
        print(type(e).__name__, e)

# %%
# the grader's report
x = torch.tensor(3.14159)
print(f"{x:.3f}", f"{x}", "%.2f" % x, "{:>8.2f}|".format(x), round(x.item(), 2))
try:
    print(f"{torch.tensor([1.0, 2.0]):.2f}")
except Exception as e:
    print(type(e).__name__, e)
print(torch.round(torch.tensor([1.2345, 2.5]), decimals=2), format(torch.tensor(2), "03d"),
      "{:e}".format(torch.tensor(1e-5)))
logits = torch.randn(10, 4)
labels = torch.randint(0, 4, (10,))
_, pred = torch.max(logits, 1)
correct = (pred == labels).sum().item()
print('Accuracy: %d %%' % (100 * correct / labels.size(0)), f"{100 * correct / len(labels):.1f}%")
conf = torch.zeros(4, 4, dtype=torch.long)
for t, p in zip(labels, pred):
    conf[t, p] += 1
print(conf, conf.diag().sum() / conf.sum(), torch.bincount(pred, minlength=4))
print(f"Total: {score}/20")
