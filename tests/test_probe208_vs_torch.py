"""What the two-hundred-and-eighth probe (augmentation and regularisation recipes on tensors: mixup, cutmix, random
erasing, crops, flips, label smoothing, focal loss, class-imbalance sampling, DropPath) found, each checked against
PyTorch. The in-place samplers other than bernoulli_ (normal_, uniform_, random_'s three overloads, exponential_,
geometric_, cauchy_, log_normal_) wrote their draws over a tensor in a graph without autograd seeing them: the
tensor kept its old grad_fn and the gradient still flowed back through the redrawn values. PyTorch records each as
a node of its own (NormalBackward0, UniformBackward0, RandomBackward0/1/2, ExponentialBackward0, ...) whose gradient
is zero, so a region that a random erasing redraws in place passes no gradient back and a redrawn view makes its
base a CopySlices; the draws themselves are those of the tensor's own layout (a non-contiguous view is drawn one
element at a time in memory order, as ATen's kernels do)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "in_place_samplers_in_a_graph_are_nodes_with_zero_gradients": ['''torch.manual_seed(0)
q = torch.rand(3, requires_grad=True)
calls = [("normal_", lambda t: t.normal_(0.5, 2.0)), ("uniform_", lambda t: t.uniform_(-1, 1)),
         ("random_(from, to)", lambda t: t.random_(0, 5)), ("random_(to)", lambda t: t.random_(5)),
         ("random_()", lambda t: t.random_()), ("random_(from, None)", lambda t: t.random_(2, None)),
         ("random_(to=)", lambda t: t.random_(to=3)), ("exponential_", lambda t: t.exponential_(2.0)),
         ("geometric_", lambda t: t.geometric_(0.5)), ("cauchy_", lambda t: t.cauchy_()),
         ("log_normal_", lambda t: t.log_normal_(0.0, 0.5))]
for name, call in calls:
    t = q * 2
    r = call(t)
    (r * 3).sum().backward()
    print(name, r is t, r.grad_fn.name(), r._version, q.grad, r.grad_fn.next_functions[0][0].name())
    q.grad = None
'''],
    "random_erasing_of_a_view_in_a_graph_passes_no_gradient_back": ['''torch.manual_seed(1)
x = torch.rand(2, 2, 5, 5, requires_grad=True)
feat = x * 2
feat[:, :, 1:3, 2:5].normal_(0, 1)
print(feat.grad_fn.name(), feat._version)
print(feat[0, 0])
feat.pow(2).sum().backward()
print(x.grad[0, 0], x.grad[1, 1])
noise = x * 1
noise[1].uniform_(0, 1)
noise[0, 0, 0].random_(0, 4)
noise[0, 1, :, 0].exponential_()
print(noise[0, 0, 0], noise[0, 1, :, 0], noise.grad_fn.name())
x.grad = None
noise.sum().backward()
print(x.grad[0], x.grad[1].sum())
print(torch.rand(3))
'''],
    "a_transposed_tensor_in_a_graph_is_drawn_in_memory_order": ['''torch.manual_seed(2)
w = torch.rand(3, 6, requires_grad=True)
t = (w * 1).t()
print(t.is_contiguous())
t.normal_(0, 2)
print(t, t.grad_fn.name())
(t * torch.arange(3.)).sum().backward()
print(w.grad)
u = (w * 1)[:, ::2]
u.log_normal_()
print(u, u.grad_fn.name(), torch.rand(2))
'''],
    "no_grad_leaves_and_checks_around_a_recorded_draw": ['''torch.manual_seed(3)
x = torch.rand(2, 3, requires_grad=True)
z = x * 1
with torch.no_grad():
    z.uniform_()
print(z.grad_fn.name(), z._version)
z.sum().backward()
print(x.grad)
z2 = x * 1
z2.uniform_()   # (outside no_grad: recorded)
print(z2.grad_fn.name(), z2._version, torch.autograd.grad(z2.sum(), x))
for make in [lambda: x.normal_(), lambda: x[0].uniform_(), lambda: (x * 1).uniform_(3, 1),
             lambda: (x * 1).normal_(0, -1), lambda: (x * 1).geometric_(1.5), lambda: (x * 1).random_(1, 2, 3)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
print(torch.rand(2))
'''],
    "random_bounds_warning_on_a_tensor_in_a_graph": ['''torch.set_warn_always(True)
x = torch.zeros(3, requires_grad=True) * 1
r = x.random_(0, 2 ** 30)
print(r.grad_fn.name(), r.dtype)
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe208(name):
    assert_same_as_pytorch(CELLS[name], name=name)
