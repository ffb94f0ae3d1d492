"""What the 153rd probe (torch.fft's Hermitian n-d transforms) found, each checked against PyTorch: torch.fft.hfft2,
ihfft2, hfftn and ihfftn were missing. They are now composed as ATen's fft_hfftn_impl / fft_ihfftn_impl compose them:
s= and dim= canonicalized as for irfftn (the last dim's output 2 (m - 1) points unless s gives it, -1 for "keep"),
ihfftn's onesided last dim, norm= modes, integer and float32 / float64 inputs (complex64 / complex128 results),
their graphs (FftC2CBackward0 -> ConjBackward0 -> FftC2RBackward0; FftR2CBackward0 -> ConjBackward0 as a lazy
conjugate over one dim, -> ConjPhysicalBackward0 -> FftC2CBackward0 over more), gradients, PyTorch's errors
(messages naming hfftn / ihfftn also for the 2-d forms, a complex input of ihfftn, bad s / dim / norm, the
argument parser's), and torch.fft.__all__ still leaving them out as PyTorch's does."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''torch.manual_seed(0)
c = torch.randn(3, 4, 5, dtype=torch.complex128)
r = torch.randn(3, 4, 5, dtype=torch.float64)
def chain(t):
    names, g = [], t.grad_fn
    while g is not None:
        names.append(type(g).__name__)
        nxt = [f for f, _ in g.next_functions if f is not None]
        g = nxt[0] if nxt else None
    return names
def show(t):
    print(tuple(t.shape), t.dtype, t.is_conj(), chain(t), t.abs().sum().item().__round__(6))
'''

CELLS = {
    "hfftn_shapes_norms_graph": [
        SETUP + '''for kw in [{}, {"s": (3, 6)}, {"s": (-1, 7)}, {"s": (2,)}, {"dim": (0,)}, {"dim": (2, 0)},
           {"norm": "ortho"}, {"norm": "forward"}, {"s": 4}, {"dim": 1}]:
    print(kw)
    attempt(lambda: show(torch.fft.hfftn(c, **kw)))
    attempt(lambda: show(torch.fft.hfft2(c, **kw)))
x = c.float().requires_grad_()
show(torch.fft.hfftn(x))
show(torch.fft.hfft2(r.float()))
show(torch.fft.hfftn(torch.tensor([[1, 2, 3], [4, 5, 6]])))
''',
    ],
    "ihfftn_shapes_norms_graph": [
        SETUP + '''for kw in [{}, {"s": (3, 6)}, {"s": (-1, 7)}, {"s": (2,)}, {"dim": (0,)}, {"dim": (2, 0)},
           {"norm": "ortho"}, {"norm": "forward"}, {"dim": 1}]:
    print(kw)
    attempt(lambda: show(torch.fft.ihfftn(r, **kw)))
    attempt(lambda: show(torch.fft.ihfft2(r, **kw)))
x = r.float().requires_grad_()
show(torch.fft.ihfftn(x))
show(torch.fft.ihfft2(x, dim=(0,)))
show(torch.fft.ihfftn(torch.tensor([[1, 2, 3], [4, 5, 6]])))
back = torch.fft.hfft2(torch.fft.ihfft2(r[0]), s=r[0].shape)
print(torch.allclose(back, r[0]))
''',
    ],
    "hermitian_nd_gradients": [
        SETUP + '''for name in ["hfftn", "hfft2", "ihfftn", "ihfft2"]:
    for kw in [{}, {"s": (3, 6)}, {"dim": (2, 0)}, {"s": (2, 7), "dim": (1, 2), "norm": "forward"}, {"norm": "ortho"}]:
        x = (r if name.startswith("i") else c).clone().requires_grad_()
        out = getattr(torch.fft, name)(x, **kw)
        w = torch.linspace(-1, 1, out.numel(), dtype=torch.float64).reshape(out.shape)
        loss = (out.real * w).sum() + ((out.imag * w * w).sum() if out.is_complex() else 0)
        loss.backward()
        print(name, kw, x.grad.abs().sum().item().__round__(6), x.grad.flatten()[:2])
''',
    ],
    "hermitian_nd_errors": [
        SETUP + '''for make in [
        lambda: torch.fft.ihfftn(c),
        lambda: torch.fft.ihfft2(c, norm="x"),
        lambda: torch.fft.ihfftn(r, dim=()),
        lambda: torch.fft.hfft2(c, dim=()),
        lambda: torch.fft.hfft2(torch.randn(3)),
        lambda: torch.fft.hfftn(torch.randn(4, 1)),
        lambda: torch.fft.hfftn(c, s=(1, 2, 3, 4)),
        lambda: torch.fft.ihfft2(r, s=(1, 2, 3, 4)),
        lambda: torch.fft.hfftn(c, dim=(0, 0)),
        lambda: torch.fft.hfftn(c, s=(2, 3), dim=(0,)),
        lambda: torch.fft.hfftn(c, norm="x"),
        lambda: torch.fft.ihfftn(r, s=(0, 4)),
        lambda: torch.fft.hfftn(c, dim=(5,)),
        lambda: torch.fft.hfftn(torch.tensor(1 + 0j)),
        lambda: torch.fft.ihfftn(torch.zeros(2, 3, dtype=torch.float16)),
        lambda: torch.fft.hfftn([1., 2.]),
        lambda: torch.fft.ihfft2(r, (2, 3.0)),
        lambda: torch.fft.hfftn(r, norm=1),
        lambda: torch.fft.ihfftn(r, dim=0.5),
]:
    attempt(make)
print(torch.fft.hfftn.__name__, torch.fft.ihfft2.__name__, "hfftn" in torch.fft.__all__)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe153_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe153/{name}", warns="per_cell")
