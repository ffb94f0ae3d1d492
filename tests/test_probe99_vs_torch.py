"""What the ninety-ninth probe (Yutaro Ogawa's 'つくりながら学ぶ! PyTorchによる発展ディープラーニング', ch2-ch8: SSD's
L2Norm, DBox, decode, jaccard, match, hand-written nms and MultiBoxLoss, PSPNet, OpenPose, DCGAN / SAGAN / AnoGAN /
EfficientGAN, the ch7 Transformer and ch8 BERT pieces) found, each checked against PyTorch: Adam / AdamW keep their
betas as a tuple (the book passes a list, [beta1, beta2]) and refuse betas that are not both floats or both tensors
(an int 0 among them), with a tensor beta squeezed to 0-d and the foreach errors of tensor betas and lr; a custom
autograd.Function that overrides only `vjp` runs it as its backward (both overridden: PyTorch's error when backward
runs); index_select / masked_select into an out= tensor of another dtype raise ATen's "self and result must have the
same scalar type" (the book's nms writes index_select into boxes.new())."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "adam_betas_tuple_and_types": [
        ATTEMPT + '''p = [torch.nn.Parameter(torch.ones(2))]
for cls in (torch.optim.Adam, torch.optim.AdamW):
    for betas in ([0.0, 0.9], (0, 0.9), (0.5, 1), (torch.tensor(0.9), torch.tensor([0.99])), (torch.tensor(0.9), 0.99),
                  [torch.tensor([0.5]), torch.tensor([[0.9]])], (True, 0.5)):
        def make():
            o = cls(p, lr=0.1, betas=betas)
            p[0].grad = torch.ones(2)
            o.step()
            return o.defaults["betas"], o.param_groups[0]["betas"], p[0].data
        attempt(make)
    attempt(lambda: cls(p, lr=0.1, betas=(torch.tensor(0.9), torch.tensor(0.99)), foreach=True))
    attempt(lambda: cls(p, lr=torch.tensor(0.1), foreach=True))
    attempt(lambda: cls(p, lr=torch.tensor(0.1), foreach=True, capturable=True).defaults["lr"])
g = torch.optim.Adam(p, 1e-4, [0.0, 0.9])
print(g.state_dict()["param_groups"][0]["betas"], type(g.param_groups[0]["betas"]).__name__)
''',
    ],
    "function_vjp_only_and_both": [
        ATTEMPT + '''class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def vjp(ctx, g):
        return g * 5

class Both(Twice):
    @staticmethod
    def backward(ctx, g):
        return g * 7

class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

x = torch.ones(2, requires_grad=True)
Twice.apply(x).sum().backward()
print(x.grad, Twice.backward is Twice.vjp, NoBackward.vjp is NoBackward.backward)
print(Twice.apply(x).grad_fn.apply(torch.ones(2)))
attempt(lambda: Both.apply(x).sum().backward())
attempt(lambda: Both.apply(x).grad_fn.apply(torch.ones(2)))
attempt(lambda: torch.autograd.grad(NoBackward.apply(x).sum(), x))
print(x.grad)
''',
    ],
    "index_select_out_dtype": [
        ATTEMPT + '''a = torch.tensor([0.3, 0.1, 0.5])
i = torch.tensor([2, 0])
m = torch.tensor([True, False, True])
for dt in (torch.float32, torch.float64, torch.int64):
    attempt(lambda: torch.index_select(a, 0, i, out=torch.empty(0, dtype=dt)))
    attempt(lambda: torch.masked_select(a, m, out=torch.empty(0, dtype=dt)))
boxes = torch.rand(4, 4, dtype=torch.float64)
tmp = torch.Tensor()
attempt(lambda: torch.index_select(boxes[:, 0], 0, i, out=tmp))
tmp = boxes.new()
print(torch.index_select(boxes[:, 0], 0, i, out=tmp) is tmp, tmp.dtype)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe99_same_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name, warns="per_cell")
