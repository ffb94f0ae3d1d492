"""What the fiftieth probe (differentiable 3D geometry and graphics lessons: quaternions, Rodrigues and matrix_exp
rotations, cross products, Kabsch alignment, camera projection, triangle meshes, rays, a soft rasteriser, point
clouds) found, each checked against PyTorch: linalg.cross / torch.cross take out= (its dtype and autograd checks, no
deprecation warning from cross_out), refuse bool, give the kernel's "expected scalar type" for mixed dtypes, and
torch.cross without dim looks for a dim of size 3 in input's own shape ("no dimension of size 3 in input"); atan2's
gradient is 0 where y^2 + x^2 is 0 (the origin, or an underflow), not nan; atan2, hypot, logaddexp(2),
nextafter, ldexp, dist, heaviside, fmax and fmin refuse a Python number for their tensor argument (methods say
position 1, in-place forms their own name); linalg.svd / svdvals refuse driver= on CPU; index_add_ / index_copy_ /
index_fill_ check their index in each kernel's order and words; sparse_coo_tensor checks its indices' shape and,
with check_invariants=True, their bounds; linalg.vecdot conjugates x, checks dtypes and takes out=; multi_dot and
chain_matmul check dims, dtypes and shapes along the chain; tensordot / inner refuse mixed dtypes; and two-operand
einsum is recorded as ATen records it (operands unsqueezed and permuted to one layout, bmm's left operand the one
whose dims lead the output, ViewBackward0 on top), so that its grad_fn and its dtype errors are PyTorch's; and the
2-norm's gradient is grad * (x / norm) masked at a zero norm, so that normalising a zero vector gives nan
gradients (x / x.norm()), as in PyTorch, not inf."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "cross_dtypes_out_and_default_dim": [
        ATTEMPT + '''import warnings
warnings.simplefilter("ignore")   # (torch.cross's deprecation warning is given once per process)
f32, f64 = torch.float32, torch.float64
for a, b in ((f32, f64), (f64, f32), (torch.int64, f32), (torch.float16, f32)):
    for f in (lambda x, y: torch.linalg.cross(x, y), lambda x, y: torch.cross(x, y, dim=1), lambda x, y: x.cross(y, 1)):
        attempt(lambda: f(torch.ones(2, 3, dtype=a), torch.ones(2, 3, dtype=b)))
attempt(lambda: torch.linalg.cross(torch.ones(2, 3, dtype=torch.bool), torch.ones(2, 3, dtype=torch.bool)))
attempt(lambda: torch.linalg.cross(torch.ones(2, 3, requires_grad=True), torch.ones(2, 3), out=torch.empty(2, 3)))
attempt(lambda: torch.linalg.cross(torch.ones(2, 3), torch.ones(2, 3), out=torch.empty(2, 3, dtype=f64)))
attempt(lambda: torch.linalg.cross(torch.ones(2, 3), torch.ones(2, 3), out=3))
o = torch.empty(0)
attempt(lambda: torch.linalg.cross(torch.ones(2, 3), torch.arange(6.).view(2, 3), out=o))
print(o)''',
        ATTEMPT + '''import warnings
warnings.simplefilter("ignore")
attempt(lambda: torch.cross(torch.arange(3.).view(1, 3), torch.arange(9.).view(3, 3), dim=None))
attempt(lambda: torch.cross(torch.ones(2, 2), torch.ones(2, 2), dim=None))
attempt(lambda: torch.cross(torch.ones(2, 1), torch.ones(2, 3), dim=None))
o = torch.zeros(3)
attempt(lambda: torch.cross(torch.ones(2, 3), torch.arange(6.).view(2, 3), out=o))
print(o)'''],
    "atan2_gradient_at_the_origin": [
        '''for dt in (torch.float32, torch.float64):
    y = torch.tensor([0.0, 0.0, -0.0, 1e-30, 1e-23, 1.0], requires_grad=True, dtype=dt)
    x = torch.tensor([0.0, -0.0, 0.0, 0.0, 1e-23, 2.0], requires_grad=True, dtype=dt)
    torch.atan2(y, x).backward(torch.tensor([1.0, -1.0, 2.0, 1.0, 1.0, 3.0], dtype=dt))
    print(y.grad, x.grad)
p = torch.zeros(2, 2, requires_grad=True)
torch.atan2(p[0], p[1]).sum().backward()
p.grad'''],
    "binary_functions_refuse_numbers": [
        ATTEMPT + '''t = torch.tensor([1.0, 2.0])
for n in ("atan2", "arctan2", "hypot", "logaddexp", "logaddexp2", "nextafter", "fmax", "fmin", "ldexp", "dist",
          "heaviside"):
    attempt(lambda: getattr(torch, n)(t, 2.0))
    attempt(lambda: getattr(t, n)(2))
    attempt(lambda: getattr(torch, n)(t, other=2))
    attempt(lambda: getattr(torch, n)(t, t, 3, 4))
    attempt(lambda: getattr(t, n)(t, foo=1))
for n in ("atan2_", "arctan2_", "hypot_", "nextafter_", "ldexp_", "heaviside_"):
    attempt(lambda: getattr(t.clone(), n)(1.0))
print(torch.atan2(t, t), t.hypot(t), torch.dist(t, t + 1, 1))'''],
    "svd_driver_on_cpu": [
        ATTEMPT + '''A = torch.randn(3, 3)
attempt(lambda: torch.linalg.svd(A, driver="gesvd"))
attempt(lambda: torch.linalg.svd(A, full_matrices=False, driver="gesvdj"))
attempt(lambda: torch.linalg.svdvals(A, driver="gesvd"))
attempt(lambda: torch.linalg.svd(torch.ones(3, 3, dtype=torch.long), driver="gesvd"))
attempt(lambda: torch.linalg.svd(torch.ones(3), driver="gesvd"))
attempt(lambda: torch.linalg.svd(torch.full((3, 3), float("nan")), driver="gesvd"))
attempt(lambda: torch.linalg.svd(A, driver=3))
attempt(lambda: torch.linalg.svdvals(A, driver=4))
print(torch.linalg.svd(A, driver=None).S.shape)'''],
    "index_checks_in_each_kernels_order": [
        ATTEMPT + '''i2 = torch.tensor([[0], [1]])
for ix in (i2, i2.int(), torch.tensor([0, 1]).int(), torch.tensor([0., 1.]), torch.tensor([[0.], [1.]]),
           torch.tensor([[0, 1]]).short(), torch.tensor([0, 1]).short(), torch.tensor([0, 1]).to(torch.uint8)):
    for name in ("index_add_", "index_copy_", "index_fill_", "index_add"):
        attempt(lambda: getattr(torch.zeros(3, 2), name)(0, ix, *((1.0,) if "fill" in name else (torch.ones(2, 2),))))
attempt(lambda: torch.index_add(torch.zeros(3, 2), 0, torch.tensor([[[0]]]), torch.ones(1, 2)))'''],
    "sparse_coo_tensor_index_checks": [
        ATTEMPT + '''import warnings
warnings.simplefilter("ignore")
L = torch.tensor
attempt(lambda: torch.sparse_coo_tensor(L([0, 1]), L([1.0, 2.0]), (2,)))
attempt(lambda: torch.sparse_coo_tensor(L([0, 1]), L([1.0, 2.0])))
attempt(lambda: torch.sparse_coo_tensor(L([0, 1]), L([1.0, 2.0]), (2, 2)))
attempt(lambda: torch.sparse_coo_tensor(L(1), L(1.0), (2,)))
attempt(lambda: torch.sparse_coo_tensor(L(1), L([1.0, 2.0])))
attempt(lambda: torch.sparse_coo_tensor(L([[[0, 1]]]), L([1.0, 2.0])))
attempt(lambda: torch.sparse_coo_tensor(L([[[0, 1]]]), L([1.0, 2.0]), (2, 2, 2)))
for idx, vals in (([[0, -1], [7, 1]], [1.0, 2.0]), ([[0, 1], [-7, 5]], [1.0, 2.0]), ([[0, 1], [1, 5]], [1.0, 2.0]),
                  ([[0, 1], [1, 5]], [1.0, 2.0, 3.0]), ([[0, 1], [1, 1]], [1.0, 2.0])):
    attempt(lambda: torch.sparse_coo_tensor(L(idx), L(vals), (2, 2), check_invariants=True))'''],
    "vecdot_dtypes_conj_and_out": [
        ATTEMPT + '''vd = torch.linalg.vecdot
attempt(lambda: vd(torch.ones(2, 3, dtype=torch.long), torch.ones(2, 3, dtype=torch.long)))
attempt(lambda: vd(torch.ones(2, 3, dtype=torch.long), torch.ones(2, 3)))
attempt(lambda: vd(torch.ones(2, 3), torch.ones(2, 4, dtype=torch.float64)))
attempt(lambda: vd(torch.ones(3), torch.ones(3, dtype=torch.float16)))
attempt(lambda: vd(torch.ones(2, 3, dtype=torch.complex64), torch.ones(2, 3)))
x = torch.tensor([[1+2j, 3-1j, 0.5j]], requires_grad=True)
y = torch.tensor([[2-1j, 1j, 1+0j]])
attempt(lambda: vd(x, y))
attempt(lambda: vd(x[0], y[0]))
vd(x, y).abs().sum().backward()
print(x.grad)
attempt(lambda: vd(torch.ones(2, 3, requires_grad=True), torch.ones(2, 3), out=torch.empty(2)))
attempt(lambda: vd(torch.ones(2, 3), torch.ones(2, 3), out=torch.empty(2, dtype=torch.long)))
attempt(lambda: vd(torch.ones(2, 3), torch.ones(2, 3), out=3))
attempt(lambda: vd(torch.ones(2, 3), torch.ones(2, 3), dim=1.0))
o = torch.empty(0)
attempt(lambda: vd(torch.ones(2, 3), torch.ones(2, 3), out=o))
print(o)'''],
    "multi_dot_tensordot_inner_checks": [
        ATTEMPT + '''a = torch.ones(2, 3)
md = torch.linalg.multi_dot
attempt(lambda: md([torch.ones(2, 2, 2), a]))
attempt(lambda: md([a, torch.ones(3, 2, 2)]))
attempt(lambda: md([a, torch.ones(3), torch.ones(3, 2)]))
attempt(lambda: md([a, torch.ones(3, 2, dtype=torch.long)]))
attempt(lambda: md([a, torch.ones(4, 2)]))
attempt(lambda: md([a, torch.ones(4, 2), torch.ones(2, 2, dtype=torch.float64)]))
attempt(lambda: md([a, torch.ones(3, 2), torch.ones(2, 2, dtype=torch.float16)]))
attempt(lambda: md([torch.ones(3), torch.ones(4)]))
attempt(lambda: md([torch.ones(3), torch.ones(3, dtype=torch.int32)]))
attempt(lambda: md([torch.ones(3), torch.ones(3)]))
attempt(lambda: torch.chain_matmul(a, torch.ones(4, 2)))
attempt(lambda: torch.chain_matmul(a, torch.ones(3, 2, dtype=torch.float64), torch.ones(2, 2)))
b = torch.ones(2, 3, dtype=torch.float64)
attempt(lambda: torch.inner(a, b))
attempt(lambda: torch.inner(a[0], b[0]))
attempt(lambda: torch.inner(a, torch.ones(3, 4, dtype=torch.float64)))
attempt(lambda: torch.inner(torch.tensor(2.0), b))
attempt(lambda: torch.tensordot(a, b, dims=([1], [1])))
attempt(lambda: torch.tensordot(a, b, dims=([1, 0], [1])))
attempt(lambda: torch.tensordot(a, b, dims=([0], [1])))
attempt(lambda: torch.tensordot(a.int(), a.long(), dims=([1], [1])))'''],
    "normalising_a_zero_vector_gives_nan_gradients": [
        '''for shape, dim in (((4,), None), ((2, 4), 1)):
    q = torch.zeros(shape, requires_grad=True)
    n = q.norm() if dim is None else q.norm(dim=dim, keepdim=True)
    (q / n).sum().backward()
    print(q.grad)
for p in (2, 1, 3, float("inf"), 0.5):
    for g in (float("nan"), float("inf"), 2.0):
        q = torch.zeros(3, requires_grad=True)
        torch.linalg.vector_norm(q, ord=p).backward(torch.tensor(g))
        print(p, g, q.grad)
q = torch.tensor([[0.0, 0.0], [3.0, 4.0]], requires_grad=True)
q.norm(dim=1).backward(torch.tensor([float("nan"), 1.0]))
q.grad'''],
    "einsum_recorded_as_aten_records_it": [
        '''def dump(g):
    name = type(g).__name__
    if name == "AccumulateGrad":
        return "A" + str(tuple(g.variable.shape))
    extra = str(tuple(g._saved_dims)) if hasattr(g, "_saved_dims") else ""
    kids = [dump(f) for f, _ in g.next_functions if f is not None]
    return name.replace("Backward0", "") + extra + ("(" + ", ".join(kids) + ")" if kids else "")
torch.manual_seed(0)
for eq, sa, sb in [("ij,nj->ni", (3, 3), (2, 3)), ("ij,nj->in", (3, 3), (2, 3)), ("ij,jk->ki", (3, 3), (3, 2)),
                   ("bij,bj->bi", (2, 3, 3), (2, 3)), ("j,ij->i", (3,), (2, 3)), ("i,i->", (3,), (3,)),
                   ("i,j->ij", (3,), (2,)), ("bhqd,bhkd->bhqk", (1, 2, 3, 4), (1, 2, 5, 4)),
                   ("ij,klj->ikl", (2, 3), (4, 5, 3)), ("ijk,jl->lik", (2, 3, 4), (3, 5)),
                   ("bij,bkj->bik", (2, 1, 3), (2, 4, 3)), ("...ij,...j->...i", (5, 3, 3), (5, 3)),
                   ("ij,jk->i", (2, 3), (3, 4)), ("ij,kl->ik", (2, 3), (4, 5)), ("nij,nj->n", (4, 3, 3), (4, 3)),
                   ("bij,bjk->b", (2, 3, 4), (2, 4, 5))]:
    a, b = torch.randn(sa, requires_grad=True), torch.randn(sb, requires_grad=True)
    r = torch.einsum(eq, a, b)
    r.pow(2).sum().backward()
    print(eq, r.grad_fn, dump(r.grad_fn))
    print(r.detach().flatten()[:4], a.grad.flatten()[:3], b.grad.flatten()[:3])''',
        ATTEMPT + '''E, V = torch.eye(3), torch.ones(2, 3, dtype=torch.float64)
for eq, a, b in [("ij,nj->ni", E, V), ("ij,nj->in", E, V), ("nj,ij->ni", V, E), ("nj,ij->in", V, E),
                 ("ij,jk->ki", E, V.T), ("bi,bij->bj", V, torch.ones(2, 3, 3)), ("j,ij->i", V[0], E),
                 ("ij,kj->ki", E, V), ("bn,bnd->bd", V, torch.ones(2, 3, 4))]:
    attempt(lambda: torch.einsum(eq, a, b))'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe50_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
