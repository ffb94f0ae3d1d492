"""What the two-hundred-fortieth probe (hyperbolic embeddings written by hand: Poincare ball and Lorentz model,
Riemannian SGD / Adam subclasses of torch.optim.Optimizer, HGCN-style ManifoldParameter) found, each checked against
PyTorch. A learner's subclass of nn.Parameter prints as PyTorch's _str_intern prints it: its own class name as the
prefix, wrapped in "Parameter(...)" (the indentation counted from the inner prefix), below "Parameter containing:";
and str()/print() of a tensor or Parameter subclass calls the subclass's own __repr__ (torch.Tensor has no __str__
of its own). acosh_, asinh_ and atanh_ of a tensor that requires grad record AcoshBackward1 ... (derivatives.yaml
has no formula for them), whose backward raises NotImplementedError. Tensor.norm of a sparse COO gradient (a
learner rescaling nn.Embedding(sparse=True)'s gradient row by row) reaches ATen's norm_sparse, which refuses a
partial reduction and keepdim=True."""
from helpers import assert_same_as_pytorch

CELLS = {
    "parameter_subclass_prints_its_name_wrapped_in_parameter": ['''torch.manual_seed(0)
class ManifoldParameter(torch.nn.Parameter):
    pass
p = ManifoldParameter(torch.randn(3, 2) * 0.1)
print(p)
print(repr(p), str(p))
print(torch.Tensor.__repr__(p))
print(ManifoldParameter(torch.randn(4, dtype=torch.float64), requires_grad=False))
print(torch.nn.Parameter(torch.randn(2)), torch.randn(2).as_subclass(ManifoldParameter))
''', '''class Big(torch.nn.Parameter):
    pass
torch.manual_seed(1)
print(Big(torch.randn(2, 30) * 1000))
'''],
    "print_calls_a_subclass_own_repr": ['''torch.manual_seed(0)
class ManifoldParameter(torch.nn.Parameter):
    def __new__(cls, data, requires_grad=True, manifold=None):
        return torch.nn.Parameter.__new__(cls, data, requires_grad)
    def __init__(self, data, requires_grad=True, manifold=None):
        self.manifold = manifold
    def __repr__(self):
        return '{} Parameter containing:\\n'.format(self.manifold) + super(torch.nn.Parameter, self).__repr__()
p = ManifoldParameter(torch.randn(2, 2), manifold='PoincareBall')
print(p)
print(str(p) == repr(p), f"{p}")
class Point(torch.Tensor):
    def __repr__(self):
        return f"Point{tuple(self.shape)}"
pt = torch.zeros(2, 3).as_subclass(Point)
print(pt, str(pt), [pt], f"{pt}")
'''],
    "inplace_inverse_hyperbolic_functions_have_no_derivative": [
        '''names = 'acosh_ asinh_ atanh_ arccosh_ arctanh_ arcsinh_'
for n in names.split():
    x = torch.tensor([1.5, 0.5], requires_grad=True) * 1
    getattr(x, n)()
    print(n, x, x.grad_fn.name(), x.grad_fn.next_functions, x._version)
    try:
        x.sum().backward()
    except NotImplementedError as e:
        print(type(e).__name__, e)
''', '''x = torch.tensor([0.3, 0.5], dtype=torch.float64, requires_grad=True)
y = (x * 2).atanh_()
z = torch.acosh_(x + 1)
print(y, z.grad_fn, y.grad_fn.metadata)
try:
    torch.autograd.grad(y.sum() + z.sum(), x)
except RuntimeError as e:
    print(type(e).__name__, e)
with torch.no_grad():
    w = (x * 1).asinh_()
print(w, w.grad_fn, torch.tensor([0.25]).atanh_())
'''],
    "sparse_gradient_norm_is_a_full_reduction": ['''torch.manual_seed(0)
emb = torch.nn.Embedding(5, 2, sparse=True)
(emb(torch.tensor([1, 2, 2])) ** 2).sum().backward()
g = emb.weight.grad
print(g.norm(), g.norm(p=1), g.norm(dim=(1, 0)), g.norm(dim=[]), g.norm(p=float('inf')))
for k in [dict(dim=-1), dict(dim=0, keepdim=True), dict(p='fro', dim=1), dict(keepdim=True), dict(dim=(1, 1)),
          dict(dim=(0, 1), keepdim=True)]:
    try:
        print(g.norm(**k))
    except RuntimeError as e:
        print(k, type(e).__name__, e)
try:
    torch.norm(g, dim=1)
except RuntimeError as e:
    print(type(e).__name__, e)
'''],
}


def test_parameter_subclass_prints_its_name_wrapped_in_parameter():
    assert_same_as_pytorch(CELLS["parameter_subclass_prints_its_name_wrapped_in_parameter"],
                           name="probe240 parameter subclass repr")


def test_print_calls_a_subclass_own_repr():
    assert_same_as_pytorch(CELLS["print_calls_a_subclass_own_repr"], name="probe240 subclass __repr__ in print")


def test_inplace_inverse_hyperbolic_functions_have_no_derivative():
    assert_same_as_pytorch(CELLS["inplace_inverse_hyperbolic_functions_have_no_derivative"],
                           name="probe240 acosh_/asinh_/atanh_ backward")


def test_sparse_gradient_norm_is_a_full_reduction():
    assert_same_as_pytorch(CELLS["sparse_gradient_norm_is_a_full_reduction"], name="probe240 sparse norm")
