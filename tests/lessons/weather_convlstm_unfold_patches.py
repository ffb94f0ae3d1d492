# Imitates a precipitation-nowcasting lesson: a ConvLSTM cell written by hand with F.conv2d and torch.chunk over a
# short radar sequence, patch extraction with F.unfold / F.fold (overlapping patches averaged back), and gradients.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
B, C, H, Wd, Hid = 2, 1, 8, 8, 4
seq = torch.rand(B, 5, C, H, Wd)
seq[seq < 0.3] = 0.0
class ConvLSTMCell(torch.nn.Module):
    def __init__(self, cin, hid, k=3):
        super().__init__()
        self.hid = hid
        self.conv = torch.nn.Conv2d(cin + hid, 4 * hid, k, padding=k // 2)
    def forward(self, x, state):
        h, c = state
        gates = self.conv(torch.cat([x, h], dim=1))
        i, f, o, g = torch.chunk(gates, 4, dim=1)
        i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
        c = f * c + i * g
        h = o * torch.tanh(c)
        return h, c
cell = ConvLSTMCell(C, Hid)
head = torch.nn.Conv2d(Hid, 1, 1)
h = torch.zeros(B, Hid, H, Wd)
c = torch.zeros_like(h)
for t in range(4):
    h, c = cell(seq[:, t], (h, c))
pred = head(h)
loss = F.mse_loss(pred, seq[:, 4])
loss.backward()
print(pred.shape, loss, loss.grad_fn.name(), h.grad_fn.name(), c.grad_fn.name())
print(cell.conv.weight.grad.shape, cell.conv.weight.grad[0, :, 1, 1], cell.conv.bias.grad[:4])
print(head.weight.grad.flatten())
parts = torch.chunk(torch.arange(10), 3)
print(parts, torch.chunk(torch.arange(10), 4), torch.arange(6).chunk(6))
print([p.shape for p in torch.chunk(torch.randn(2, 10, 3), 4, dim=1)])
try:
    torch.chunk(torch.arange(5), 0)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
w = torch.randn(8, 3, 3, 3, requires_grad=True)
x = torch.randn(1, 3, 6, 6, requires_grad=True)
y = F.conv2d(x, w, padding="same")
y.pow(2).mean().backward()
print(y.shape, y.grad_fn.name(), x.grad[0, 0, 0], w.grad[0, 0])
print(F.conv2d(x, w, stride=2, padding=1).shape, F.conv2d(x, w, dilation=2).shape)
try:
    F.conv2d(x, w, padding="same", stride=2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    F.conv2d(torch.randn(1, 4, 6, 6), w)
except RuntimeError as e:
    print(type(e).__name__, e)

# %%
torch.manual_seed(1)
field = torch.randn(1, 2, 8, 8, requires_grad=True)
p = F.unfold(field, kernel_size=4, stride=2)
print(p.shape, p.grad_fn.name())
patches = p.view(1, 2, 4, 4, -1).permute(0, 4, 1, 2, 3)
print(patches.shape, patches[0, 0, 0, 0])
back = F.fold(p, output_size=(8, 8), kernel_size=4, stride=2)
ones = F.fold(F.unfold(torch.ones(1, 2, 8, 8), 4, stride=2), (8, 8), 4, stride=2)
print(ones[0, 0], back.grad_fn.name())
avg = back / ones
print(torch.allclose(avg, field), (avg - field).abs().max())
back.sum().backward()
print(field.grad[0, 0])
q = F.unfold(field.detach(), kernel_size=(3, 2), dilation=(1, 2), padding=1, stride=(2, 3))
print(q.shape, q[0, :4, :3])
try:
    F.fold(p, output_size=(8, 8), kernel_size=3, stride=2)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.unfold(torch.randn(2, 8, 8), kernel_size=9)
except RuntimeError as e:
    print(type(e).__name__, e)
