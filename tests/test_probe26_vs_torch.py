"""What the twenty-sixth probe (reinforcement learning written with PyTorch only: REINFORCE with Categorical,
actor-critic, DQN with a deque replay buffer and a target network, PPO with Normal / Independent policies) found,
each checked against PyTorch: load_state_dict loads module by module through each module's _load_from_state_dict
(which a subclass may override), so what fits is copied before a size mismatch is raised, the post hooks run before
the error, unexpected keys come in PyTorch's order and assign=True puts the checkpoint's tensors in place;
torch.tensor / as_tensor / Tensor / FloatTensor read any Python sequence (a deque of rewards, an array.array, a class
with __len__ and __getitem__) as PyTorch does; a type in a message is named by CPython's tp_name (a class written in
Python by its bare name: ``not Seq``, ``not Linear``; a C type with its module: ``collections.deque``); view()
with one argument that is no size lists its two overloads (``x.view(n / 2)``); Tensor.tile takes ints as varargs
(``s.tile(3)``) while torch.tile refuses an int; a bool first size is refused as PyTorch's parser refuses it; and
repeat / tile to a negative size is PyTorch's RuntimeError."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

TRY = ATTEMPT + '''import array, collections
class Seq:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return len(self.v)
    def __getitem__(self, i):
        return self.v[i]
class OnlyGet:
    def __getitem__(self, i):
        if i < 2:
            return float(i)
        raise IndexError
class Outer:
    class Inner:
        pass
D = collections.deque
'''

CELLS = {
    "index_keys_as_pytorch_reads_them": [
        TRY + '''import numpy as np
x = torch.arange(6.0).view(2, 3)
for key in (1.5, "a", (0, 1.5), {0}, np.float64(1.0), (slice(None), 2.0), (Ellipsis, "b"), b"a", Outer.Inner(),
            range(2), D([0, 1]), [0, 1.5], [1.7, 0.2], [[0, 1], [1, 0]], [0, [1]], [None], [0, None], [Ellipsis, 0],
            [0, slice(None)], [slice(None), 1], [torch.tensor(1), 0], [0, "a"], [np.array(1), 0], [True, False],
            [True, 0], [1.5, True], [[0]], [(0, 1)], [[]], [0, [1, 2]], D([0, None]), D([[0], [1]]),
            np.array([[0, 1], [1, 0]]), [np.int64(1), 0], [[0, 1], [1.5, 0]], (torch.tensor([0, 1]), [1, 2])):
    attempt(lambda: x[key])''',
        TRY + '''x = torch.arange(6.0, requires_grad=True)
y = x.view(2, 3) * 1
z = y[[[0, 1], [2, 0]]]
z.sum().backward()
print(z, x.grad)
w = torch.zeros(2, 3)
w[[0, [1]]] = 5.0
w[[None]] += 1.0
w[[1.2, 0.7]] *= 2
print(w)
for key in (1.5, "a", Outer.Inner(), [0, "a"]):
    attempt(lambda: w.__setitem__(key, 1.0))'''],
    "numbers_are_python_and_numpy_scalars": [
        TRY + '''import fractions, decimal
import numpy as np
F, Dm = fractions.Fraction(1, 2), decimal.Decimal("0.5")
x = torch.ones(2)
for make in (lambda: x.add(F), lambda: x.mul(Dm), lambda: torch.add(x, F), lambda: x.sub(1, alpha=F),
             lambda: torch.tensor(F), lambda: torch.tensor([1.0, Dm]), lambda: torch.tensor([F], dtype=torch.float32),
             lambda: x.clone().fill_(F), lambda: x.clone().fill_("a"), lambda: x.clone().fill_(None),
             lambda: x.clone().fill_([1.0]), lambda: x.clone().fill_(np.array(2.0)), lambda: x.clone().fill_(1, 2),
             lambda: x.clone().fill_(value="a"), lambda: x.clone().fill_(np.float32(2.5)),
             lambda: x.clone().fill_(torch.tensor(3.0)), lambda: torch.fill(x, "a"), lambda: torch.fill(x, 2.0),
             lambda: x.add(1, alpha=True), lambda: x.sub(1, alpha=True), lambda: x.bool().add(True, alpha=True),
             lambda: x.long().add(1, alpha=1.5), lambda: x.long().sub(torch.ones(2), alpha=2),
             lambda: x.add(torch.ones(2), alpha=0.5), lambda: x.long().add(x, alpha=0.5)):
    attempt(make)''',
        TRY + '''import fractions
import numpy as np
x = torch.ones(2)
for args in ((fractions.Fraction(1, 2),), ([1.0],), ("cpu", fractions.Fraction(1, 2)), (x, "a"),
             (torch.float32, "a"), (object(), torch.float64), (Outer.Inner(),), (np.array(2.0),), (1.5,), (True,),
             (False, True), (np.float32(1),), (np.int32(0),), (0,), ("cpu", torch.int32), (torch.int64, True),
             (x.long(),)):
    attempt(lambda: (lambda r: (r.dtype, r is x))(x.to(*args)))
attempt(lambda: x.to(dtype=fractions.Fraction(1, 2)))'''],
    "load_state_dict_copies_what_fits": [
        TRY + '''nn = torch.nn
torch.manual_seed(0)
a = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 2))
b = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 4))
attempt(lambda: a.load_state_dict(b.state_dict()))
print(torch.equal(a[0].weight, b[0].weight), torch.equal(a[0].bias, b[0].bias), a[0].weight._version,
      a[1].weight._version)
a.register_load_state_dict_post_hook(lambda m, keys: print("post", type(m).__name__, keys))
a[0].register_load_state_dict_post_hook(lambda m, keys: print("post child", keys))
sd = b.state_dict()
sd["0.weight"] = torch.full((3, 2), 7.0)
attempt(lambda: a.load_state_dict(sd))
print(a[0].weight[0])
sd = {"0.weight": 1.0, "0.bias": torch.ones(3), "1.weight": torch.zeros(2, 3), "1.bias": torch.zeros(2)}
attempt(lambda: a.load_state_dict(sd))
print(a[0].bias, a[1].bias)''',
        TRY + '''nn = torch.nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(1, 1)
        self.register_buffer("buf", torch.zeros(2))
        self.b = nn.Linear(1, 1)
m = M()
sd = {"zz": torch.ones(1), "b.x": torch.ones(1), "a.x": torch.ones(1), "a.weight": torch.ones(1, 1),
      "a.bias": torch.ones(1), "buf": torch.ones(2), "yy": torch.ones(1), "b.weight": torch.ones(1, 1)}
attempt(lambda: m.load_state_dict(sd, strict=False))
attempt(lambda: m.load_state_dict(sd))
print(m.b.weight, m.buf)
m.register_load_state_dict_pre_hook(lambda mod, d, prefix, *rest: print("pre", repr(prefix), sorted(d)))
m.a.register_load_state_dict_pre_hook(lambda mod, d, prefix, *rest: print("pre a", repr(prefix), sorted(d)))
m.a.register_load_state_dict_post_hook(lambda mod, keys: print("post a", keys))
attempt(lambda: m.load_state_dict({"a.weight": torch.ones(1, 1)}, strict=False))''',
        TRY + '''nn = torch.nn
net = nn.Linear(3, 2)
w = net.weight
sd = {"weight": torch.ones(2, 3, dtype=torch.float64), "bias": torch.zeros(2, dtype=torch.float64)}
attempt(lambda: net.load_state_dict(sd, assign=True))
print(net.weight is w, type(net.weight).__name__, net.weight.dtype, net.weight.requires_grad,
      net.weight.data_ptr() == sd["weight"].data_ptr(), net.bias.dtype)
net.weight.requires_grad_(False)
p = nn.Parameter(torch.full((2,), 3.0))
attempt(lambda: net.load_state_dict({"weight": torch.zeros(2, 3), "bias": p}, assign=True))
print(net.bias is p, net.weight.requires_grad, net.bias.requires_grad, [n for n, _ in net.named_parameters()])
bn = nn.BatchNorm1d(2)
attempt(lambda: bn.load_state_dict({**bn.state_dict(), "running_mean": torch.ones(2, dtype=torch.float64)},
                                   assign=True))
print(bn.running_mean, type(bn.running_mean).__name__)
class Scalar(nn.Module):
    def __init__(self):
        super().__init__()
        self.s = nn.Parameter(torch.tensor(0.0))
sc = Scalar()
attempt(lambda: sc.load_state_dict({"s": torch.tensor([2.5])}))
attempt(lambda: sc.load_state_dict({"s": torch.tensor([2.5, 1.0])}))
sc.s''',
        TRY + '''nn = torch.nn
class Renamed(nn.Module):
    """An old checkpoint's key read by overriding _load_from_state_dict, as PyTorch's own modules do."""
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)
    def _load_from_state_dict(self, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                              error_msgs):
        print("load", repr(prefix), local_metadata, strict)
        for name in ("weight", "bias"):
            old = prefix + "linear." + name
            if old in state_dict:
                state_dict[prefix + "fc." + name] = state_dict.pop(old)
        super()._load_from_state_dict(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                                      error_msgs)
outer = nn.Sequential(Renamed())
sd = {"0.linear.weight": torch.ones(1, 2), "0.linear.bias": torch.zeros(1)}
attempt(lambda: outer.load_state_dict(sd))
print(outer[0].fc.weight)
attempt(lambda: outer.load_state_dict(outer.state_dict(), assign=True))'''],
    "tensor_from_any_sequence": [
        TRY + '''for make in (lambda: torch.tensor(D([1.0, 2.0])), lambda: torch.tensor(D([1, 0, 1]), dtype=torch.float32),
             lambda: torch.tensor(D([[1, 2], [3, 4]])), lambda: torch.tensor([D([1.0, 2.0]), D([3.0, 4.0])]),
             lambda: torch.tensor(D([torch.tensor(1.0), torch.tensor(2.0)])), lambda: torch.tensor(D()),
             lambda: torch.tensor(D([True, False])), lambda: torch.tensor(array.array("d", [1.5, 2.0])),
             lambda: torch.tensor(array.array("i", [1, 2])), lambda: torch.tensor(Seq([[1.0, 2.0], [3.0, 4.0]])),
             lambda: torch.tensor(bytearray(b"ab")), lambda: torch.tensor(memoryview(b"ab")),
             lambda: torch.tensor((D([1]), D([2]))), lambda: torch.tensor([D([torch.tensor(1.0)])])):
    attempt(make)''',
        TRY + '''for make in (lambda: torch.as_tensor(D([1.0, 2.0])), lambda: torch.as_tensor(D([1, 2]), dtype=torch.float64),
             lambda: torch.Tensor(D([1, 2])), lambda: torch.FloatTensor(D([1, 2])),
             lambda: torch.LongTensor(D([[1], [2]])), lambda: torch.zeros(1).new_tensor(D([1, 2])),
             lambda: torch.tensor(D([1.0]), requires_grad=True)):
    attempt(make)''',
        TRY + '''for make in (lambda: torch.tensor(D([torch.ones(2), torch.zeros(2)])), lambda: torch.tensor(D([[1], [2, 3]])),
             lambda: torch.tensor(D([None])), lambda: torch.tensor(D(["a"])), lambda: torch.tensor(OnlyGet()),
             lambda: torch.tensor(x for x in [1, 2]), lambda: torch.tensor({1: 2.0}.values()),
             lambda: torch.tensor(b"ab"), lambda: torch.FloatTensor("ab"), lambda: torch.FloatTensor(Seq([1.0])),
             lambda: torch.Tensor(Outer.Inner()), lambda: torch.stack(D([torch.ones(1)])),
             lambda: torch.cat(Seq([torch.ones(1)]))):
    attempt(make)'''],
    "type_names_in_messages": [
        TRY + '''import decimal
x = torch.ones(2)
for make in (lambda: torch.zeros(Seq([2])), lambda: torch.zeros(Outer.Inner()), lambda: torch.zeros(2, Seq([1])),
             lambda: x.reshape(Seq([2])), lambda: x.permute(Seq([0])), lambda: x.expand(Seq([2])),
             lambda: x.repeat(Seq([2])), lambda: x.flip(Seq([0])), lambda: torch.stack(Seq([x])),
             lambda: torch.zeros(torch.nn.Linear(1, 1)), lambda: torch.zeros(torch.finfo()),
             lambda: torch.zeros(torch.iinfo(torch.int8)), lambda: torch.zeros(torch.no_grad()),
             lambda: torch.zeros(torch.distributions.Normal(0.0, 1.0)), lambda: torch.zeros(D([2])),
             lambda: torch.zeros(decimal.Decimal(1)), lambda: torch.nn.functional.linear(Seq([1.0]), x),
             lambda: torch.nn.functional.dropout(Outer.Inner()), lambda: torch.nn.Linear(2, 1)(Seq([1.0, 2.0])),
             lambda: torch.softmax(Seq([1.0]), 0)):
    attempt(make)
print(type(torch.finfo()), type(torch.iinfo(torch.int32)))'''],
    "view_with_one_argument_that_is_no_size": [
        TRY + '''x = torch.zeros(4)
n = x.numel()
for args in ((n / 2, 2), (2.0,), (Seq([4]),), (D([4]),), ("a",), (None,), ([2.0, 2],), ([2, 2.0],), ((2, 1.5),),
             ((1.5,),), ({4},), (x,), (True,), ([True, 4],), (1.5, 2), (2, 1.5), (4, True), (torch.tensor(4),)):
    attempt(lambda: x.view(*args).shape)
for args in ((True,), ((True, 4),), (4, True), (True, 4)):
    attempt(lambda: torch.zeros(*args).shape)
    attempt(lambda: x.reshape(*args).shape)'''],
    "tile_forms_and_negative_repeats": [
        TRY + '''x = torch.arange(4.0, requires_grad=True).view(2, 2)
s = torch.tensor([0.5, -0.5])
for make in (lambda: x.tile(2), lambda: x.tile(2, 1), lambda: x.tile((2, 1)), lambda: x.tile([1, 2, 1]),
             lambda: x.tile(dims=(3,)), lambda: torch.tile(x, (2,)), lambda: torch.tile(x, dims=(2, 2)),
             lambda: s.tile(3), lambda: s.tile(torch.tensor(2)), lambda: x.tile(0), lambda: x.tile(()),
             lambda: torch.tile(x, 2), lambda: x.tile(), lambda: torch.tile(x), lambda: x.tile(-1),
             lambda: x.tile(1.5), lambda: torch.tile(x, [2, 1.5]), lambda: x.tile(True),
             lambda: x.tile(2, dims=2), lambda: torch.tile(x, (2, 1), 3), lambda: x.tile((2, 1), 3),
             lambda: torch.zeros(2).repeat(-1), lambda: torch.zeros(2, 1).repeat(2, -1),
             lambda: torch.zeros(3).repeat(0, 2)):
    attempt(lambda: (lambda t: (t.shape, t.grad_fn))(make()))
x.tile(3, 1).sum().backward()
x.grad'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe26_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")
