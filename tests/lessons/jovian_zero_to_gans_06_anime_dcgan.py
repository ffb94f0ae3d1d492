# Imitates Jovian "Zero to GANs" lesson 6 notebook "Generative Adversarial Networks in PyTorch" (Aakash N S, anime
# faces), tiny and on random data: denorm with stats, a Discriminator of Conv2d/BatchNorm2d/LeakyReLU/Sigmoid, a
# Generator of ConvTranspose2d/BatchNorm2d/ReLU/Tanh, train_discriminator / train_generator with
# F.binary_cross_entropy, torch.ones / torch.zeros targets, Adam with betas, and the fit() loop's printed losses.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

# %%
image_size = 16
batch_size = 8
stats = (0.5, 0.5, 0.5), (0.5, 0.5, 0.5)
torch.manual_seed(0)
real = torch.rand(24, 3, image_size, image_size) * 2 - 1
train_dl = DataLoader(TensorDataset(real), batch_size, shuffle=True)

def denorm(img_tensors):
    return img_tensors * stats[1][0] + stats[0][0]

for (images,) in train_dl:
    print(images.shape, denorm(images).min() >= 0, denorm(images).max() <= 1)
    break
print(denorm(torch.tensor([-1., 0., 1.])))
print(denorm(images[:2]).detach()[:, :, 0, 0])

# %%
discriminator = nn.Sequential(
    # in: 3 x 16 x 16
    nn.Conv2d(3, 8, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(8),
    nn.LeakyReLU(0.2, inplace=True),
    # out: 8 x 8 x 8
    nn.Conv2d(8, 16, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.LeakyReLU(0.2, inplace=True),
    # out: 16 x 4 x 4
    nn.Conv2d(16, 1, kernel_size=4, stride=1, padding=0, bias=False),
    # out: 1 x 1 x 1
    nn.Flatten(),
    nn.Sigmoid())
discriminator

# %%
latent_size = 16
generator = nn.Sequential(
    # in: latent_size x 1 x 1
    nn.ConvTranspose2d(latent_size, 16, kernel_size=4, stride=1, padding=0, bias=False),
    nn.BatchNorm2d(16),
    nn.ReLU(True),
    # out: 16 x 4 x 4
    nn.ConvTranspose2d(16, 8, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(8),
    nn.ReLU(True),
    # out: 8 x 8 x 8
    nn.ConvTranspose2d(8, 3, kernel_size=4, stride=2, padding=1, bias=False),
    nn.Tanh()
    # out: 3 x 16 x 16
)
generator

# %%
xb = torch.randn(batch_size, latent_size, 1, 1) # random latent tensors
fake_images = generator(xb)
print(fake_images.shape)
print(fake_images.grad_fn)
print(fake_images.min() >= -1, fake_images.max() <= 1)
print(discriminator(fake_images).shape, discriminator(fake_images).grad_fn)

# %%
def train_discriminator(real_images, opt_d):
    # Clear discriminator gradients
    opt_d.zero_grad()

    # Pass real images through discriminator
    real_preds = discriminator(real_images)
    real_targets = torch.ones(real_images.size(0), 1)
    real_loss = F.binary_cross_entropy(real_preds, real_targets)
    real_score = torch.mean(real_preds).item()

    # Generate fake images
    latent = torch.randn(batch_size, latent_size, 1, 1)
    fake_images = generator(latent)

    # Pass fake images through discriminator
    fake_targets = torch.zeros(fake_images.size(0), 1)
    fake_preds = discriminator(fake_images)
    fake_loss = F.binary_cross_entropy(fake_preds, fake_targets)
    fake_score = torch.mean(fake_preds).item()

    # Update discriminator weights
    loss = real_loss + fake_loss
    loss.backward()
    opt_d.step()
    return loss.item(), real_score, fake_score

def train_generator(opt_g):
    # Clear generator gradients
    opt_g.zero_grad()

    # Generate fake images
    latent = torch.randn(batch_size, latent_size, 1, 1)
    fake_images = generator(latent)

    # Try to fool the discriminator
    preds = discriminator(fake_images)
    targets = torch.ones(batch_size, 1)
    loss = F.binary_cross_entropy(preds, targets)

    # Update generator weights
    loss.backward()
    opt_g.step()

    return loss.item()

# %%
fixed_latent = torch.randn(4, latent_size, 1, 1)

def save_samples(index, latent_tensors, show=True):
    fake_images = generator(latent_tensors)
    fake_fname = 'generated-images-{0:0=4d}.png'.format(index)
    print('Saving', fake_fname, tuple(denorm(fake_images).shape))

save_samples(0, fixed_latent)

# %%
def fit(epochs, lr, start_idx=1):
    torch.cuda.empty_cache()

    # Losses & scores
    losses_g = []
    losses_d = []
    real_scores = []
    fake_scores = []

    # Create optimizers
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=lr, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(generator.parameters(), lr=lr, betas=(0.5, 0.999))

    for epoch in range(epochs):
        for (real_images,) in train_dl:
            # Train discriminator
            loss_d, real_score, fake_score = train_discriminator(real_images, opt_d)
            # Train generator
            loss_g = train_generator(opt_g)

        # Record losses & scores
        losses_g.append(loss_g)
        losses_d.append(loss_d)
        real_scores.append(real_score)
        fake_scores.append(fake_score)

        # Log losses & scores (last batch)
        print("Epoch [{}/{}], loss_g: {:.4f}, loss_d: {:.4f}, real_score: {:.4f}, fake_score: {:.4f}".format(
            epoch+1, epochs, loss_g, loss_d, real_score, fake_score))

        # Save generated images
        save_samples(epoch+start_idx, fixed_latent, show=False)

    return losses_g, losses_d, real_scores, fake_scores

torch.manual_seed(5)
history = fit(2, 0.0002)
losses_g, losses_d, real_scores, fake_scores = history
print(len(losses_g), type(losses_d[0]).__name__)

# %%
torch.save(generator.state_dict(), '/tmp/jovian_G.pth')
torch.save(discriminator.state_dict(), '/tmp/jovian_D.pth')
print(list(generator.state_dict())[:4])
print(generator.load_state_dict(torch.load('/tmp/jovian_G.pth')))

# %%
# Mistakes learners make with BCE targets and shapes
preds = discriminator(fake_images.detach())
for make in [lambda: F.binary_cross_entropy(preds, torch.ones(batch_size)),
             lambda: F.binary_cross_entropy(preds, torch.ones(batch_size, 1, dtype=torch.long)),
             lambda: F.binary_cross_entropy(preds * 2, torch.ones(batch_size, 1)),
             lambda: F.binary_cross_entropy(preds, torch.full((batch_size, 1), 2.)),
             lambda: nn.BCELoss()(preds, torch.ones(batch_size, 1)),
             lambda: nn.BCEWithLogitsLoss()(preds, torch.ones(batch_size)),
             lambda: F.binary_cross_entropy_with_logits(preds, torch.ones(batch_size, 1).long()),
             lambda: generator(torch.randn(batch_size, latent_size)).shape,
             lambda: generator(torch.randn(batch_size, 8, 1, 1))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# ConvTranspose2d on its own: output sizes, output_padding, and its errors
up = nn.ConvTranspose2d(4, 2, kernel_size=3, stride=2, padding=1, output_padding=1)
print(up)
print(up(torch.randn(1, 4, 5, 5)).shape)
print(up(torch.randn(1, 4, 5, 5), output_size=[10, 10]).shape)
print(up.weight.shape)
for make in [lambda: nn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=2),
             lambda: up(torch.randn(1, 4, 5, 5), output_size=[12, 12]),
             lambda: up(torch.randn(1, 3, 5, 5))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
# The classic mistake: the generator's loss reuses the discriminator's output after its backward freed the graph
opt_d = torch.optim.Adam(discriminator.parameters(), lr=0.0002, betas=(0.5, 0.999))
fake_images = generator(torch.randn(batch_size, latent_size, 1, 1))
preds = discriminator(fake_images)
loss_d = F.binary_cross_entropy(preds, torch.zeros(batch_size, 1))
loss_d.backward()
opt_d.step()
try:
    F.binary_cross_entropy(preds, torch.ones(batch_size, 1)).backward()
except Exception as e:
    print(type(e).__name__, str(e)[:120])
# detaching the fakes keeps the generator out of the discriminator's step
loss_d = F.binary_cross_entropy(discriminator(fake_images.detach()), torch.zeros(batch_size, 1))
generator.zero_grad()
loss_d.backward()
print(all(p.grad is None for p in generator.parameters()))
