"""What the two-hundred-twenty-seventh probe (Python's own protocols on tensors: sets and dict keys, builtins,
unpacking, number conversions, numpy, copy and pickle) found, each checked against PyTorch. A tensor hashes to its
id; three-argument pow() is Python's TypeError; reversed() is a tensor (flip along dim 0, a 0-d tensor itself);
copy.deepcopy and pickle keep a tensor's whole storage and its place in it (offset, strides), deepcopy sharing one
copied storage between the views it copies, pickle giving each tensor a storage of its own, copy.copy sharing."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "hash_of_a_tensor_is_its_id": ['''a, b = torch.tensor([1., 2.]), torch.tensor([1., 2.])
p = torch.nn.Parameter(torch.ones(2))
w = torch.tensor(0.5, requires_grad=True) * 2
print(hash(a) == id(a), hash(p) == id(p), hash(w) == id(w), hash(a) == hash(b), {a: 1, b: 2}[b], len({a, b, a}))
'''],
    "three_argument_pow_is_pythons_type_error": ['''for args in ((torch.tensor(3), 2, 5), (torch.tensor([2., 3.]), torch.tensor(2.), 5), (3, torch.tensor(2), 5),
             (torch.tensor(2.), 2, torch.tensor(3))):
    try:
        pow(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(pow(torch.tensor([2., 3.], requires_grad=True), 2, None))
'''],
    "reversed_is_a_flipped_tensor": ['''w = torch.tensor([1., 2., 3.], requires_grad=True)
r = reversed(w)
print(r, reversed(torch.tensor(4.)), reversed(torch.arange(6).view(3, 2)), reversed(torch.zeros(0)))
(r * torch.tensor([1., 10., 100.])).sum().backward()
print(w.grad, list(reversed(torch.arange(3))))
'''],
    "deepcopy_keeps_the_storage_and_strides_of_views": ['''import copy
b = torch.arange(12.).view(3, 4)
for t in (b[1], b[:, 2], b.t(), torch.arange(3.).expand(2, 3), torch.randn(2, 3, 4, 5).contiguous(memory_format=torch.channels_last)):
    c = copy.deepcopy(t)
    print(c.stride(), c.storage_offset(), c.is_contiguous(), c.untyped_storage().nbytes(), torch.equal(c, t))
copies = copy.deepcopy([b, b[1], b[:, 2]])
copies[0][1, 2] = 100.
print(copies[1], copies[2], b[1])
x = torch.ones(2, requires_grad=True)
x.grad = torch.arange(4.)[::2]
both = copy.deepcopy({'x': x, 'g': x.grad})
print(both['x'].grad is both['g'], both['g'].stride(), both['g'].storage_offset())
'''],
    "pickle_keeps_the_storage_and_strides_each_tensor_its_own": ['''import copy, pickle
b = torch.arange(12.).view(3, 4)
for t in (b[1], b[:, 2], b.t(), torch.tensor([1.5, 2.], dtype=torch.bfloat16)[1:], torch.nn.Parameter(torch.ones(4))[1:].detach()):
    r = pickle.loads(pickle.dumps(t))
    print(r, r.stride(), r.storage_offset(), r.is_contiguous(), r.untyped_storage().nbytes())
saved = pickle.loads(pickle.dumps([b, b[1], b[1]]))
saved[0][1, 0] = -1.
print(saved[1], saved[1] is saved[2])
w = torch.tensor([1., 2., 3.], requires_grad=True)
c = copy.copy(w[1:].detach())
print(c.data_ptr() == w[1:].data_ptr(), c.storage_offset())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe227(name):
    assert_same_as_pytorch(CELLS[name], name=name)
