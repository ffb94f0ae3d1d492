# Imitates the first cell of most tutorials: pick a device, move the model and the data to it, then train as usual.
import torch
import torch.nn as nn

# %%
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"Using {device} device")

# %%
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)).to(device)
X = torch.randn(8, 3).to(device)
y = torch.randn(8, 1, device=device)
print(next(model.parameters()).device, X.device)

# %%
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    pred = model(X)
    loss = nn.functional.mse_loss(pred, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(f"epoch {epoch}: {loss.item():.4f}")

# %%
pred.detach().cpu().numpy()
