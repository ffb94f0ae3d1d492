# Imitates fleuret.org/dlc practicals 1 and 2 as a student types them: torch.empty(...).normal_(), unfold windows,
# x.new_zeros / new_ones / new_full, nearest-neighbour classification by broadcasting (no cdist), compute_nb_errors,
# PCA by hand with torch.linalg.eigh (and the symeig-era call that no longer exists), data normalisation.
import torch

# %%
torch.manual_seed(0)
x = torch.empty(3, 5).normal_()
print(x)
print(x.new_zeros(2, 3), x.new_ones((2,)).dtype, x.new_full((2, 2), 7))
print(x.new_tensor([1, 2, 3]).dtype, x.new_empty(0).shape)
y = torch.empty(4, dtype=torch.int64).random_(0, 10)
print(y, y.new_zeros(3).dtype)

# %%
t = torch.arange(10.)
print(t.unfold(0, 3, 1))
print(t.unfold(0, 4, 3), t.unfold(0, 4, 3).stride())
m = torch.arange(24).view(4, 6)
u = m.unfold(1, 2, 2)
print(u.shape, u.stride(), u.is_contiguous())
print(u.sum(2))
try:
    t.unfold(0, 11, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    t.unfold(0, 3, 0)
except Exception as e:
    print(type(e).__name__, e)

# %%
def nearest_classification(train_input, train_target, x):
    dist = (train_input - x).pow(2).sum(1)
    _, n = torch.min(dist, 0)
    return train_target[n.item()]

def compute_nb_errors(train_input, train_target, test_input, test_target, mean=None, proj=None):
    if mean is not None:
        train_input = train_input - mean
        test_input = test_input - mean
    if proj is not None:
        train_input = train_input.mm(proj.t())
        test_input = test_input.mm(proj.t())
    nb_errors = 0
    for n in range(test_input.size(0)):
        if test_target[n] != nearest_classification(train_input, train_target, test_input[n]):
            nb_errors = nb_errors + 1
    return nb_errors

torch.manual_seed(1)
train_input = torch.randn(60, 8)
train_target = (train_input[:, 0] + train_input[:, 1] > 0).long()
test_input = torch.randn(25, 8)
test_target = (test_input[:, 0] + test_input[:, 1] > 0).long()
print('nb_errors', compute_nb_errors(train_input, train_target, test_input, test_target))
d = (test_input[:, None, :] - train_input[None, :, :]).pow(2).sum(2)
print(d.shape, d.argmin(1)[:10])
print(d.min(1).values[:4])

# %%
def PCA(x):
    mean = x.mean(0)
    b = x - mean
    Sigma = b.t() @ b
    eigen_values, eigen_vectors = torch.linalg.eigh(Sigma)
    right_order = eigen_values.abs().sort(descending=True)[1]
    eigen_vectors = eigen_vectors.t()[right_order]
    return mean, eigen_vectors

mean, basis = PCA(train_input)
print(mean)
print(basis.shape, basis.dtype)
print((basis @ basis.t()).diag())
for d in [2, 4, 8]:
    print(d, compute_nb_errors(train_input, train_target, test_input, test_target, mean, basis[:d]))
random_basis = train_input.new(8, 8).normal_()
print(compute_nb_errors(train_input, train_target, test_input, test_target, None, random_basis[:3]))

# %%
try:
    torch.symeig(torch.eye(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.eig(torch.eye(3))
except Exception as e:
    print(type(e).__name__, e)
L, V = torch.linalg.eigh(torch.tensor([[2., 1.], [1., 2.]]))
print(L, V)
print(torch.linalg.eigvalsh(torch.tensor([[2., 1.], [1., 2.]]), UPLO='U'))
try:
    torch.linalg.eigh(torch.ones(2, 3))
except Exception as e:
    print(type(e).__name__, e)

# %%
mu, std = train_input.mean(0), train_input.std(0)
train_input.sub_(mu).div_(std)
test_input.sub_(mu).div_(std)
print(train_input.mean(0).abs().max() < 1e-6, train_input.std(0))
print(torch.std_mean(test_input, 0, unbiased=False))
x = torch.empty(2, 3).uniform_(-1, 1)
print(x, x.var(), x.var(1, keepdim=True))
