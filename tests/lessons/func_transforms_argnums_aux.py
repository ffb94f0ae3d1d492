# Imitates the torch.func API reference examples (grad, grad_and_value, vjp, jvp, jacrev, jacfwd,
# hessian) and the "Jacobians, Hessians, hvp, vhp" tutorial's sections on argnums and has_aux: what each transform
# returns for tuples of arguments, auxiliary outputs, and the errors of a wrong call.
import torch
from torch.func import grad, grad_and_value, vjp, jvp, jacrev, jacfwd, hessian, vmap
torch.manual_seed(0)

x = torch.randn([])
cos_x = grad(lambda x: torch.sin(x))(x)
print(torch.allclose(cos_x, x.cos()))
neg_sin_x = grad(grad(lambda x: torch.sin(x)))(x)
print(torch.allclose(neg_sin_x, -x.sin()))
print(vmap(grad(torch.sin))(torch.tensor([0., 1., 2.])))

# %%
def my_loss_func(y, y_pred):
    loss_per_sample = (0.5 * y_pred - y) ** 2
    loss = loss_per_sample.mean()
    return loss, (y_pred, loss_per_sample)

fn = grad(my_loss_func, argnums=(0, 1), has_aux=True)
y_true = torch.rand(4)
y_preds = torch.rand(4, requires_grad=True)
(g_y, g_pred), (aux_pred, aux_per_sample) = fn(y_true, y_preds)
print(g_y, g_pred, sep="\n")
print(aux_pred.requires_grad, aux_per_sample.shape)

# %%
g, (value, aux) = grad_and_value(my_loss_func, argnums=1, has_aux=True)(y_true, y_preds)
print(g)
print(value, aux[1])
g2, v2 = grad_and_value(lambda a, b: (a * b).sum())(torch.tensor([1., 2.]), torch.tensor([3., 4.]))
print(g2, v2)

# %%
x = torch.randn(5)
y = torch.randn(5)
f = lambda x, y: (x.sin() + y.sin()).sum()
jac = jacrev(f, argnums=(0, 1))(x, y)
print(type(jac).__name__, len(jac), jac[0].shape)
print(torch.allclose(jac[0], x.cos()), torch.allclose(jac[1], y.cos()))

def f2(x):
    y = x.sin()
    return y, {"cos": x.cos()}
j, aux = jacrev(f2, has_aux=True)(torch.arange(3.))
print(j)
print(aux)
jf, auxf = jacfwd(f2, has_aux=True)(torch.arange(3.))
print(torch.allclose(j, jf), auxf["cos"])

# %%
# Jacobians of several outputs and of dict inputs nest as the outputs, then the inputs
def two_out(a, b):
    return a * b, (a + b).sum()

jr = jacrev(two_out, argnums=(0, 1))(torch.tensor([1., 2.]), torch.tensor([3., 4.]))
print(jr)
jd = jacfwd(lambda p: p["w"] @ p["x"])({"w": torch.eye(2), "x": torch.tensor([1., -1.])})
print(jd)

# %%
def f3(x, y):
    return (x ** 2 * y).sum()

H = hessian(f3)(torch.tensor([1., 2.]), torch.tensor([3., 4.]))
print(H)
H01 = hessian(f3, argnums=(0, 1))(torch.tensor([1., 2.]), torch.tensor([3., 4.]))
print(H01[0][1])
print(H01[1][1])

# %%
x = torch.randn(3)
out, vjp_fn = vjp(torch.sin, x)
print(torch.allclose(vjp_fn(torch.ones(3))[0], x.cos()))
out, vjp_fn = vjp(lambda a, b: (a * b, a + b), torch.tensor([1., 2.]), torch.tensor([3., 4.]))
print(vjp_fn((torch.ones(2), torch.ones(2))))
(_, vjp_aux, aux) = vjp(lambda t: (t.exp(), t.sum()), torch.zeros(2), has_aux=True)
print(aux, vjp_aux(torch.ones(2)))

# %%
x = torch.randn([])
f = lambda x: x * torch.tensor([1., 2., 3])
value, jvp_out = jvp(f, (x,), (torch.tensor(1.),))
print(torch.allclose(value, f(x)), jvp_out)
f = lambda x, y: (x * y)
_, output = jvp(f, (torch.tensor(3.), torch.tensor(4.)), (torch.tensor(1.), torch.tensor(1.)))
print(output)


# %%
for make in [
    lambda: grad(lambda x: x * 2)(torch.ones(3)),
    lambda: grad(lambda x: x.sum(), argnums=2)(torch.ones(3)),
    lambda: grad(lambda x, y: (x * y).sum(), argnums=(0, 0))(torch.ones(3), torch.ones(3)),
    lambda: grad(lambda x: x.sum(), has_aux=True)(torch.ones(3)),
    lambda: grad(lambda x: x.sum())([1., 2.]),
    lambda: jvp(torch.sin, torch.ones(2), torch.ones(2)),
    lambda: jvp(torch.sin, (torch.ones(2),), (torch.ones(3),)),
    lambda: vjp(torch.sin, torch.ones(2))[1](torch.ones(3)),
    lambda: jacrev(lambda x: 3.0)(torch.ones(2)),
    lambda: jacrev(torch.sin, argnums="0")(torch.ones(2)),
    lambda: hessian(torch.sin, argnums=())(torch.ones(2)),
]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
