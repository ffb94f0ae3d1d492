"""What the two-hundred-and-fourth probe (metric-learning and few-shot lessons: Siamese contrastive losses,
triplet losses, cosine / margin-ranking / hinge embedding losses, NT-Xent, prototypical networks) found, each
checked against PyTorch. The losses whose Python reads the reduction with _Reduction.get_enum take the deprecated
'elementwise_mean' as 'mean' with its warning; F.pairwise_distance and F.cosine_similarity are ATen's functions
themselves and F.cosine_embedding_loss / hinge_embedding_loss / triplet_margin_loss end in ATen's: an ndarray, a
list or a number where a tensor belongs (a target typed as a Python list) is the parser's TypeError, as is a
clamp_min / clamp_max of a Python float (a hand-written distance returning .item() in
TripletMarginWithDistanceLoss). cosine_similarity refuses a negative (or NaN) eps and normalises each floating
operand in its own dtype (only integer operands are cast to the common dtype), and at::norm under
pairwise_distance accumulates float16 / bfloat16 in float32 as linalg.vector_norm does."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "elementwise_mean_is_mean_with_its_warning": ['''import warnings
torch.manual_seed(0)
F = torch.nn.functional
x = torch.randn(4, 5, requires_grad=True); p = torch.rand(4, 5); c = torch.tensor([0, 2, 1, 4])
t = torch.tensor([1, -1, 1, -1]); s = torch.randn(4, requires_grad=True)
calls = {
    'nll': lambda: F.nll_loss(x.log_softmax(1), c, reduction='elementwise_mean'),
    'ce': lambda: F.cross_entropy(x, c, reduction='elementwise_mean'),
    'kl': lambda: F.kl_div(x.log_softmax(1), p, reduction='elementwise_mean'),
    'bce': lambda: F.binary_cross_entropy(p, p, reduction='elementwise_mean'),
    'bcel': lambda: F.binary_cross_entropy_with_logits(x, p, reduction='elementwise_mean'),
    'huber': lambda: F.huber_loss(x, p, reduction='elementwise_mean'),
    'l1': lambda: F.l1_loss(x, p, reduction='elementwise_mean'),
    'mse': torch.nn.MSELoss(reduction='elementwise_mean'),
    'mrl': lambda: torch.nn.MarginRankingLoss(0.1, reduction='elementwise_mean')(s, s.flip(0), t),
    'hinge': lambda: F.hinge_embedding_loss(s, t, reduction='elementwise_mean'),
    'cos': lambda: F.cosine_embedding_loss(x, x.flip(0), t, reduction='elementwise_mean'),
    'trip': lambda: F.triplet_margin_loss(x, x.flip(0), x.flip(1), reduction='elementwise_mean'),
    'tripd': lambda: F.triplet_margin_with_distance_loss(x, x.flip(0), x.flip(1), reduction='elementwise_mean'),
    'poisson': lambda: F.poisson_nll_loss(x, p, reduction='elementwise_mean'),
}
for k, f in calls.items():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            out = f(x, p) if k == 'mse' else f()
            print(k, out, out.grad_fn.name())
        except ValueError as e:
            print(k, e)
    print([str(m.message) for m in w])
'''],
    "embedding_losses_refuse_a_non_tensor_as_the_parser_does": ['''torch.manual_seed(0)
F = torch.nn.functional
x = torch.randn(4, 5); t = torch.tensor([1, -1, 1, -1]); s = torch.randn(4)
for f in (lambda: F.cosine_embedding_loss(x, x, 1), lambda: F.cosine_embedding_loss(x, x, [1, -1, 1, -1]),
          lambda: F.cosine_embedding_loss(x, x.numpy(), t), lambda: F.cosine_embedding_loss(x[0].tolist(), x[0], t),
          lambda: F.cosine_embedding_loss(x, x.numpy(), t, margin='a'),
          lambda: F.hinge_embedding_loss(s, 1), lambda: F.hinge_embedding_loss(s, [1, 1, -1, 1]),
          lambda: F.hinge_embedding_loss([1., 2.], torch.tensor([1, 1])), lambda: F.hinge_embedding_loss(s, t, 'x'),
          lambda: F.triplet_margin_loss(x, x, x.numpy()), lambda: F.triplet_margin_loss([1., 2.], x, x),
          lambda: F.triplet_margin_loss(x, x, x.numpy(), p='2'), lambda: F.triplet_margin_loss(x, x, x, p='2'),
          lambda: F.triplet_margin_loss(x, x.numpy(), x, reduction='avg')):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
'''],
    "pairwise_distance_and_cosine_similarity_are_parsed": ['''torch.manual_seed(0)
F = torch.nn.functional
x = torch.randn(4, 5)
for f in (lambda: F.pairwise_distance(x, x.numpy()), lambda: F.pairwise_distance(x, 1.0),
          lambda: F.pairwise_distance(x, x, p='2'), lambda: F.pairwise_distance([1., 2.], x),
          lambda: F.pairwise_distance(x, x, 2, 'e'), lambda: torch.pairwise_distance(x, x, keepdim=1.0),
          lambda: F.pairwise_distance(x, x, p=torch.tensor(1.0)),
          lambda: F.cosine_similarity(x, x.numpy()), lambda: F.cosine_similarity(x, [1., 2, 3, 4, 5]),
          lambda: F.cosine_similarity(x, x, dim=1.0), lambda: F.cosine_similarity(x, x, 1, 'e'),
          lambda: F.cosine_similarity(x, 1.0), lambda: torch.nn.CosineSimilarity(dim=1.0)(x, x),
          lambda: torch.nn.PairwiseDistance(p='1')(x, x)):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
'''],
    "clamp_min_of_a_python_float_is_the_parsers_error": ['''torch.manual_seed(0)
x = torch.randn(4, 5, requires_grad=True)
loss = torch.nn.TripletMarginWithDistanceLoss(distance_function=lambda a, b: (a - b).norm().item())
for f in (lambda: loss(x, x.flip(0), x.flip(1)), lambda: torch.clamp_min(1.0, 0), lambda: torch.clamp_max([1.], 0),
          lambda: torch.clamp_min(x, 'a'), lambda: torch.clamp_max(x, None), lambda: x.clamp_min('a'),
          lambda: x.clamp_max([0.5]), lambda: torch.clamp_min(x.detach().numpy(), 0), lambda: x.clamp_max(max=None),
          lambda: x.clamp_min(), lambda: x.clamp_min(0, 1), lambda: x.clamp_min(mn=0)):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
print(x.clamp_min(min=0.5).grad_fn.name(), torch.clamp_max(x, torch.tensor(0.)).grad_fn.name(),
      x.clamp_max(x.flip(0)).grad_fn.name())
'''],
    "cosine_similarity_refuses_a_negative_eps": ['''torch.manual_seed(0)
x = torch.randn(4, 5)
for eps in (-1, -0.5, -1e-20, -123456789.0, -1.5e300, float('-inf'), float('nan'), 0, 0.0):
    try:
        print(torch.nn.functional.cosine_similarity(x, x.flip(0), eps=eps))
    except RuntimeError as e:
        print(e)
'''],
    "cosine_similarity_normalises_each_floating_operand_in_its_dtype": ['''torch.manual_seed(0)
F = torch.nn.functional
x = torch.randn(4, 5); h = torch.randn(4, 5).half().requires_grad_()
for a, b in ((h, x), (x, h), (x.double(), h), (h, x.bfloat16()), (x.int(), h), (x.int(), x.double())):
    print(F.cosine_similarity(a, b))
c = F.cosine_similarity(h, x.requires_grad_())
c.sum().backward()
print(c.grad_fn.name(), c.grad_fn.next_functions[0][0].name(), h.grad, x.grad)
'''],
    "pairwise_distance_of_float16_accumulates_in_float32": ['''torch.manual_seed(0)
F = torch.nn.functional
a = torch.randn(6, 7).half().requires_grad_(); b = torch.randn(6, 7).half()
for p in (2, 1, 3, 0.5, float('inf')):
    d = F.pairwise_distance(a, b, p=p)
    d.sum().backward()
    print(p, d, a.grad)
    a.grad = None
w = torch.zeros(4, 5, dtype=torch.half)
print(F.pairwise_distance(w, w), F.pairwise_distance(w, w, p=3), F.pairwise_distance(w, w, keepdim=True))
l = F.triplet_margin_loss(a, b, b.flip(0), swap=True)
l.backward()
print(l, a.grad)
'''],
    "pairwise_distance_of_bfloat16_p2_and_p3": ['''torch.manual_seed(0)
F = torch.nn.functional
a = torch.randn(6, 7).bfloat16().requires_grad_(); b = torch.randn(6, 7).bfloat16()
for p in (2, 3):
    d = F.pairwise_distance(a, b, p=p)
    d.sum().backward()
    print(p, d, a.grad)
    a.grad = None
w = torch.zeros(4, 5, dtype=torch.bfloat16)
print(F.pairwise_distance(w, w), F.pairwise_distance(w, w, p=3))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe204(name):
    assert_same_as_pytorch(CELLS[name], name=name)
