# Imitates the official "Understanding requires_grad, retain_grad, Leaf, and Non-leaf Tensors" tutorial (its table
# of is_leaf / requires_grad / retains_grad / grad_fn / grad per tensor) and the "Backward Hooks execution" part of
# the "Autograd mechanics" note: Node.register_hook and register_prehook on grad_fn, hooks on leaves and non-leaves,
# when they fire relative to retain_grad and each other, hooks on tensors modified in place, and
# torch.autograd.graph.register_multi_grad_hook.
import torch
import torch.nn.functional as F

# %%
x = torch.ones(1, 3)                      # input tensor
W = torch.ones(3, 2, requires_grad=True)  # weights
b = torch.ones(1, 2, requires_grad=True)  # bias
y = torch.ones(1, 2)                      # target

z = (x @ W) + b                           # pre-activation
y_pred = F.relu(z)                        # activation
loss = F.mse_loss(y_pred, y)              # loss

tensors = [x, W, b, y, z, y_pred, loss]
names = ["x", "W", "b", "y", "z", "y_pred", "loss"]

# %%
def print_table(tensors, names):
    print(f"{'tensor':<8}{'is_leaf':<9}{'requires_grad':<15}{'retains_grad':<14}{'grad_fn':<20}grad")
    for t, n in zip(tensors, names):
        gfn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
        print(f"{n:<8}{str(t.is_leaf):<9}{str(t.requires_grad):<15}{str(t.retains_grad):<14}{str(gfn):<20}"
              f"{t.grad if t.is_leaf or t.retains_grad else '-'}")

print_table(tensors, names)

# %%
# .grad of a non-leaf before and after backward
print(z.grad)
loss.backward()
print(W.grad)
print(b.grad)
print(z.grad)

# %%
# retain_grad on the intermediates, then backward again (a new graph: the old one is freed)
z = (x @ W) + b
y_pred = F.relu(z)
loss = F.mse_loss(y_pred, y)
z.retain_grad()
y_pred.retain_grad()
loss.retain_grad()
W.grad, b.grad = None, None
loss.backward()
print_table([x, W, b, y, z, y_pred, loss], names)

# %%
# retain_grad on a leaf does nothing; on a tensor that does not require grad it is an error
W.retain_grad()
print(W.retains_grad)
x.retain_grad()

# %%
# requires_grad_ on a non-leaf
z.requires_grad_(False)

# %%
print(z.requires_grad_(True) is z, loss.grad)

# %%
# Node hooks: a hook on grad_fn sees (grad_inputs, grad_outputs); a prehook sees grad_outputs
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
c = a.exp()
d = c.sum()

def node_hook(grad_inputs, grad_outputs):
    print("node hook:", grad_inputs, grad_outputs)

def node_prehook(grad_outputs):
    print("node prehook:", grad_outputs)

h1 = c.grad_fn.register_hook(node_hook)
h2 = c.grad_fn.register_prehook(node_prehook)
print(isinstance(c.grad_fn, torch.autograd.graph.Node), c.grad_fn.name())
d.backward()
print(a.grad)

# %%
# a prehook may replace the gradient coming in; a hook may replace the gradients going out
h1.remove()
h2.remove()
a.grad = None
c = a.exp()
c.grad_fn.register_prehook(lambda grad_outputs: (grad_outputs[0] * 0 + 1,))
(c * 5).sum().backward()
print(a.grad)

a.grad = None
c = a.exp()
c.grad_fn.register_hook(lambda grad_inputs, grad_outputs: (grad_inputs[0] * 2,))
c.sum().backward()
print(a.grad)

# %%
# the order: tensor hooks and retain_grad on a non-leaf, then the node's prehook and hook
order = []
a = torch.tensor([1.0, 2.0], requires_grad=True)
m = a * 2
n = m.sin()
m.register_hook(lambda g: order.append(("tensor hook on m", g.tolist())))
m.retain_grad()
m.register_hook(lambda g: order.append(("second tensor hook", g.tolist())) or g * 10)
m.grad_fn.register_prehook(lambda go: order.append(("prehook of m.grad_fn", go[0].tolist())))
m.grad_fn.register_hook(lambda gi, go: order.append(("hook of m.grad_fn", gi[0].tolist())))
n.sum().backward()
for o in order:
    print(o)
print(m.grad)
print(a.grad)

# %%
# a hook on a leaf runs before its gradient is accumulated; the post-accumulate hook after
a = torch.tensor([1.0, 2.0], requires_grad=True)
a.register_hook(lambda g: print("leaf hook sees", g))
a.register_post_accumulate_grad_hook(lambda p: print("accumulated:", p.grad))
(a * 3).sum().backward()
(a * 3).sum().backward()

# %%
# hooks on a tensor that is then modified in place fire with the gradient of the value it had when registered
a = torch.tensor([1.0, 2.0], requires_grad=True)
t = a.clone()
t.register_hook(lambda g: print("hook before the in-place op:", g))
t.mul_(3)
t.register_hook(lambda g: print("hook after the in-place op:", g))
(t ** 2).sum().backward()
print(a.grad)

# %%
# a hook on a tensor that does not require grad
torch.ones(2).register_hook(lambda g: g)

# %%
# register_multi_grad_hook: once all of the tensors' gradients are computed (those that take part)
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0], requires_grad=True)
seen = []

def multi_hook(grads):
    seen.append([None if g is None else g.tolist() for g in grads])

handle = torch.autograd.graph.register_multi_grad_hook((a, b), multi_hook)
(a * b).sum().backward()
(a ** 2).sum().backward()
print(seen)
handle.remove()
(a * b).sum().backward()
print(len(seen), a.grad, b.grad)

# %%
# mode="any": the hook runs once, with the first gradient computed
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0], requires_grad=True)
torch.autograd.graph.register_multi_grad_hook((a, b), lambda g: print("first grad:", g), mode="any")
(a * b).sum().backward()
