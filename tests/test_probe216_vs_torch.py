"""What the two-hundred-and-sixteenth probe (UMich EECS 498-007/598-005 assignments: pytorch101, kNN, SVM and
softmax losses naive and vectorised, fully connected nets with dropout and Kaiming init) found, each checked
against PyTorch. ATen's matmul of a vector by a matrix squeezes the product in place (squeeze_(0)), so the result's
version counter reads 1, and the message of a later in-place change names the version it reached; quantile works
on its gathered values in place (lerp_, squeeze_, or unsqueeze_/transpose_/squeeze_ for a tensor of q), so its
result's version counter counts those steps."""
from helpers import assert_same_as_pytorch

CELLS = {
    "vector_times_matrix_is_squeezed_in_place": ['''torch.manual_seed(0)
W = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
x = torch.randn(5, dtype=torch.float64)
scores = x.matmul(W)
print(scores._version, scores.grad_fn, (x @ W)._version, torch.matmul(x, W.detach())._version)
print(W.t().matmul(x)._version, x.matmul(x)._version, x.matmul(W[None].expand(2, 5, 3))._version)
print(torch.nn.functional.linear(x, W.t())._version)
scores -= scores.max()
print(scores._version)
'''],
    "naive_softmax_loop_names_the_version_reached": ['''torch.manual_seed(0)
W = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
X = torch.randn(4, 5, dtype=torch.float64)
y = torch.tensor([0, 2, 1, 2])
loss = 0.0
for i in range(4):
    scores = X[i].matmul(W)
    scores -= scores.max()
    probs = scores.exp() / scores.exp().sum()
    loss -= torch.log(probs[y[i]])
    probs[y[i]] -= 1
print(probs._version, scores._version)
try:
    loss.backward()
except RuntimeError as e:
    print(e)
s = X[0] @ W
e = s.exp()
s.add_(1)
try:
    e.sum().backward()
except RuntimeError as err:
    print(err)
'''],
    "quantile_result_counts_atens_in_place_steps": ['''torch.manual_seed(0)
x = torch.randn(6, 4, requires_grad=True)
for it in ["linear", "lower", "higher", "nearest", "midpoint"]:
    print(it, torch.quantile(x, 0.5, interpolation=it)._version,
          torch.quantile(x, torch.tensor([0.2, 0.5]), interpolation=it)._version,
          torch.quantile(x, 0.3, dim=1, keepdim=True, interpolation=it)._version,
          torch.quantile(x, torch.tensor(0.3), dim=0, interpolation=it)._version,
          torch.nanquantile(x.detach(), torch.tensor([0.3]), dim=0, keepdim=True, interpolation=it)._version)
q = torch.quantile(x, 0.5, dim=0)
q.sum().backward()
print(x.grad.sum(0), q.grad_fn)
'''],
}


def test_vector_times_matrix_is_squeezed_in_place():
    assert_same_as_pytorch(CELLS["vector_times_matrix_is_squeezed_in_place"], name="probe216 vec@mat version")


def test_naive_softmax_loop_names_the_version_reached():
    assert_same_as_pytorch(CELLS["naive_softmax_loop_names_the_version_reached"], name="probe216 softmax loop")


def test_quantile_result_counts_atens_in_place_steps():
    assert_same_as_pytorch(CELLS["quantile_result_counts_atens_in_place_steps"], name="probe216 quantile version")
