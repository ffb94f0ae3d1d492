# Imitates a differentiable-MPC tutorial: single shooting of a cart with Adam, projected controls (clamp_ under
# no_grad, torch.clip, torch.clamp with tensor bounds), trajectory costs with torch.diff and F.pad, receding-horizon
# re-planning with a warm start, and the mistakes learners make (clamp_ on a leaf outside no_grad, forgetting
# zero_grad, a control tensor that does not require grad, the optimizer given a non-leaf).
import torch
import torch.nn.functional as F
torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)

dt, H = 0.1, 15
u_max = 2.0

def rollout(x0, U):
    x = x0
    states = [x]
    for t in range(U.shape[0]):
        pos, vel = x[..., 0], x[..., 1]
        vel = vel + dt * U[t]
        pos = pos + dt * vel
        x = torch.stack([pos, vel], dim=-1)
        states.append(x)
    return torch.stack(states)

def traj_cost(X, U, goal):
    track = ((X[:, 0] - goal) ** 2).sum()
    smooth = (torch.diff(U, dim=0) ** 2).sum()
    jerk = (torch.diff(U, n=2, dim=0) ** 2).sum()
    return track + 0.1 * (U ** 2).sum() + smooth + 0.5 * jerk

x0 = torch.tensor([0.0, 0.0])
goal = 1.0

# %%
U = torch.zeros(H, requires_grad=True)
opt = torch.optim.Adam([U], lr=0.3)
for it in range(60):
    opt.zero_grad()
    X = rollout(x0, U)
    loss = traj_cost(X, U, goal)
    loss.backward()
    opt.step()
    with torch.no_grad():
        U.clamp_(-u_max, u_max)
    if it % 20 == 0:
        print(it, round(loss.item(), 4), U.grad.norm().item() > 0)
print(U.detach())
print(X[-1])
loss

# %%
print(U.is_leaf, U.requires_grad, U.grad.shape)
U_proj = torch.clip(U, -1.0, 1.0)
print(U_proj.grad_fn)
lo = torch.full((H,), -0.5)
hi = torch.linspace(0.2, 1.5, H)
torch.clamp(U, min=lo, max=hi)

# %%
# mistake: projecting a leaf in place outside no_grad
U.clamp_(-1.0, 1.0)

# %%
U.data.clamp_(-1.0, 1.0)
U.max()

# %%
torch.clamp(U, min=1.0, max=-1.0)

# %%
torch.clip(U.detach(), -1)

# %%
torch.clamp(U)

# %%
# mistake: forgetting zero_grad, the gradient accumulates
V = torch.zeros(H, requires_grad=True)
for it in range(3):
    traj_cost(rollout(x0, V), V, goal).backward()
    print(it, V.grad[:3])

# %%
# mistake: the optimizer gets a non-leaf
W = torch.zeros(H, requires_grad=True) * 2
torch.optim.Adam([W], lr=0.1)

# %%
torch.optim.Adam(U, lr=0.1)

# %%
# mistake: controls that do not require grad
U2 = torch.zeros(H)
loss2 = traj_cost(rollout(x0, U2), U2, goal)
loss2.backward()

# %%
# padded finite differences: velocity and acceleration with the same length as the trajectory
pos = X[:, 0].detach()
vel = torch.diff(pos, prepend=pos[:1]) / dt
acc = torch.diff(F.pad(pos.view(1, -1), (1, 1), mode="replicate"), n=2) / dt ** 2
print(vel.shape, acc.shape)
print(F.pad(pos[:4], (2, 0)))
print(F.pad(pos[:4].view(1, 1, 4), (1, 2), mode="reflect"))
F.pad(pos[:4].view(1, 4), (1, 1), mode="circular")

# %%
F.pad(pos[:4], (1, 1), mode="replicate")

# %%
F.pad(pos[:4].view(1, 1, 4), (5, 0), mode="reflect")

# %%
torch.diff(pos[:4], n=0), torch.diff(pos[:4], append=torch.tensor([9.0, 9.0]))

# %%
torch.diff(pos[:4], dim=1)

# %%
torch.diff(pos[:4], prepend=torch.tensor(1.0))

# %%
torch.diff(torch.tensor([True, False, False, True])), torch.diff(torch.arange(5) ** 2, n=2)

# %%
# receding horizon: re-plan from each new state with a warm start
x = torch.tensor([0.0, 0.0])
U_plan = torch.zeros(H, requires_grad=True)
applied = []
for step in range(5):
    opt = torch.optim.Adam([U_plan], lr=0.2)
    for it in range(15):
        opt.zero_grad()
        loss = traj_cost(rollout(x, U_plan), U_plan, goal)
        loss.backward()
        opt.step()
        with torch.no_grad():
            U_plan.clamp_(min=-u_max, max=u_max)
    u = U_plan[0].detach()
    applied.append(u)
    x = rollout(x, u.view(1))[-1]
    with torch.no_grad():
        U_plan.copy_(torch.cat([U_plan[1:], U_plan[-1:]]))
print(torch.stack(applied))
x

# %%
# batched rollout of many initial states
X0 = torch.randn(4, 2)
Ub = torch.zeros(H, 4, requires_grad=True)
Xb = rollout(X0, Ub)
print(Xb.shape)
lossb = ((Xb[..., 0] - goal) ** 2).sum()
lossb.backward()
Ub.grad[:3]

# %%
rollout(X0, torch.zeros(H, 3))
