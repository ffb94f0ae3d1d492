"""What the hundred-and-ninety-eighth probe (last-bit differences of special functions in statistics lessons)
found, each checked against PyTorch. torch.lgamma runs SLEEF's lgamma_u1 (ATen's Vectorized<T>::lgamma, mapped
over every element by its vml kernel whatever the layout) with the avx2 / avx512 capabilities: the C library's
lgamma differs from it in the last bit for about a fifth of float64 values and 1-2% of float32 ones. With
'default' it is std::lgamma: glibc's lgammaf for float32 (not the double lgamma rounded to float)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "lgamma_is_sleef_lgamma_u1_bit_for_bit": ['''torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    x = torch.cat([torch.rand(3000, dtype=dt) * 40 - 10, torch.rand(500, dtype=dt) * 3,
                   torch.rand(500, dtype=dt) * 1e-3 - 5e-4, torch.rand(300, dtype=dt) * 1e6,
                   -torch.rand(300, dtype=dt) * 1e5])
    y = torch.lgamma(x)
    bits = y.view(torch.int32 if dt == torch.float32 else torch.int64)
    print(dt, bits.sum().item(), bits[:8].tolist(), (bits * torch.arange(len(bits))).sum().item())
    it = torch.int32 if dt == torch.float32 else torch.int64
    print(torch.lgamma(x.reshape(40, -1).t()).contiguous().view(it).sum().item(), torch.lgamma(x[::3]).view(it).sum().item())
'''],
    "lgamma_special_values": ['''for dt in (torch.float32, torch.float64):
    x = torch.tensor([0., -0., 1., 2., -1., -2.5, float('inf'), float('-inf'), float('nan'), 1e-30, -1e-30, 1e-38,
                      0.5, 1.1, 1.2, 2.3, 7.0, 35.0, -4.5, -100.5, 1.5, 3e38, -3e38, 1e7 + 0.5, -1e7 - 0.5], dtype=dt)
    if dt == torch.float64:
        x = torch.cat([x, torch.tensor([1e-310, -1e-310, 1e-300, 1e300, -1e300, 1e15 + 0.5, -1e15 - 0.5, 2.5e305,
                                        1.7e308], dtype=dt)])
    y = torch.lgamma(x)
    print(dt, [v.hex() for v in y.tolist()])
    print(torch.lgamma(x[5]).item().hex(), torch.lgamma(torch.tensor(3.3, dtype=dt)).item().hex())
'''],
    "lgamma_in_statistics_code_gamma_log_prob_and_mvlgamma": ['''torch.manual_seed(1)
for dt in (torch.float32, torch.float64):
    conc = (torch.rand(64, dtype=dt) * 5 + 0.2).requires_grad_()
    rate = torch.rand(64, dtype=dt) + 0.5
    d = torch.distributions.Gamma(conc, rate)
    v = torch.rand(64, dtype=dt) * 3 + 0.1
    lp = d.log_prob(v)
    print([t.hex() for t in lp.tolist()[:10]], lp.sum().item().hex())
    lp.sum().backward()
    print(conc.grad.sum().item().hex())
    b = torch.distributions.Beta(conc.detach(), rate)
    print(b.log_prob(torch.rand(64, dtype=dt) * 0.9 + 0.05).sum().item().hex())
    print(torch.mvlgamma(conc.detach() + 2, 3).sum().item().hex(), torch.special.gammaln(v).sum().item().hex())
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe198(name):
    assert_same_as_pytorch(CELLS[name], name=name)
