# Imitates DeepLearning.AI's "PyTorch for Deep Learning" professional certificate (Coursera, 2025), course 2: the
# checkpointing section as learners type it with files on disk: `torch.save(checkpoint, "checkpoints/epoch_3.pth")`
# before the folder exists (PyTorch's "Parent directory ... does not exist."), os.makedirs(..., exist_ok=True), one
# checkpoint file per epoch plus best_model.pth, picking the latest file to resume from, loading with map_location,
# and the mistakes of loading a file that is no checkpoint (a CSV of the delivery data, a text note) or saving to a
# path that names a folder. Paths are printed relative to a temporary folder.
import os
import tempfile
import torch
import torch.nn as nn
import torch.optim as optim

# %%
workdir = tempfile.mkdtemp()
def rel(text):
    return str(text).replace(workdir + os.sep, "").replace(workdir, ".")

torch.manual_seed(0)
distances = torch.linspace(1.0, 10.0, 16).unsqueeze(1)
times = 4.0 * distances + 3.0 + torch.randn(16, 1)
model = nn.Sequential(nn.Linear(1, 4), nn.ReLU(), nn.Linear(4, 1))
optimizer = optim.Adam(model.parameters(), lr=0.05)
loss_function = nn.MSELoss()
checkpoint_dir = os.path.join(workdir, "checkpoints")
try:
    torch.save(model.state_dict(), os.path.join(checkpoint_dir, "model.pth"))
except Exception as e:
    print(type(e).__name__, rel(e))
try:
    torch.save({"model": model.state_dict()}, os.path.join(checkpoint_dir, "runs", "epoch_0.pth"))
except Exception as e:
    print(type(e).__name__, rel(e))
print(os.path.exists(checkpoint_dir))
os.makedirs(checkpoint_dir, exist_ok=True)
print(sorted(os.listdir(workdir)))

# %%
best_loss = float("inf")
for epoch in range(1, 7):
    optimizer.zero_grad()
    loss = loss_function(model(distances), times)
    loss.backward()
    optimizer.step()
    path = os.path.join(checkpoint_dir, f"epoch_{epoch}.pth")
    torch.save({
        "epoch": epoch,
        "model_state_dict": model.state_dict(),
        "optimizer_state_dict": optimizer.state_dict(),
        "loss": loss.item(),
    }, path)
    if loss.item() < best_loss:
        best_loss = loss.item()
        torch.save(model.state_dict(), os.path.join(checkpoint_dir, "best_model.pth"))
    if epoch % 2 == 0:
        print(f"Epoch {epoch}: loss {loss.item():.4f}, saved {rel(path)}")
print(sorted(os.listdir(checkpoint_dir)))

# %%
files = [f for f in os.listdir(checkpoint_dir) if f.startswith("epoch_")]
latest = max(files, key=lambda f: int(f.split("_")[1].split(".")[0]))
print(f"Latest checkpoint: {latest}")
checkpoint = torch.load(os.path.join(checkpoint_dir, latest), map_location=torch.device("cpu"))
print(sorted(checkpoint.keys()), checkpoint["epoch"], f"{checkpoint['loss']:.4f}")
torch.manual_seed(1)
resumed = nn.Sequential(nn.Linear(1, 4), nn.ReLU(), nn.Linear(4, 1))
resumed_optimizer = optim.Adam(resumed.parameters(), lr=0.05)
print(resumed.load_state_dict(checkpoint["model_state_dict"]))
resumed_optimizer.load_state_dict(checkpoint["optimizer_state_dict"])
start_epoch = checkpoint["epoch"] + 1
for epoch in range(start_epoch, start_epoch + 2):
    for net, opt in [(model, optimizer), (resumed, resumed_optimizer)]:
        opt.zero_grad()
        loss_function(net(distances), times).backward()
        opt.step()
    print(epoch, torch.equal(model[0].weight, resumed[0].weight))
best = nn.Sequential(nn.Linear(1, 4), nn.ReLU(), nn.Linear(4, 1))
best.load_state_dict(torch.load(os.path.join(checkpoint_dir, "best_model.pth"), weights_only=True))
best.eval()
with torch.no_grad():
    print(f"Best model predicts {best(torch.tensor([[7.0]])).item():.2f} minutes for 7 miles")

# %%
csv_path = os.path.join(workdir, "delivery_data.csv")
with open(csv_path, "w") as fh:
    fh.write("distance,time\n1.0,6.96\n2.0,12.11\n")
note_path = os.path.join(workdir, "notes.txt")
with open(note_path, "w") as fh:
    fh.write("good run, lr 0.05")
for path in [csv_path, note_path]:
    try:
        torch.load(path)
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[0][:60], "|", [line for line in str(e).splitlines() if line][-2])
try:
    torch.load(os.path.join(checkpoint_dir, "epoch_99.pth"))
except Exception as e:
    print(type(e).__name__, rel(e))
try:
    torch.save(model.state_dict(), checkpoint_dir)
except Exception as e:
    print(type(e).__name__, rel(e))
try:
    torch.save(model.state_dict(), checkpoint_dir + os.sep)
except Exception as e:
    print(type(e).__name__, rel(e))
try:
    torch.load(checkpoint_dir)
except Exception as e:
    print(type(e).__name__, rel(e))
