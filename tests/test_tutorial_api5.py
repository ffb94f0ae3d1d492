"""From the fifth probe of tutorials (/work/notes/probe_report5.md): the dtype errors of convolutions and
normalisation layers fed numpy's float64 data, custom Functions with non-tensor arguments (next_functions, hooks),
spectral and weight normalisation, MixtureSameFamily, torch._foreach_*, and small tensor functions of exercise
notebooks. Each case is a notebook cell run on PyTorch and on the engine (helpers.assert_same_as_pytorch: output,
error type and message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch

SHOW = ("def show(fn):\n"
        "    try:\n        r = fn(); print('ok', r.dtype if isinstance(r, torch.Tensor) else r)\n"
        "    except Exception as e:\n        print(type(e).__name__, e)\n")

CELLS = {
    "conv_input_dtype_errors": [   # ZTM 04: a uint8 image into TinyVGG; numpy float64 data into a conv net
        SHOW + '''nn = torch.nn
for cls, shape in [(nn.Conv1d, (1, 3, 6)), (nn.Conv2d, (1, 3, 6, 6)), (nn.Conv3d, (1, 3, 4, 4, 4)),
                   (nn.ConvTranspose1d, (1, 3, 6)), (nn.ConvTranspose2d, (1, 3, 6, 6))]:
    for bias in (True, False):
        for wdt, idt in [(torch.float32, torch.float64), (torch.float64, torch.float32), (torch.float32, torch.int64),
                         (torch.float32, torch.float16), (torch.float32, torch.uint8), (torch.float32, torch.int32),
                         (torch.float16, torch.float32), (torch.float32, torch.bool), (torch.float32, torch.bfloat16)]:
            m = cls(3, 2, 3, bias=bias).to(wdt)
            print(cls.__name__, bias, wdt, idt, end=' ')
            show(lambda: m(torch.ones(shape, dtype=idt)))
show(lambda: nn.Conv2d(4, 2, 3)(torch.ones(1, 3, 6, 6, dtype=torch.float64)))
show(lambda: nn.Conv2d(3, 2, 3)(torch.ones(1, 3, 2, 2, dtype=torch.float64)))
show(lambda: nn.Conv2d(3, 2, 3, bias=False)(torch.ones(1, 3, 2, 2, dtype=torch.float64)))
show(lambda: nn.Conv2d(3, 2, 3)(torch.ones(6, 6, dtype=torch.float64)))
show(lambda: nn.ConvTranspose2d(4, 2, 3)(torch.ones(1, 3, 6, 6, dtype=torch.float64)))
show(lambda: torch.nn.functional.conv2d(torch.ones(1, 3, 6, 6), torch.ones(2, 3, 3, 3), torch.ones(2).double()))
show(lambda: torch.nn.functional.conv2d(torch.ones(1, 3, 6, 6).double(), torch.ones(2, 3, 3, 3),
                                        torch.ones(2).double()))''',
        SHOW + '''F = torch.nn.functional   # float32 input, float64 weight: ATen's mkldnn backend or the slow kernels
show(lambda: F.conv1d(torch.randn(2, 3, 8), torch.randn(4, 3, 3).double()))
show(lambda: F.conv1d(torch.randn(1, 3, 30000), torch.randn(4, 3, 3).double()))
show(lambda: F.conv3d(torch.randn(2, 3, 4, 4, 4), torch.randn(4, 3, 3, 3, 3).double()))
show(lambda: F.conv3d(torch.randn(1, 3, 4, 4, 4), torch.randn(4, 3, 3, 3, 3).double()))
show(lambda: F.conv_transpose2d(torch.randn(2, 3, 4, 4), torch.randn(3, 4, 3, 3).double()))
show(lambda: F.conv_transpose2d(torch.randn(1, 3, 4, 4), torch.randn(3, 4, 3, 3).double()))
show(lambda: F.conv2d(torch.randn(1, 3, 8, 8), torch.randn(4, 3, 5, 5).double()))
show(lambda: F.conv2d(torch.randn(1, 4, 8, 8), torch.randn(4, 2, 3, 3).double(), groups=2))
show(lambda: F.conv2d(torch.randn(1, 3, 100, 100), torch.randn(4, 3, 3, 3).double()))
show(lambda: F.conv2d(torch.randn(2, 3, 8, 8), torch.randn(4, 3, 1, 1).double()))
show(lambda: F.conv2d(torch.randn(1, 3, 8, 8), torch.randn(4, 3, 1, 1).double(), stride=2))
show(lambda: F.conv2d(torch.randn(2, 3, 8, 8), torch.randn(4, 3, 3, 3).long()))
show(lambda: F.conv2d(torch.randn(3, 8, 8), torch.randn(4, 3, 3, 3).double()))
threads = torch.get_num_threads()
torch.set_num_threads(1)
try:
    show(lambda: F.conv2d(torch.randn(2, 3, 8, 8), torch.randn(4, 3, 1, 1).double()))
    show(lambda: F.conv2d(torch.randn(16, 3, 8, 8), torch.randn(4, 3, 1, 1).double()))
finally:
    torch.set_num_threads(threads)''',
    ],
    "normalisation_mixed_dtype_errors": [   # BatchNorm / LayerNorm / GroupNorm / PReLU on float64 input
        SHOW + '''nn, F = torch.nn, torch.nn.functional
x = torch.ones(4, 3, 5, 5)
show(lambda: nn.BatchNorm2d(3)(x.double()))
show(lambda: nn.BatchNorm1d(3)(x[:, :, 0, 0].double()))
show(lambda: nn.BatchNorm2d(3).eval()(x.double()))
show(lambda: nn.BatchNorm2d(3, affine=False)(x.double()))
show(lambda: nn.BatchNorm2d(3, track_running_stats=False)(x.double()))
show(lambda: nn.BatchNorm2d(3)(x.long()))
show(lambda: nn.BatchNorm2d(3)(x.bool()))
show(lambda: nn.BatchNorm2d(4)(x.double()))
show(lambda: nn.LayerNorm(5)(x.double()))
show(lambda: nn.LayerNorm(4)(x.double()))
show(lambda: nn.LayerNorm(5)(x.long()))
show(lambda: nn.LayerNorm(5, elementwise_affine=False)(x.double()))
show(lambda: nn.GroupNorm(1, 3)(x.double()))
show(lambda: nn.GroupNorm(2, 3)(x.double()))
show(lambda: nn.InstanceNorm2d(3, affine=True)(x.double()))
show(lambda: nn.InstanceNorm2d(3)(x.double()))
show(lambda: nn.InstanceNorm2d(3, track_running_stats=True)(x.double()))
show(lambda: F.batch_norm(x.double(), None, None, torch.ones(3), None, training=True))
show(lambda: F.batch_norm(x, torch.zeros(3).double(), torch.ones(3).double()))
show(lambda: F.layer_norm(x, (5,), torch.ones(5).double()))
show(lambda: F.layer_norm(x.half(), (5,), torch.ones(5).double()))
show(lambda: F.batch_norm(x.half(), torch.zeros(3), torch.ones(3), torch.ones(3).half()))
show(lambda: nn.BatchNorm2d(3).double()(x.half()))
show(lambda: nn.PReLU()(x.double()))
show(lambda: nn.PReLU().double()(x))
show(lambda: nn.RMSNorm(5)(x.double()))
show(lambda: nn.BatchNorm2d(3)(x).dtype)''',
    ],
    "custom_function_non_tensor_arguments": [   # DANN's GradientReversal.apply(x, alpha)
        '''class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, alpha, b):
        ctx.alpha = alpha
        return a * alpha + b
    @staticmethod
    def backward(ctx, g):
        return g * ctx.alpha, None, g
x = torch.ones(2, requires_grad=True)
out = F.apply(x, 2.0, torch.ones(2))
print(out.grad_fn.next_functions)
out.grad_fn.register_hook(lambda gi, go: print("hook", len(gi), gi, go))
out.grad_fn.register_prehook(lambda go: print("pre", go))
out.sum().backward()
out2 = F.apply(2 * x, 3, x)
print(out2.grad_fn.next_functions, out2.grad_fn.needs_input_grad)
out2.sum().backward()
print(x.grad)
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, k):
        return a * k
    @staticmethod
    def backward(ctx, g):
        return g, g
try:
    Bad.apply(x, 2).sum().backward()
except RuntimeError as e:
    print(e)
class Short(Bad):
    @staticmethod
    def backward(ctx, g):
        return g
try:
    Short.apply(x, 2).sum().backward()
except RuntimeError as e:
    print(e)''',
    ],
    "prehooks_of_several_output_nodes": [   # grad_fn.register_prehook on a Function with two outputs
        '''x = torch.tensor([[1., 5.], [3., 2.]], requires_grad=True)
v, i = x.max(0)
v.grad_fn.register_prehook(lambda go: print("pre max", go))
v.sum().backward()
class Two(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        return t * 2, t * 3
    @staticmethod
    def backward(ctx, g1, g2):
        print("bw", g1, g2)
        return g1 * 2 + g2 * 3
p, q = Two.apply(x)
p.grad_fn.register_prehook(lambda go: print("pre two", go))
p.sum().backward()
p, q = Two.apply(x)
p.grad_fn.register_prehook(lambda go: (go[0] * 10, None))
(p + q).sum().backward()
p, q = Two.apply(x)
p.grad_fn.register_prehook(lambda go: (go[0], torch.ones(2, 2)))
try:
    p.sum().backward()
except RuntimeError as e:
    print(e)''',
    ],
    "spectral_norm_hooks_and_parametrizations": [   # SN-GAN discriminators: the hook form, then parametrizations
        """nn = torch.nn
torch.manual_seed(0)
m = nn.utils.spectral_norm(nn.Linear(20, 40))
print(m, m.weight_u.size(), m.weight_v.size(), m.weight_orig.size())
print(sorted(n for n, _ in m.named_parameters()), sorted(n for n, _ in m.named_buffers()), list(m.state_dict()))
y = m(torch.randn(3, 20))
print(m.weight.grad_fn, torch.linalg.matrix_norm(m.weight.detach(), ord=2), m.weight_u[:3])
conv = nn.utils.spectral_norm(nn.Conv2d(3, 8, 3, padding=1), n_power_iterations=2)
out = conv(torch.randn(2, 3, 5, 5))
out.sum().backward()
print(conv.weight_orig.grad[0, 0], conv.weight_v[:4])
conv.eval()
u = conv.weight_u.clone()
conv(torch.randn(1, 3, 5, 5))
print(torch.equal(u, conv.weight_u))
nn.utils.remove_spectral_norm(conv)
print(sorted(dict(conv.named_parameters())), conv.weight[0, 0, 0])
t = nn.utils.spectral_norm(nn.ConvTranspose2d(3, 4, 2))
print(t.weight_u.shape, t.weight_v.shape)
for f in (lambda: nn.utils.spectral_norm(t), lambda: nn.utils.remove_spectral_norm(nn.Linear(2, 2)),
          lambda: nn.utils.spectral_norm(nn.Linear(2, 2), n_power_iterations=0)):
    try:
        f()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)""",
        """nn = torch.nn
torch.manual_seed(0)
snm = nn.utils.parametrizations.spectral_norm(nn.Linear(20, 40))
print(snm, snm.parametrizations.weight.original.shape, list(snm.state_dict()))
print(torch.linalg.matrix_norm(snm.weight, 2), snm.weight.grad_fn)
snm(torch.randn(2, 20)).sum().backward()
print(snm.parametrizations.weight.original.grad[0, :4])
ct = nn.utils.parametrizations.spectral_norm(nn.ConvTranspose1d(3, 5, 2))
print(ct.parametrizations.weight[0]._u.shape, ct.parametrizations.weight[0].dim)
b = nn.utils.parametrizations.spectral_norm(nn.Linear(2, 3), name="bias")
print(b.bias, b.bias.norm())
try:
    nn.utils.parametrizations.spectral_norm(nn.Linear(2, 2), name="bias2")
except ValueError as e:
    print(e)""",
    ],
    "weight_norm_hooks_and_parametrizations": [   # WaveNet/TCN code: weight_norm(nn.Conv1d(...))
        'nn = torch.nn\ntorch.manual_seed(0)\nm = nn.utils.weight_norm(nn.Linear(5, 3))\nprint(m.weight.grad_fn, m.weight_g.shape, m.weight_v.shape)\nx = torch.randn(4, 5)\ny = m(x)\ny.pow(2).sum().backward()\nprint(y, m.weight_g.grad, m.weight_v.grad)\nc = nn.utils.weight_norm(nn.Conv1d(2, 4, 3), dim=None)\nprint(c.weight_g, c.weight.grad_fn)\nc(torch.randn(1, 2, 5)).sum().backward()\nprint(c.weight_g.grad, c.weight_v.grad[0])\nc2 = nn.utils.weight_norm(nn.Conv2d(2, 4, 3), dim=1)\nprint(c2.weight_g.shape, c2.weight.grad_fn)\nc3 = nn.utils.weight_norm(nn.Linear(4, 3), dim=-1)\nprint(c3.weight_g.shape, c3.weight.grad_fn)\np = nn.utils.parametrizations.weight_norm(nn.Linear(5, 3))\nprint(p.weight.grad_fn, p)\np(x).sum().backward()\nprint(p.parametrizations.weight.original0.grad, p.parametrizations.weight.original1.grad)\nprint(torch._weight_norm(torch.ones(2, 3), torch.tensor([[1.], [2.]]), 0), torch.norm_except_dim(torch.ones(2, 3), 2, 1))\ntry:\n    nn.utils.weight_norm(m)\nexcept RuntimeError as e:\n    print(e)\nnn.utils.remove_weight_norm(m)\nprint(sorted(dict(m.named_parameters())), m.weight)\ntry:\n    nn.utils.remove_weight_norm(m)\nexcept ValueError as e:\n    print(e)\nw = torch.randn(3, 4, dtype=torch.double, requires_grad=True)\ng = torch.randn(3, 1, dtype=torch.double, requires_grad=True)\nprint(torch.autograd.gradcheck(lambda a, b: torch._weight_norm(a, b, 0), (w, g)))\ngw, = torch.autograd.grad(torch._weight_norm(w, g, 0).pow(2).sum(), w, create_graph=True)\nprint(gw.grad_fn is not None)\nsn = nn.utils.spectral_norm(nn.ConvTranspose2d(3, 4, 2))\nprint(sn.weight_u.shape, sn.weight_v.shape)\ntry:\n    nn.utils.spectral_norm(sn)\nexcept RuntimeError as e:\n    print(e)\ntry:\n    nn.utils.parametrizations.spectral_norm(nn.Linear(2, 2), name="bias2")\nexcept ValueError as e:\n    print(e)\nb1 = nn.utils.parametrizations.spectral_norm(nn.Linear(2, 3), name="bias")\nprint(b1.bias, b1.bias.norm())\n',
    ],
    "mixture_same_family": [   # mixture density networks and GMMs
        """D = torch.distributions
torch.manual_seed(0)
pi = torch.softmax(torch.randn(4, 3), -1)
mu, sigma = torch.randn(4, 3, requires_grad=True), torch.rand(4, 3) + 0.5
mix = D.MixtureSameFamily(D.Categorical(probs=pi), D.Normal(mu, sigma))
print(mix, mix.batch_shape, mix.event_shape, mix.support)
lp = mix.log_prob(torch.tensor([0.1, -0.2, 0.3, 1.0]))
print(lp, mix.mean, mix.variance, mix.cdf(torch.zeros(4)))
(-lp.mean()).backward()
print(mu.grad)
s = mix.sample((2,))
print(s, s.shape, mix.sample().shape)
e = mix.expand((2, 4))
print(e.batch_shape, e.log_prob(torch.zeros(2, 4)).shape)
comp = D.Independent(D.Normal(torch.randn(3, 2), torch.rand(3, 2) + 0.5), 1)
gmm = D.MixtureSameFamily(D.Categorical(torch.ones(3)), comp)
pts = gmm.sample((4,))
print(gmm.batch_shape, gmm.event_shape, pts, gmm.log_prob(pts), gmm.mean, gmm.variance)
gmm2 = D.MixtureSameFamily(D.Categorical(logits=torch.zeros(3)),
                           D.MultivariateNormal(torch.zeros(3, 2), torch.eye(2).expand(3, 2, 2) * 0.5))
print(gmm2.log_prob(pts), gmm2.component_distribution, gmm2.mixture_distribution.probs)
for f in (lambda: D.MixtureSameFamily(D.Categorical(torch.ones(2)), D.Normal(torch.zeros(3), torch.ones(3))),
          lambda: D.MixtureSameFamily(D.Normal(0., 1.), D.Normal(torch.zeros(3), torch.ones(3))),
          lambda: D.MixtureSameFamily(D.Categorical(torch.ones(2, 3)), D.Normal(torch.zeros(4, 3), 1.)),
          lambda: D.MixtureSameFamily(D.Categorical(torch.ones(3)), D.Normal(torch.zeros(3), 1.),
                                      validate_args=True).log_prob(torch.tensor(float('nan')))):
    try:
        print(f())
    except ValueError as e:
        print("ValueError", str(e)[:150])""",
    ],
    "foreach_ops": [   # timm's ModelEmaV3 / hand-written optimizers: torch._foreach_lerp_, _foreach_mul_ ...
        'b = [torch.ones(2), torch.ones(3)]\nr = torch._foreach_mul_(b, 3.0); print(type(r), r is b, b)\nprint(torch._foreach_zero_(b))\nprint(torch._foreach_add([torch.ones(2)], torch.tensor(2.)))\nfor f in [lambda: torch._foreach_add([], 1), lambda: torch._foreach_add([torch.ones(2)], [torch.ones(3)]),\n          lambda: torch._foreach_add([torch.ones(2)], [torch.ones(2), torch.ones(1)]), lambda: torch._foreach_add([torch.ones(2)], [1, 2]),\n          lambda: torch._foreach_add_([torch.ones(2, dtype=torch.long)], 1.5), lambda: torch._foreach_mul_([torch.ones(2, requires_grad=True)], 2.0)]:\n    try: print(f())\n    except Exception as e: print(type(e).__name__, e)\nprint(torch._foreach_add([torch.ones(2, dtype=torch.long)], 1.5))\nprint(torch._foreach_norm([torch.ones(2)], 1), torch._foreach_max([torch.tensor([1., 3.])]), torch._foreach_norm([torch.ones(3)]))\nprint(torch._foreach_pow([torch.ones(2) * 2], 3), torch._foreach_pow(2, [torch.ones(2) * 3]))\nprint(torch._foreach_sub([torch.ones(2)], [torch.ones(2)], alpha=3), torch._foreach_div([torch.ones(2)], [2., ]))\nwith torch.no_grad():\n    print(torch._foreach_mul([torch.ones(2, requires_grad=True)], 2))\nprint(torch._foreach_lerp_([torch.zeros(2)], [torch.ones(2)], 0.3))\nprint(torch._foreach_addcmul_([torch.zeros(2)], [torch.ones(2) * 2], [torch.ones(2) * 3], value=0.5))\nprint(torch._foreach_addcdiv([torch.zeros(2)], [torch.ones(2) * 2], [torch.ones(2) * 4], [0.5]))\nprint(torch._foreach_sqrt([torch.ones(2) * 4]), torch._foreach_maximum([torch.ones(2)], [torch.zeros(2)]))\nprint(torch._foreach_exp([torch.zeros(2)]), torch._foreach_neg_([torch.ones(1)]), torch._foreach_clamp_min([torch.tensor([-1., 2.])], 0))\np = [torch.nn.Parameter(torch.ones(2))]\nwith torch.no_grad():\n    torch._foreach_mul_(p, 0.9); torch._foreach_add_(p, [torch.ones(2)], alpha=0.1)\nprint(p, torch._foreach_copy_([torch.zeros(2)], [torch.ones(2)]), torch._foreach_clone([torch.ones(1)]))\n',
    ],
    "gradient_frexp_ldexp_atleast_3d": [   # "100 numpy exercises" in torch
        "x = torch.ones(2, requires_grad=True)\nprint(torch.atleast_3d(x).grad_fn, torch.atleast_3d(x.sum()).grad_fn, torch.atleast_3d(torch.ones(2, 2, requires_grad=True)).grad_fn, torch.atleast_1d(x.sum()).grad_fn)\nprint(torch.atleast_2d(x, x.sum()), torch.atleast_1d([torch.tensor(1.), torch.ones(2)]), torch.atleast_3d(torch.ones(2, 3)).shape, torch.atleast_3d(torch.ones(1, 2, 3, 4)).shape)\nprint(torch.gradient(torch.tensor([1, 2, 4])), torch.gradient(torch.tensor([1., 2., 4.], requires_grad=True))[0].grad_fn)\nprint(torch.gradient(torch.tensor([[1., 2, 4], [2, 5, 9]]), spacing=[2., 1.]), torch.gradient(torch.tensor([1., 2, 4, 8]), spacing=(torch.tensor([0., 1, 3, 4]),), edge_order=2))\nprint(torch.gradient(torch.tensor([1., 2, 4, 8]), spacing=(torch.tensor([0., 1, 3, 4]),)), torch.gradient(torch.tensor([1., 4, 9, 16, 25]), edge_order=2, spacing=0.5))\nprint(torch.gradient(torch.arange(12.).reshape(3, 4) ** 2, dim=1), torch.gradient(torch.arange(12.).reshape(3, 4) ** 2, dim=(0, 1), spacing=[1., 2.]))\nprint(torch.frexp(torch.tensor([8., 0.5, 3., 0., -2.5])), torch.ldexp(torch.tensor([1.]), torch.tensor([3])), torch.ldexp(torch.tensor([1, 2]), torch.tensor([3])))\nfor f in [lambda: torch.gradient(torch.tensor([1.])), lambda: torch.gradient(torch.ones(3), edge_order=3), lambda: torch.gradient(torch.ones(3, dtype=torch.uint8)), lambda: torch.gradient(torch.ones(3, 3), spacing=[1., 2., 3.]), lambda: torch.frexp(torch.tensor([1, 2])), lambda: torch.ldexp(x, 2)]:\n    try: print(f())\n    except Exception as e: print(type(e).__name__, e)\nxx = torch.tensor([3., 0.5], requires_grad=True)\nm, e = torch.frexp(xx * 3); print(m.grad_fn, e.dtype)\nm.sum().backward(); print(xx.grad)\nr = torch.ldexp(xx, torch.tensor([3, 1])); print(r, r.grad_fn, r.grad_fn.next_functions)\nr.sum().backward(); print(xx.grad)\nprint(xx.ldexp(torch.tensor([1])), xx.frexp())\nprint(torch.ldexp(torch.tensor([1.], dtype=torch.float64), torch.tensor([2])).dtype, torch.ldexp(torch.tensor([1, 2]), torch.tensor([3])).dtype)\nprint(torch.frexp(torch.tensor([float('inf'), float('nan'), -0.0])), torch.frexp(torch.tensor([1.5], dtype=torch.float64)).exponent.dtype)\nee = torch.tensor([1., 2.], requires_grad=True)\ntorch.ldexp(torch.tensor([3., 1.]), ee).sum().backward(); print(ee.grad)\ng = torch.tensor([1., 4., 9., 16.], requires_grad=True)\ntorch.gradient(g)[0].pow(2).sum().backward(); print(g.grad)\n",
    ],
    "nn_buffer_attribute": [   # PyTorch 2.5+ code: self.mask = nn.Buffer(torch.ones(3), persistent=False)
        'nn = torch.nn\nclass M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.lin = nn.Linear(2, 2)\n        self.mask = nn.Buffer(torch.ones(2))\n        self.tmp = nn.Buffer(torch.zeros(3), persistent=False)\n        self.plain = torch.ones(1)\n    def forward(self, x):\n        return self.lin(x) * self.mask\nm = M()\nprint(dict(m.named_buffers()), list(m.state_dict()), m.mask, type(m.mask), isinstance(m.mask, nn.Buffer), isinstance(torch.ones(1), nn.Buffer))\nb = nn.Buffer(torch.ones(2, requires_grad=True))\nprint(b, b.requires_grad, b.persistent, nn.Buffer(), isinstance(b, torch.Tensor), type(b).__name__)\nm.mask = torch.zeros(2)\nprint(m.mask, list(m.state_dict()))\nm.tmp = torch.ones(3)\nprint(list(m.state_dict()), m.tmp)\ntry:\n    m.plain = nn.Buffer(torch.ones(1))\nexcept KeyError as e:\n    print("KeyError", e)\ntry:\n    m.mask = 3\nexcept TypeError as e:\n    print(e)\nprint(m, m.double().mask.dtype, nn.parameter.Buffer)\nm2 = M()\nm2.load_state_dict(m.state_dict())\nprint(m2.mask)\n',
    ],
    "tanh_softplus_power_transforms": [   # 'D = torch.distributions\nNormal, TransformedDistribution = D.Normal, D.TransformedDistribution\nT = D.transforms\nTanhTransform, SoftplusTransform, PowerTransform, AffineTransform = T.TanhTransform, T.SoftplusTransform, T.PowerTransform, T.AffineTransform\ntorch.manual_seed(0)\nmu = torch.randn(3, 2, requires_grad=True)\nlog_std = torch.zeros(3, 2, requires_grad=True)\ndist = TransformedDistribution(Normal(mu, log_std.exp()), [TanhTransform(cache_size=1)])\nprint(dist, dist.support)\na = dist.rsample()\nlogp = dist.log_prob(a).sum(-1)\nprint(a, logp, logp.grad_fn)\n(-logp.mean() + a.pow(2).sum()).backward()\nprint(mu.grad, log_std.grad)\nt = TanhTransform()\nx = torch.tensor([-2., 0., 0.5, 3.])\nprint(t(x), t.inv(t(x)), t.log_abs_det_jacobian(x, t(x)), (1 - t(x) ** 2).log(), t, t.codomain, t == TanhTransform(), t.sign)\nu = Normal(0., 1.).rsample((4,))\nprint(torch.tanh(u), Normal(0., 1.).log_prob(u) - torch.log(1 - torch.tanh(u).pow(2) + 1e-6))\ns = SoftplusTransform()\nprint(s(x), s.inv(s(x)), s.log_abs_det_jacobian(x, s(x)), s)\np = PowerTransform(torch.tensor(2.))\ny = torch.tensor([0.5, 1., 3.])\nprint(p(y), p.inv(p(y)), p.log_abs_det_jacobian(y, p(y)), p.sign, p == PowerTransform(torch.tensor(2.)), p)\nd2 = TransformedDistribution(Normal(torch.zeros(2), torch.ones(2)), [TanhTransform(), AffineTransform(1., 2.)])\nv = d2.sample((3,))\nprint(v, d2.log_prob(v))\n''s squashed Gaussian policy: TransformedDistribution(..., TanhTransform())
        'D = torch.distributions\nNormal, TransformedDistribution = D.Normal, D.TransformedDistribution\nT = D.transforms\nTanhTransform, SoftplusTransform, PowerTransform, AffineTransform = T.TanhTransform, T.SoftplusTransform, T.PowerTransform, T.AffineTransform\ntorch.manual_seed(0)\nmu = torch.randn(3, 2, requires_grad=True)\nlog_std = torch.zeros(3, 2, requires_grad=True)\ndist = TransformedDistribution(Normal(mu, log_std.exp()), [TanhTransform(cache_size=1)])\nprint(dist, dist.support)\na = dist.rsample()\nlogp = dist.log_prob(a).sum(-1)\nprint(a, logp, logp.grad_fn)\n(-logp.mean() + a.pow(2).sum()).backward()\nprint(mu.grad, log_std.grad)\nt = TanhTransform()\nx = torch.tensor([-2., 0., 0.5, 3.])\nprint(t(x), t.inv(t(x)), t.log_abs_det_jacobian(x, t(x)), (1 - t(x) ** 2).log(), t, t.codomain, t == TanhTransform(), t.sign)\nu = Normal(0., 1.).rsample((4,))\nprint(torch.tanh(u), Normal(0., 1.).log_prob(u) - torch.log(1 - torch.tanh(u).pow(2) + 1e-6))\ns = SoftplusTransform()\nprint(s(x), s.inv(s(x)), s.log_abs_det_jacobian(x, s(x)), s)\np = PowerTransform(torch.tensor(2.))\ny = torch.tensor([0.5, 1., 3.])\nprint(p(y), p.inv(p(y)), p.log_abs_det_jacobian(y, p(y)), p.sign, p == PowerTransform(torch.tensor(2.)), p)\nd2 = TransformedDistribution(Normal(torch.zeros(2), torch.ones(2)), [TanhTransform(), AffineTransform(1., 2.)])\nv = d2.sample((3,))\nprint(v, d2.log_prob(v))\n',
    ],
    "channel_shuffle": [   # ShuffleNet blocks
        'x = torch.arange(2 * 6 * 2 * 2.).view(2, 6, 2, 2)\ncs = torch.nn.ChannelShuffle(3)\nprint(cs, cs(x)[0, :, 0, 0], type(cs))\nxr = x.clone().requires_grad_()\ny = torch.nn.functional.channel_shuffle(xr, 2)\nprint(y[0, :, 0, 0], y.grad_fn, y.grad_fn.next_functions)\n(y * torch.arange(6.).view(1, 6, 1, 1)).sum().backward()\nprint(xr.grad[0, :, 0, 0], torch.channel_shuffle(torch.ones(1, 6, 3, dtype=torch.long), 3).dtype)\nfor f in (lambda: torch.nn.ChannelShuffle(4)(x), lambda: torch.channel_shuffle(x, 0),\n          lambda: torch.channel_shuffle(torch.ones(6, 2), 2), lambda: torch.nn.ChannelShuffle(2)(torch.ones(2, 6, 2, 2, 2)).shape):\n    try:\n        print(f())\n    except RuntimeError as e:\n        print(e)',
    ],
    "stack_dataset": [   # multimodal datasets: StackDataset(image=..., label=...)
        'D = torch.utils.data\nstacked = D.StackDataset(D.TensorDataset(torch.arange(4.)), torch.arange(4) * 10)\nprint(len(stacked), stacked[1], type(stacked))\nnamed = D.StackDataset(image=torch.arange(6.).view(3, 2), label=torch.tensor([0, 1, 0]))\nprint(named[2], len(named))\nfor batch in D.DataLoader(named, batch_size=2):\n    print(batch)\nfor f in (lambda: D.StackDataset(torch.ones(2), x=torch.ones(2)), lambda: D.StackDataset(),\n          lambda: D.StackDataset(torch.ones(2), torch.ones(3))):\n    try:\n        f()\n    except ValueError as e:\n        print(e)\nfrom torch.utils.data.dataset import StackDataset\nprint(StackDataset is D.StackDataset)',
    ],
    "interpolate_integer_inputs": [   # resizing uint8 / int64 images without converting them first
        'F = torch.nn.functional\nfor shape, modes in [((1, 3, 4), ["nearest", "linear", "area", "nearest-exact"]), ((1, 3, 4, 4), ["nearest", "bilinear", "bicubic", "area", "nearest-exact"]), ((2, 1, 4, 4), ["nearest", "bilinear"]), ((1, 2, 2, 4, 4), ["nearest", "trilinear", "area"])]:\n    for dt in [torch.int64, torch.uint8, torch.int32, torch.bool]:\n        for m in modes:\n            if dt == torch.uint8 and m in ("bilinear", "bicubic"):\n                continue   # refused (test_uint8_linear_resampling_names_what_is_missing)\n            try:\n                r = F.interpolate(torch.ones(shape, dtype=dt), scale_factor=2, mode=m)\n                print(shape, dt, m, "ok", r.dtype)\n            except Exception as e:\n                print(shape, dt, m, type(e).__name__, e)\n',
    ],
    "frombuffer": [   # reading raw bytes (MNIST idx files, audio) into tensors
        "import array\nb = bytearray(b'\\x01\\x00\\x00\\x00\\x02\\x00\\x00\\x00')\nt = torch.frombuffer(b, dtype=torch.int32); t[0] = 9; print(b[:4], t)\nprint(torch.frombuffer(b, dtype=torch.int16, count=2, offset=2))\nprint(torch.frombuffer(array.array('f', [1.5, 2.5]), dtype=torch.float32))\nprint(torch.frombuffer(memoryview(bytearray(8)), dtype=torch.float64, requires_grad=True))\nfor f in [lambda: torch.frombuffer(b, dtype=torch.int32, count=3), lambda: torch.frombuffer(bytearray(), dtype=torch.int32), lambda: torch.frombuffer(b, dtype=torch.int64, offset=3), lambda: torch.frombuffer(bytearray(b'abc'), dtype=torch.int16), lambda: torch.frombuffer(b, dtype=torch.int8, offset=8)]:\n    try: print(f())\n    except Exception as e: print(type(e).__name__, e)\n",
    ],
    "legacy_tensor_of_a_tensor_and_arange_bounds": [   # torch.Tensor(t) aliases t; arange's step sign
        'x = torch.zeros(3)\ny = torch.Tensor(x)\ny[0] = 5\nprint(x, y._base is x, x._version)\nw = torch.ones(2, requires_grad=True)\nz = torch.Tensor(w)\nprint(z, z.is_leaf, torch.Tensor(torch.ones(2, dtype=torch.long)), torch.Tensor(torch.ones(2).double()))\nprint(torch.Tensor(), torch.Tensor().shape, torch.Tensor(0).shape, torch.Tensor(2, 3).shape, torch.Tensor([1, 2]))\nfor f in (lambda: torch.arange(1, 0, 1), lambda: torch.arange(0, 5, -1), lambda: torch.arange(0., 1., -0.5),\n          lambda: torch.arange(0, 0, 1), lambda: torch.arange(3, 3, -1), lambda: torch.arange(5, 0, -2)):\n    try:\n        print(f())\n    except RuntimeError as e:\n        print(e)',
    ],
    "interpolate_antialias": [   # torchvision-free Resize: F.interpolate(img, size, mode="bilinear", antialias=True)
        'F = torch.nn.functional\ntorch.manual_seed(0)\nx = torch.arange(16.).view(1, 1, 4, 4)\nprint(F.interpolate(x, size=2, mode="bilinear", antialias=True)[0, 0])\nprint(F.interpolate(x, size=2, mode="bicubic", antialias=True, align_corners=False)[0, 0])\nimg = torch.rand(2, 3, 17, 23)\nfor mode in ["bilinear", "bicubic"]:\n    for size, ac in [((5, 7), False), ((8, 11), True), ((17, 9), False), ((30, 40), False), ((3, 23), None)]:\n        out = F.interpolate(img, size=size, mode=mode, antialias=True, align_corners=ac)\n        ref = F.interpolate(img.double(), size=size, mode=mode, antialias=True, align_corners=ac)\n        print(mode, size, ac, out.shape, out[0, 0, 0, :3], (out.double() - ref).abs().max() < 1e-5)\n    print(F.interpolate(img, scale_factor=0.37, mode=mode, antialias=True).shape, F.interpolate(img, scale_factor=(0.5, 0.25), mode=mode, antialias=True)[1, 2, 1])\nxr = torch.rand(1, 2, 9, 7, requires_grad=True)\ny = F.interpolate(xr, size=(4, 3), mode="bilinear", antialias=True)\nprint(y.grad_fn)\n(y * torch.arange(24.).view(1, 2, 4, 3)).sum().backward()\nprint(xr.grad[0, 0])\nxr.grad = None\ny = F.interpolate(xr, size=(4, 5), mode="bicubic", antialias=True)\n(y * y).sum().backward()\nprint(y.grad_fn, xr.grad[0, 1, :2])\n',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")


def test_foreach_with_grad_names_what_is_missing():
    """PyTorch records out-of-place foreach ops on tensors that require grad as Foreach...Backward nodes; the engine
    refuses them with an error that names the function (never other nodes)."""
    import autograd_magic.torch as torch
    with pytest.raises(NotImplementedError, match="torch._foreach_mul on tensors that require grad"):
        torch._foreach_mul([torch.ones(2, requires_grad=True)], 2.0)
    with torch.no_grad():
        assert torch._foreach_mul([torch.ones(2, requires_grad=True)], 2.0)[0].grad_fn is None
