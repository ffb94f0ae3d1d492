# Imitates the end of PyTorch's "Jacobians, Hessians, hvp, vhp, and more" tutorial (hvp as jvp of grad, vhp as vjp
# of grad, batch Jacobians and Hessians with vmap and out_dims) and the torch.func.jvp / vjp API examples, printing
# what each call returns, including the primal outputs of a model whose weights require grad.
import torch
import torch.nn as nn
from torch.func import jvp, vjp, grad, jacrev, jacfwd, hessian, vmap
torch.manual_seed(0)

def f(x):
    return x.sin().sum()

def hvp(f, primals, tangents):
    return jvp(grad(f), primals, tangents)[1]

def vhp(f, primals, tangents):
    _, vjp_fn = vjp(grad(f), *primals)
    return vjp_fn(*tangents)

x = torch.randn(4)
tangent = torch.randn(4)
print(hvp(f, (x,), (tangent,)))
print(vhp(f, (x,), (tangent,)))
print(torch.allclose(hvp(f, (x,), (tangent,)), -x.sin() * tangent))

# %%
# jvp returns the primal output and the tangent output
out, tan = jvp(torch.sin, (x,), (torch.ones(4),))
print(out)
print(tan)
print(out._base is not None, torch.equal(out, x.sin()))
out, tan = jvp(lambda a, b: (a * b, a + b), (torch.tensor([1., 2.]), torch.tensor([3., 4.])),
               (torch.tensor([1., 0.]), torch.tensor([0., 1.])))
print(out)
print(tan)

# %%
# a layer whose weights require grad: the outputs stay attached to them
layer = nn.Linear(4, 2)
out, tan = jvp(layer, (x,), (tangent,))
print(out)
print(out.grad_fn.name(), out.is_leaf)
out.sum().backward()
print(layer.bias.grad)
value, vjp_fn = vjp(layer, x)
print(value)
print(vjp_fn(torch.ones(2))[0].shape)

# %%
# batch Jacobian: vmap over jacrev, and the trick of summing over the batch with out_dims
def predict(weight, bias, x):
    return torch.nn.functional.linear(x, weight, bias).tanh()

D, batch_size = 4, 3
weight = torch.randn(D, D)
bias = torch.randn(D)
xb = torch.randn(batch_size, D)
compute_batch_jacobian = vmap(jacrev(predict, argnums=2), in_dims=(None, None, 0))
batch_jacobian0 = compute_batch_jacobian(weight, bias, xb)
print(batch_jacobian0.shape)

def predict_with_output_summed(weight, bias, x):
    return predict(weight, bias, x).sum(0)

batch_jacobian1 = jacrev(predict_with_output_summed, argnums=2)(weight, bias, xb).movedim(1, 0)
print(torch.allclose(batch_jacobian0, batch_jacobian1, atol=1e-6))
batch_jacobian2 = vmap(jacrev(predict, argnums=2), in_dims=(None, None, 0), out_dims=1)(weight, bias, xb)
print(batch_jacobian2.shape, batch_jacobian2.is_contiguous())

# %%
# batch Hessians, and jacfwd over jacrev
compute_batch_hessian = vmap(hessian(predict, argnums=2), in_dims=(None, None, 0))
batch_hess = compute_batch_hessian(weight, bias, xb)
print(batch_hess.shape)
h_fwd_rev = jacfwd(jacrev(lambda x: predict(weight, bias, x).sum()))(xb[0])
print(torch.allclose(h_fwd_rev, batch_hess[0].sum(0), atol=1e-5))

# %%
# the primal of a jvp inside vmap, and hvp over a batch of tangents
vs = torch.eye(4)
hvps = vmap(lambda v: hvp(f, (x,), (v,)))(vs)
print(hvps)
print(torch.allclose(hvps, torch.diag(-x.sin())))
outs, tans = vmap(lambda v: jvp(torch.exp, (x,), (v,)))(vs)
print(outs.shape, outs.stride(), tans.shape)
