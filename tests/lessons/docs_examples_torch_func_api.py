# Imitates the Examples blocks of PyTorch 2.13's torch.func reference pages (grad with argnums and has_aux,
# grad_and_value, vjp, jvp, linearize, jacrev / jacfwd with argnums and has_aux, hessian, vmap with in_dims,
# out_dims and chunk_size, functional_call with parameters and buffers, stack_module_state), seeded as a learner
# running the page in a notebook would, printing what each returns.
import torch
from torch.func import grad, grad_and_value, vjp, jvp, linearize, jacrev, jacfwd, hessian, vmap
from torch.func import functional_call, stack_module_state
torch.manual_seed(0)

x = torch.randn([])
cos_x = grad(lambda x: torch.sin(x))(x)
print(torch.allclose(cos_x, x.cos()))
neg_sin_x = grad(grad(lambda x: torch.sin(x)))(x)
print(torch.allclose(neg_sin_x, -x.sin()))

# %%
def my_loss_func(y, y_pred):
    loss_per_sample = (0.5 * y_pred - y) ** 2
    loss = loss_per_sample.mean()
    return loss, (y_pred, loss_per_sample)

fn = grad(my_loss_func, argnums=(0, 1), has_aux=True)
y_true = torch.rand(4)
y_preds = torch.rand(4, requires_grad=True)
out = fn(y_true, y_preds)
print(out)

# %%
def f(x, y):
    return x ** 2 + y

print(grad(f, argnums=1)(torch.tensor(2.), torch.tensor(3.)))
print(grad_and_value(f, argnums=(0, 1))(torch.tensor(2.), torch.tensor(3.)))
g, (value, aux) = grad_and_value(lambda x: (x.sin().sum(), x.cos()), has_aux=True)(torch.randn(3))
print(g, value, aux)

# %%
x = torch.randn([5])
f = lambda x: x.sin().sum()
(_, vjpfunc) = vjp(f, x)
vjps = vjpfunc(torch.tensor(1.))
print(torch.allclose(vjps[0], x.cos()))
x, y = torch.randn([5]), torch.randn([5])
f = lambda x, y: (x.sin() + y.cos())
(_, vjpfunc) = vjp(f, x, y)
vjps = vjpfunc(torch.ones([5]))
print(torch.allclose(vjps[0], x.cos()), torch.allclose(vjps[1], -y.sin()))
print(vjpfunc)

# %%
x = torch.randn([5])
f = lambda x: x.sin().sum()
primals, vjpfunc = vjp(f, x)
try:
    vjpfunc(torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)
out, vjp_fn, aux = vjp(lambda x: (x.exp(), x.sum()), x, has_aux=True)
print(aux, vjp_fn(torch.ones(5))[0][:2])

# %%
x = torch.randn([])
f = lambda x: x * torch.tensor([1., 2., 3])
value, jvp_out = jvp(f, (x,), (torch.tensor(1.),))
print(torch.allclose(value, f(x)), jvp_out)
f = lambda x, y: (x * y)
_, output = jvp(f, (torch.tensor(1.), torch.tensor(2.)), (torch.tensor(3.), torch.tensor(4.)))
print(output)

# %%
def fn(x):
    return x.sin()

output, jvp_fn = linearize(fn, torch.zeros(3, 3))
print(jvp_fn(torch.ones(3, 3)))
print(output)

# %%
x = torch.randn(5)
jacobian = jacrev(torch.sin)(x)
expected = torch.diag(torch.cos(x))
print(torch.allclose(jacobian, expected))

def f(x):
    x_sin = x.sin()
    return x_sin, x_sin

jacobian_f, f_x = jacrev(f, has_aux=True)(x)
print(torch.allclose(f_x, x.sin()), jacobian_f.shape)

def f(x, y):
    return x + y ** 2

x, y = torch.randn(5), torch.randn(5)
jac = jacrev(f, argnums=1)(x, y)
print(torch.allclose(jac, torch.diag(2 * y)))
jac = jacfwd(f, argnums=(0, 1))(x, y)
print(type(jac).__name__, len(jac), jac[1].shape)

# %%
x = torch.randn(64, 5)
jacobian = vmap(jacrev(torch.sin))(x)
print(jacobian.shape)
hess = hessian(torch.sin)(torch.randn(5))
print(hess.shape)
def f(x):
    return x.sin().sum()
print(torch.allclose(hessian(f)(x[0]), torch.diag(-x[0].sin())))

# %%
x = torch.randn(2, 5)
batched_pow = vmap(torch.pow, in_dims=(0, None))
print(batched_pow(x, 2).shape)
batched_dot = vmap(torch.dot)
print(batched_dot(torch.randn(2, 5), torch.randn(2, 5)))
f = lambda x: x ** 2
print(vmap(f, in_dims=1)(x).shape)
print(vmap(f, out_dims=1)(x).shape)
print(vmap(torch.sum, chunk_size=1)(x))
print(vmap(lambda d: d["a"] + d["b"])({"a": torch.ones(2, 3), "b": torch.ones(2, 3)}))

# %%
model = torch.nn.BatchNorm1d(3)
x = torch.randn(4, 3)
params_and_buffers = {**dict(model.named_parameters()), **dict(model.named_buffers())}
out = functional_call(model, params_and_buffers, (x,))
print(out.shape, model.running_mean, model.num_batches_tracked)
lin = torch.nn.Linear(3, 2)
new = {"weight": torch.zeros(2, 3), "bias": torch.ones(2)}
print(functional_call(lin, new, (x,)))
print(functional_call(lin, ({"weight": torch.ones(2, 3)}, {"bias": torch.zeros(2)}), x))

# %%
models = [torch.nn.Linear(3, 2) for _ in range(4)]
params, buffers = stack_module_state(models)
print({k: v.shape for k, v in params.items()}, buffers)
base = torch.nn.Linear(3, 2).to("meta")
def wrapper(params, buffers, data):
    return functional_call(base, (params, buffers), (data,))
out = vmap(wrapper, in_dims=(0, 0, None))(params, buffers, torch.randn(5, 3))
print(out.shape, out.requires_grad)
