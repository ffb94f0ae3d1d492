# Imitates the "Example::" block of PyTorch 2.13's torch.quasirandom.SobolEngine reference (draw, scramble=True with
# a seed, fast_forward, reset, draw_base2 and its power-of-two warnings / errors) and the seed functions
# (torch.seed, random.seed, Generator.seed, manual_seed's range), as a quasi-Monte-Carlo notebook uses them.
import torch
from torch.quasirandom import SobolEngine

# %%
soboleng = torch.quasirandom.SobolEngine(dimension=5)
print(soboleng.draw(3))
print(soboleng)
print(soboleng.num_generated)
soboleng.draw(2, dtype=torch.float64)

# %%
eng = SobolEngine(dimension=3, scramble=True, seed=0)
print(eng.draw(4))
eng.reset()
print(eng.draw(2))
eng.fast_forward(5)
print(eng.draw(1), eng.num_generated)
print(eng)
eng.draw_base2(2)

# %%
e2 = SobolEngine(2)
print(e2.draw_base2(3))
try:
    e2.draw_base2(2)
except Exception as e:
    print(type(e).__name__, e)
e3 = SobolEngine(2)
e3.draw(3)
try:
    e3.draw_base2(1)
except Exception as e:
    print(type(e).__name__, e)
for bad in [lambda: SobolEngine(0), lambda: SobolEngine(30000), lambda: SobolEngine(2).draw(-1),
            lambda: SobolEngine(2).draw(2, out=torch.empty(3, 3))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(SobolEngine(1).draw(0), SobolEngine(2, scramble=True, seed=123).draw(1))
out = torch.empty(4, 2)
SobolEngine(2).draw(4, out=out)
out

# %%
s = torch.seed()
print(type(s).__name__, s == torch.initial_seed())
torch.manual_seed(123)
print(torch.initial_seed(), torch.random.seed() == torch.initial_seed())
g = torch.Generator()
sd = g.seed()
print(sd == g.initial_seed())
torch.manual_seed(2**63)
print(torch.initial_seed())
torch.manual_seed(-1)
print(torch.initial_seed())
for bad in [lambda: torch.manual_seed(2**64), lambda: torch.manual_seed(-2**63 - 1), lambda: torch.manual_seed(1.5),
            lambda: torch.manual_seed("a"), lambda: torch.set_rng_state(torch.zeros(3)),
            lambda: torch.set_rng_state(torch.zeros(5056, dtype=torch.uint8)),
            lambda: torch.Generator().set_state(torch.zeros(4, dtype=torch.uint8))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
