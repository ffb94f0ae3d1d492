# Imitates a learner's notebook on moving tensors between PyTorch, numpy and the standard library: np.mean / np.array
# / np.asarray of tensors (and the requires_grad error), t.__array__(), copy.copy and copy.deepcopy of tensors with
# .grad and of a small nn.Module, pickle round trips of tensors and parameters, json of tolist(), and repr/str of
# tensors inside lists and dicts.
import copy
import json
import pickle
import numpy as np
import torch

def attempt(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

torch.manual_seed(0)
t = torch.tensor([[1., 2.], [3., 4.]])
w = torch.tensor([1., 2., 3.], requires_grad=True)
for f in (lambda: np.mean(t), lambda: np.mean(t, axis=0), lambda: np.sum(t), lambda: np.std(t), lambda: np.max(t),
          lambda: np.array(t), lambda: np.asarray(t), lambda: np.array(t, dtype=np.float64), lambda: t.__array__(),
          lambda: t.__array__(np.int64), lambda: np.array(torch.tensor(3)), lambda: np.array([torch.tensor(1.), torch.tensor(2.)]),
          lambda: np.array(w), lambda: np.asarray(w), lambda: w.__array__(), lambda: np.mean(w), lambda: np.array(w.detach()),
          lambda: w.detach().numpy(), lambda: np.exp(t), lambda: np.sqrt(torch.tensor([4., 9.])), lambda: np.dot(t, t),
          lambda: np.array(torch.tensor([1, 2], dtype=torch.int32)), lambda: np.array(torch.tensor([True])), lambda: np.float32(torch.tensor(2.5)),
          lambda: np.array(torch.tensor(1., dtype=torch.bfloat16)), lambda: np.concatenate([t, t]), lambda: np.stack([torch.ones(2), torch.zeros(2)]),
          lambda: np.array([w[0], w[1]])):
    attempt(f)
a = np.asarray(t)
a[0, 0] = 100.
print(t)

# %%
torch.manual_seed(0)
w = torch.tensor([1., 2., 3.], requires_grad=True)
(w * w).sum().backward()
c = copy.copy(w)
d = copy.deepcopy(w)
print(c, c.grad, c.requires_grad, c is w, c.data_ptr() == w.data_ptr())
print(d, d.grad, d.requires_grad, d.is_leaf, d.data_ptr() == w.data_ptr())
d.grad.zero_()
print(w.grad, d.grad)
y = w * 2
try:
    copy.deepcopy(y)
except Exception as e:
    print(type(e).__name__, e)
yc = copy.copy(y)
print(yc, yc.grad_fn.name() if yc.grad_fn is not None else None)
net = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))
net(torch.randn(4, 2)).sum().backward()
net2 = copy.deepcopy(net)
print(net2)
print(net2[0].weight, net2[0].weight.grad is not None, type(net2[0].weight).__name__)
print(all((p1 == p2).all() for p1, p2 in zip(net.parameters(), net2.parameters())), net2[0].weight is net[0].weight)
net3 = copy.copy(net)
print(net3[0].weight is net[0].weight, net3 is net)
with torch.no_grad():
    net2[0].weight.add_(1.)
print(net[0].weight[0], net2[0].weight[0])
v = torch.arange(6.).view(2, 3)[:, 1]
dv = copy.deepcopy(v)
print(dv, dv.is_contiguous(), dv.stride(), dv.storage_offset())

# %%
torch.manual_seed(0)
t = torch.randn(2, 3)
p = torch.nn.Parameter(torch.randn(2))
w = torch.tensor([1., 2.], requires_grad=True)
for obj in (t, p, w, torch.arange(5)[1::2], torch.tensor(3, dtype=torch.int16), {'w': p, 'b': torch.zeros(1)}, [t, t]):
    r = pickle.loads(pickle.dumps(obj))
    print(type(r).__name__, r)
q = pickle.loads(pickle.dumps(p))
print(q.requires_grad, q.is_leaf, q.grad, type(q).__name__)
lst = pickle.loads(pickle.dumps([t, t]))
print(lst[0] is lst[1])
y = w * 3
try:
    pickle.dumps(y)
except Exception as e:
    print(type(e).__name__, e)
(w * w).sum().backward()
rw = pickle.loads(pickle.dumps(w))
print(rw, rw.grad)
print(json.dumps(t.tolist()), json.dumps(torch.tensor([1, 2]).tolist()), json.dumps(torch.tensor(2.5).tolist()))
for f in (lambda: json.dumps(t), lambda: json.dumps(torch.tensor(1.)), lambda: json.dumps({'loss': torch.tensor(0.5).item()}),
          lambda: json.dumps([torch.tensor(1.)])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

# %%
torch.manual_seed(0)
w = torch.randn(2, requires_grad=True)
print([torch.tensor(1.), torch.tensor([1, 2])])
print({'w': w, 'b': torch.zeros(2, 2)})
print(str([w * 2]), repr({'x': torch.tensor(0.5)}))
print((torch.tensor(1), torch.ones(2, dtype=torch.float64)), [torch.nn.Parameter(torch.ones(1))])
print(set([torch.tensor(1)]).__len__(), [torch.tensor([])], {1: [torch.zeros(1, 2, dtype=torch.int8)]})
print(f'{[torch.tensor(0.1)]}', '%s' % [torch.tensor(2)], '{}'.format({'a': torch.tensor([True])}))

# %%
# Saving slices of a bigger tensor with pickle / copy.deepcopy: what comes back keeps the whole storage and strides
b = torch.arange(12.).view(3, 4)
row, col = b[1], b[:, 2]
for r in (pickle.loads(pickle.dumps(row)), pickle.loads(pickle.dumps(col)), copy.deepcopy(col), pickle.loads(pickle.dumps(b.t()))):
    print(r, r.stride(), r.storage_offset(), r.is_contiguous(), r.untyped_storage().nbytes())
saved = pickle.loads(pickle.dumps([b, row]))
saved[0][1, 0] = -1.
print(saved[1])
copies = copy.deepcopy([b, row, col])
copies[0][1, 2] = 100.
print(copies[1], copies[2])
