"""What the probe of scientific model fitting lessons (SIR / SEIR and pharmacokinetic compartment models integrated
by hand, rates log-parameterised, sensitivities by jacobian / jacrev, confidence intervals from the Hessian) found,
each checked against PyTorch: the gradient of a tensor unpacked into its rows (``S, I, R = y``, ``ka, ke =
log_k.exp()``, unbind / split / chunk / split_with_sizes) keeps each piece's signed zero. PyTorch's node for the
call stacks (cats) the pieces' gradients, where the engine has one node per piece: added together, a piece's -0.0
became +0.0 (the row of a Jacobian that does not use ke printed 0.0000 where PyTorch prints -0.0000). The signs
are printed with signbit, since the parity policy lets -0.0 and 0.0 agree as numbers. And torch.func.jacrev: each
row's vjp sends zero cotangents into every output, as PyTorch's vmapped vjp does, so an output that does not depend on
the input still gets the other outputs' signed zeros."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "jacobian_of_a_rhs_unpacking_its_rates": [
        '''def one_cpt(y, log_k):
    ka, ke = log_k.exp()
    gut, central = y
    return torch.stack([-ka * gut, ka * gut - ke * central])
y_now, log_k = torch.tensor([40.0, 25.0]), torch.log(torch.tensor([1.1, 0.2]))
J = torch.autograd.functional.jacobian(lambda lk: one_cpt(y_now, lk), log_k)
print(J, J.signbit())''',
        '''Jy, Jk = torch.autograd.functional.jacobian(one_cpt, (y_now, log_k))
print(Jy.signbit(), Jk.signbit())''',
        '''J = torch.autograd.functional.jacobian(lambda lk: one_cpt(y_now, lk), log_k, vectorize=True)
print(J.signbit())''',
        '''J = torch.autograd.functional.jacobian(lambda lk: one_cpt(y_now, lk), log_k, create_graph=True)
print(J.signbit(), J.requires_grad)'''],
    "backward_into_the_pieces_of_one_call": [
        '''p = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
a, b, c, d = p
(a * 2 - b * 0.0).backward()
print(p.grad, p.grad.signbit())''',
        '''p = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
x, y = p.split(2)
torch.cat([x * 0, -y * 0]).sum().backward()
print(p.grad.signbit())''',
        '''p = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0], requires_grad=True)
x, y, z = p.chunk(3)
(x.sum() - (y * 0).sum()).backward()
print(p.grad.signbit())''',
        '''p = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
S, I, R = p.split_with_sizes([1, 1, 1])
(S * 2 - I * 0).sum().backward()
print(p.grad.signbit())''',
        '''p = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
r0, r1 = p.unbind(1)
(r0 * 3 - r1 * 0).sum().backward()
print(p.grad.signbit())''',
        '''q = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a, b, c = q * 1
a.register_hook(lambda g: g * 2)
(a * 3 - b * 0).backward()
print(q.grad.signbit())''',
        # two calls on one tensor: their pieces add (each call's own stack first), a -0.0 of one is not kept
        # where the other call's piece is +0.0
        '''q = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
a, b, c = q
d, e, f = q.unbind()
(-b * 0 + e * 0 - c * 0 + a).backward()
print(q.grad, q.grad.signbit())''',
        '''q = torch.tensor([1.0, 2.0], requires_grad=True)
a, b = q
g, = torch.autograd.grad(torch.stack([a * a, -b * b]), q, torch.tensor([1.0, 0.0]), create_graph=True)
print(g.signbit())
g.sum().backward()
print(q.grad.signbit())'''],
    "seir_with_deaths_sensitivities_by_jacrev": [
        # the death rate mu only removes people from I: d(dS/dt)/d(log mu) is -0.0 in PyTorch (the I row's zero
        # cotangent times -mu*I, through the stack of the unpacked rates)
        '''def rhs(state, lp):
    beta, sigma, gamma, mu = lp.exp()
    S, E, I, R = state
    inf = beta * S * I / 1000
    return torch.stack([-inf, inf - sigma * E, sigma * E - gamma * I - mu * I, gamma * I])
lp = torch.log(torch.tensor([0.45, 0.2, 0.12, 0.01]))
state = torch.tensor([700.0, 50.0, 150.0, 100.0])
J = torch.func.jacrev(rhs, argnums=(0, 1))(state, lp)
print(J[1], J[0].signbit(), J[1].signbit())
J = torch.autograd.functional.jacobian(rhs, (state, lp))
print(J[0].signbit(), J[1].signbit())'''],
    "jacrev_sends_zero_cotangents_into_every_output": [
        # PyTorch's jacrev vmaps one vjp over the standard basis of all the outputs together: a row of one output
        # still sends zeros into the others, whose -0.0 reach an input the row does not use
        '''f = lambda x, y: (x * 2, -y * 3)
J = torch.func.jacrev(f, argnums=1)(torch.tensor([1.0, 2.0]), torch.tensor([3.0]))
print(J[0].signbit(), J[1].signbit())''',
        '''def rates(lk):
    ka, ke = lk.exp()
    return {"absorb": ka * 40.0, "elim": -ke * 25.0}
J = torch.func.jacrev(rates)(torch.log(torch.tensor([1.1, 0.2])))
print({k: v.signbit() for k, v in J.items()})'''],
}


@pytest.mark.parametrize("name", list(CELLS))
def test_probe245(name):
    assert_same_as_pytorch(CELLS[name], corpus="probe245", name=name, warns=None)
