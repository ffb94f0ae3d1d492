# Imitates Stevens, Antiga & Viehmann, "Deep Learning with PyTorch", chapters 3 and 5: points as a tensor, its
# untyped_storage(), storage_offset(), stride() and size() for a row and a transpose, contiguous(), in-place methods
# (zero_), then the thermometer: t_c against t_u, model(t_u, w, b), the hand-derived gradient compared with autograd,
# training_loop with params.grad.zero_(), optim.SGD and Adam, and the train/validation split with randperm.
import torch
import torch.optim as optim

points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
print(points, points.shape, points[0, 1], points[0])
print(len(points.untyped_storage()), points.untyped_storage().nbytes(), points.storage_offset())
second_point = points[1]
print(second_point.storage_offset(), second_point.size(), second_point.shape, points.stride(), second_point.stride())
second_point = points[1].clone()
second_point[0] = 10.0
print(points)

# %%
points_t = points.t()
print(points_t, id(points.untyped_storage()) != 0, points.untyped_storage().data_ptr() == points_t.untyped_storage().data_ptr())
print(points.stride(), points_t.stride(), points.is_contiguous(), points_t.is_contiguous())
some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
print(some_t.shape, transpose_t.shape, some_t.stride(), transpose_t.stride())
points_t_cont = points_t.contiguous()
print(points_t_cont, points_t_cont.stride(), points_t_cont.is_contiguous())
a = torch.ones(3, 2)
a.zero_()
print(a, points.to(dtype=torch.double).dtype, points[1:].dtype, points.type(torch.short))

# %%
t_c = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
t_u = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]
t_c = torch.tensor(t_c)
t_u = torch.tensor(t_u)

def model(t_u, w, b):
    return w * t_u + b

def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c)**2
    return squared_diffs.mean()

w = torch.ones(())
b = torch.zeros(())
t_p = model(t_u, w, b)
print(t_p, loss_fn(t_p, t_c))

def dloss_fn(t_p, t_c):
    return 2 * (t_p - t_c) / t_p.size(0)

def grad_fn(t_u, t_c, t_p, w, b):
    dloss_dtp = dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * t_u
    dloss_db = dloss_dtp * 1.0
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])

params = torch.tensor([1.0, 0.0], requires_grad=True)
loss = loss_fn(model(t_u, *params), t_c)
loss.backward()
print(params.grad, grad_fn(t_u, t_c, model(t_u, 1.0, 0.0), 1.0, 0.0))

# %%
def training_loop(n_epochs, learning_rate, params, t_u, t_c):
    for epoch in range(1, n_epochs + 1):
        if params.grad is not None:
            params.grad.zero_()
        t_p = model(t_u, *params)
        loss = loss_fn(t_p, t_c)
        loss.backward()
        with torch.no_grad():
            params -= learning_rate * params.grad
        if epoch % 1000 == 0:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
    return params

t_un = 0.1 * t_u
print(training_loop(n_epochs=3000, learning_rate=1e-2, params=torch.tensor([1.0, 0.0], requires_grad=True), t_u=t_un, t_c=t_c))

# %%
print([n for n in ("SGD", "Adam", "RMSprop") if n in dir(optim)])
def training_loop_opt(n_epochs, optimizer, params, t_u, t_c):
    for epoch in range(1, n_epochs + 1):
        t_p = model(t_u, *params)
        loss = loss_fn(t_p, t_c)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if epoch % 500 == 0:
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
    return params

params = torch.tensor([1.0, 0.0], requires_grad=True)
optimizer = optim.SGD([params], lr=1e-2)
print(training_loop_opt(2000, optimizer, params, t_un, t_c))
params = torch.tensor([1.0, 0.0], requires_grad=True)
optimizer = optim.Adam([params], lr=1e-1)
print(training_loop_opt(2000, optimizer, params, t_u, t_c))

# %%
torch.manual_seed(0)
n_samples = t_u.shape[0]
n_val = int(0.2 * n_samples)
shuffled_indices = torch.randperm(n_samples)
train_indices = shuffled_indices[:-n_val]
val_indices = shuffled_indices[-n_val:]
print(train_indices, val_indices)
train_t_u, train_t_c = t_u[train_indices], t_c[train_indices]
val_t_u, val_t_c = t_u[val_indices], t_c[val_indices]
train_t_un, val_t_un = 0.1 * train_t_u, 0.1 * val_t_u

def training_loop_val(n_epochs, optimizer, params, train_t_u, val_t_u, train_t_c, val_t_c):
    for epoch in range(1, n_epochs + 1):
        train_loss = loss_fn(model(train_t_u, *params), train_t_c)
        with torch.no_grad():
            val_loss = loss_fn(model(val_t_u, *params), val_t_c)
            assert val_loss.requires_grad == False
        optimizer.zero_grad()
        train_loss.backward()
        optimizer.step()
        if epoch <= 3 or epoch % 500 == 0:
            print(f"Epoch {epoch}, Training loss {train_loss.item():.4f}, Validation loss {val_loss.item():.4f}")
    return params

params = torch.tensor([1.0, 0.0], requires_grad=True)
optimizer = optim.SGD([params], lr=1e-2)
print(training_loop_val(1500, optimizer, params, train_t_un, val_t_un, train_t_c, val_t_c))
