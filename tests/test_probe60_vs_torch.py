"""What the sixtieth probe (privacy, federated, continual learning and calibration lessons: DP-SGD with per-sample
gradients from torch.func, FedAvg over state_dict()s, EWC, replay buffers, temperature scaling and ECE) found,
each checked against PyTorch: inside torch.func.vmap the values computed from the mapped inputs are batched
(engine/batching.py), so that what PyTorch cannot do with a BatchedTensor fails with its message: .item(),
float() / int() / f-string formatting, bool() (data-dependent control flow), .tolist() / .numpy() (no storage),
ops whose output shape depends on the values (nonzero, unique, boolean masks, masked_select), allclose / equal,
and an in-place write of a batched value into a tensor that is not batched (add_, mul_, setitem, fill_, clamp_ ...),
with the message PyTorch gives under a grad transform inside the vmap; values of unbatched inputs (parameters
passed with in_dim None, tensors the function closes over) stay free. grad of a complex scalar output fails as in
PyTorch. BatchNorm's state dict is version 2 and a dict without num_batches_tracked (a plain dict, an old
checkpoint) keeps the module's count instead of a missing key. A 0-dim Parameter formats as an object
(f"{p:.2f}" is PyTorch's TypeError), a plain 0-dim tensor as its number."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''from torch.func import vmap, grad, functional_call
x = torch.arange(6.0).view(3, 2) - 2.5
w = torch.tensor([0.5, -1.0])
'''

CELLS = {
    "vmap_refuses_python_numbers_of_batched_values": [
        TRY + '''torch.set_warn_always(True)   # (float() of a tensor that requires grad warns once per process on both sides)
for f in (lambda a: a.sum().item(), lambda a: float(a.sum()), lambda a: int(a.argmax()),
          lambda a: complex(a[0]), lambda a: f"{a.sum():.2f}", lambda a: a.item(),
          lambda a: a.max().item() * a, lambda a: a.clamp(max=a.sum().item()),
          lambda a: torch.zeros_like(a).sum().item() * a, lambda a: (a > 0).all().item() * a,
          lambda a: torch.isnan(a).sum().item() * a, lambda a: a.sort().indices[0].item() * a,
          lambda a: torch.bucketize(a, w.sort().values).sum().item() * a):
    attempt(lambda: vmap(f)(x))
    attempt(lambda: vmap(grad(lambda a: (a * torch.as_tensor(f(a))).sum()))(x))
torch.set_warn_always(False)''',
        '''for f in (lambda a: a if a.sum() > 0 else -a, lambda a: bool(a.norm() > 1) * a, lambda a: a.sum() > 0 and a,
          lambda a: min(a[0], a[1]), lambda a: a.tolist(), lambda a: a.numpy(), lambda a: a.detach().numpy(),
          lambda a: a.unsqueeze(0)[0, 1].tolist()):
    attempt(lambda: vmap(f)(x))
print(vmap(lambda a: a.sum().item(), in_dims=0)(torch.randn(0, 2)) if False else "-")
attempt(lambda: vmap(lambda a: a.sum().item())(torch.zeros(0, 2)))''',
        '''# what is not batched stays free: a closed-over tensor, an input with in_dim None, a constant
print(vmap(lambda a: a * w.sum().item())(x))
print(vmap(lambda a, b: a * b.max().item(), in_dims=(0, None))(x, w))
print(vmap(lambda a: a * torch.tensor(2.0).item() + a.new_tensor(1.0).item())(x))
print(vmap(lambda a: torch.where(a.sum() > 0, a, -a))(x), vmap(lambda a: a[a.argmax()])(x))
print(vmap(lambda a: vmap(lambda b: b * 2)(a))(x.view(3, 2, 1)).shape)
attempt(lambda: vmap(lambda a: vmap(lambda b: b * a.sum().item())(a))(x))
attempt(lambda: vmap(lambda a: grad(lambda b: b.sum() * a.sum().item())(a))(x))
attempt(lambda: grad(lambda a: vmap(lambda b: b.sum() * b.sum().item())(a).sum())(x))''',
        '''import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
model = nn.Linear(2, 3)
params = {k: v.detach() for k, v in model.named_parameters()}
y = torch.tensor([0, 2, 1])
def loss_item(p, s, t):
    return F.cross_entropy(functional_call(model, p, (s.unsqueeze(0),)), t.unsqueeze(0)).item()
attempt(lambda: vmap(loss_item, in_dims=(None, 0, 0))(params, x, y))
attempt(lambda: vmap(grad(lambda p, s, t: torch.tensor(loss_item(p, s, t))), in_dims=(None, 0, 0))(params, x, y))
def loss(p, s, t):
    return F.cross_entropy(functional_call(model, p, (s.unsqueeze(0),)), t.unsqueeze(0))
def clipped(p, s, t):   # the gradients grad makes inside a vmap are batched too
    g = grad(loss)(p, s, t)
    return {k: v * min(1.0, 0.5 / float(torch.cat([u.flatten() for u in g.values()]).norm())) for k, v in g.items()}
attempt(lambda: vmap(clipped, in_dims=(None, 0, 0))(params, x, y))
attempt(lambda: vmap(lambda a: grad(lambda b: (b ** 2).sum())(a).norm().item())(x))
attempt(lambda: vmap(lambda a: grad(lambda b: (b ** 2).sum())(a).tolist())(x))
g = vmap(grad(loss), in_dims=(None, 0, 0))(params, x, y)
print({k: v.shape for k, v in g.items()})
norms = torch.cat([v.reshape(3, -1) for v in g.values()], 1).norm(dim=1)
print(norms.clamp(max=1.0), (1.0 / (norms + 1e-6)).clamp(max=1.0))'''],
    "vmap_refuses_dynamic_shapes_allclose_and_equal": [
        TRY + '''m = torch.tensor([True, False])
for f in (lambda a: a.nonzero(), lambda a: torch.nonzero(a, as_tuple=True), lambda a: torch.unique(a),
          lambda a: torch.unique(a, dim=0), lambda a: a.unique_consecutive(), lambda a: a[a > 0],
          lambda a: w[a > 0], lambda a: a.masked_select(a > 0), lambda a: w.masked_select(a > 0),
          lambda a: torch.allclose(a, w) * a, lambda a: torch.allclose(w, a) * a, lambda a: torch.equal(a, w) * a,
          lambda a: a[m], lambda a: a.masked_select(m), lambda a: torch.count_nonzero(a)):
    attempt(lambda: vmap(f)(x))''',
        '''# outside a vmap nothing changes
print(torch.nonzero(x), torch.unique(x), x[x > 0], torch.allclose(x, x), torch.equal(x, x), x.sum().item())'''],
    "vmap_refuses_batched_values_written_in_place": [
        TRY + '''for f in (lambda t, a: t.add_(a), lambda t, a: t.add_(a, alpha=2), lambda t, a: t.__iadd__(a),
          lambda t, a: t.sub_(a), lambda t, a: t.mul_(a), lambda t, a: t.__imul__(a), lambda t, a: t.div_(a),
          lambda t, a: t.copy_(a), lambda t, a: t.__setitem__(0, a[0]), lambda t, a: t.__setitem__(slice(None), a),
          lambda t, a: t.masked_fill_(a > 0, 0.0), lambda t, a: t.fill_(a.sum()),
          lambda t, a: t.index_add_(0, torch.tensor([0, 1]), a), lambda t, a: t.zero_().add_(a)):
    t = torch.ones(2)
    attempt(lambda: vmap(lambda a: f(t, a))(x))
    print(t)''',
        '''# in place on the batched values themselves: allowed
print(vmap(lambda a: a.add_(w))(x.clone()), vmap(lambda a: a.mul_(2).sum())(x.clone()))
t = torch.ones(2)
print(vmap(lambda a: t.mul(a).add_(1))(x), t)'''],
    "grad_of_a_complex_output": [
        '''from torch.func import grad, grad_and_value
x = torch.randn(3)
for f in (lambda a: a.sum().to(torch.complex64), lambda a: (a * 1j).sum(), lambda a: torch.view_as_complex(a.view(-1, 1).expand(3, 2).contiguous()).sum()):
    for g in (grad(f), grad_and_value(f), grad(lambda a: (f(a), a), has_aux=True)):
        try:
            print(g(x))
        except Exception as e:
            print(type(e).__name__, e)'''],
    "batchnorm_state_dict_without_num_batches_tracked": [
        '''import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.InstanceNorm1d(3, track_running_stats=True))
m[1].num_batches_tracked += 7
sd = m.state_dict()
print(sd._metadata)
plain = {k: v for k, v in sd.items() if "num_batches" not in k}
print(m.load_state_dict(plain), len(plain), m[1].num_batches_tracked, m[2].num_batches_tracked)
wrapped = {"module." + k: v for k, v in sd.items()}
try:
    m.load_state_dict(wrapped)
except RuntimeError as e:
    print(e)
print(m.load_state_dict(wrapped, strict=False))
kept = m.state_dict()
del kept["1.num_batches_tracked"]
try:
    m.load_state_dict(kept)
except RuntimeError as e:
    print(e)
print(nn.BatchNorm2d(3, track_running_stats=False).load_state_dict({"weight": torch.ones(3), "bias": torch.zeros(3)}))
print(nn.LayerNorm(3).state_dict()._metadata, nn.GroupNorm(1, 3).state_dict()._metadata)'''],
    "zero_dim_parameter_formats_as_an_object": [
        '''import torch.nn as nn
p = nn.Parameter(torch.tensor(0.25))
for make in (lambda: f"{p:.2f}", lambda: f"{p}", lambda: f"{p.data:.2f}", lambda: f"{p.detach():.3f}",
             lambda: f"{p * 2:.2f}", lambda: f"{p.item():.2f}", lambda: "{:>8.3f}".format(p),
             lambda: f"{nn.Parameter(torch.tensor([0.5])):.2f}", lambda: f"{torch.tensor(0.5, requires_grad=True):.2f}",
             lambda: f"{nn.Parameter(torch.tensor(3), requires_grad=False):d}"):
    try:
        print(repr(make()))
    except Exception as e:
        print(type(e).__name__, e)'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe60_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
