# Imitates the deeplearning.ai GANs Specialization C1W3 (WGAN-GP: get_gradient on mixed images with
# torch.autograd.grad(create_graph=True), gradient_penalty, critic and generator losses, the critic loop with
# mean_iteration_critic_loss) and C1W4 (conditional GAN: get_one_hot_labels with F.one_hot, combine_vectors with
# torch.cat, get_input_dimensions), with the unit tests the assignments ship and a learner's slips.
import torch
from torch import nn
import torch.nn.functional as F
torch.manual_seed(0) # Set for testing purposes, please do not change!

# %%
class Critic(nn.Module):
    def __init__(self, im_chan=1, hidden_dim=8):
        super(Critic, self).__init__()
        self.crit = nn.Sequential(
            self.make_crit_block(im_chan, hidden_dim),
            self.make_crit_block(hidden_dim, hidden_dim * 2),
            self.make_crit_block(hidden_dim * 2, 1, final_layer=True),
        )

    def make_crit_block(self, input_channels, output_channels, kernel_size=4, stride=2, final_layer=False):
        if not final_layer:
            return nn.Sequential(
                nn.Conv2d(input_channels, output_channels, kernel_size, stride),
                nn.BatchNorm2d(output_channels),
                nn.LeakyReLU(0.2, inplace=True),
            )
        else:
            return nn.Sequential(
                nn.Conv2d(input_channels, output_channels, kernel_size, stride),
            )

    def forward(self, image):
        crit_pred = self.crit(image)
        return crit_pred.view(len(crit_pred), -1)

class Generator(nn.Module):
    def __init__(self, z_dim=10, im_chan=1, hidden_dim=8):
        super(Generator, self).__init__()
        self.z_dim = z_dim
        self.gen = nn.Sequential(
            self.make_gen_block(z_dim, hidden_dim * 4),
            self.make_gen_block(hidden_dim * 4, hidden_dim * 2, kernel_size=4, stride=1),
            self.make_gen_block(hidden_dim * 2, hidden_dim),
            self.make_gen_block(hidden_dim, im_chan, kernel_size=4, final_layer=True),
        )

    def make_gen_block(self, input_channels, output_channels, kernel_size=3, stride=2, final_layer=False):
        if not final_layer:
            return nn.Sequential(
                nn.ConvTranspose2d(input_channels, output_channels, kernel_size, stride),
                nn.BatchNorm2d(output_channels),
                nn.ReLU(inplace=True),
            )
        else:
            return nn.Sequential(
                nn.ConvTranspose2d(input_channels, output_channels, kernel_size, stride),
                nn.Tanh(),
            )

    def forward(self, noise):
        x = noise.view(len(noise), self.z_dim, 1, 1)
        return self.gen(x)

def get_noise(n_samples, z_dim, device='cpu'):
    return torch.randn(n_samples, z_dim, device=device)

gen = Generator(10)
crit = Critic()
print(crit(gen(get_noise(2, 10))))

# %%
def get_gradient(crit, real, fake, epsilon):
    '''
    Return the gradient of the critic's scores with respect to mixes of real and fake images.
    '''
    # Mix the images together
    mixed_images = real * epsilon + fake * (1 - epsilon)

    # Calculate the critic's scores on the mixed images
    mixed_scores = crit(mixed_images)

    # Take the gradient of the scores with respect to the images
    gradient = torch.autograd.grad(
        inputs=mixed_images,
        outputs=mixed_scores,
        # These other parameters have to do with the pytorch autograd engine works
        grad_outputs=torch.ones_like(mixed_scores),
        create_graph=True,
        retain_graph=True,
    )[0]
    return gradient

def test_get_gradient(image_shape):
    real = torch.randn(*image_shape) + 1
    fake = torch.randn(*image_shape) - 1
    epsilon_shape = [1 for _ in image_shape]
    epsilon_shape[0] = image_shape[0]
    epsilon = torch.rand(epsilon_shape).requires_grad_()
    gradient = get_gradient(crit, real, fake, epsilon)
    assert tuple(gradient.shape) == image_shape
    assert gradient.max() > 0
    assert gradient.min() < 0
    return gradient

gradient = test_get_gradient((16, 1, 28, 28))
print("Success!")
print(gradient.shape, gradient.grad_fn.name(), gradient.requires_grad)

# %%
def gradient_penalty(gradient):
    '''
    Return the gradient penalty, given a gradient.
    '''
    # Flatten the gradients so that each row captures one image
    gradient = gradient.view(len(gradient), -1)

    # Calculate the magnitude of every row
    gradient_norm = gradient.norm(2, dim=1)

    # Penalize the mean squared distance of the gradient norms from 1
    penalty = torch.mean((gradient_norm - 1)**2)
    return penalty

def test_gradient_penalty(image_shape):
    bad_gradient = torch.zeros(*image_shape)
    bad_gradient_penalty = gradient_penalty(bad_gradient)
    assert torch.isclose(bad_gradient_penalty, torch.tensor(1.))

    image_size = torch.prod(torch.Tensor(image_shape[1:]))
    good_gradient = torch.ones(*image_shape) / torch.sqrt(image_size)
    good_gradient_penalty = gradient_penalty(good_gradient)
    assert torch.isclose(good_gradient_penalty, torch.tensor(0.))

    random_gradient = test_get_gradient(image_shape)
    random_gradient_penalty = gradient_penalty(random_gradient)
    print(image_size, good_gradient_penalty, random_gradient_penalty)
    assert torch.abs(random_gradient_penalty - 1) < 0.1

test_gradient_penalty((16, 1, 28, 28))
print("Success!")

# %%
def get_gen_loss(crit_fake_pred):
    gen_loss = -1. * torch.mean(crit_fake_pred)
    return gen_loss

def get_crit_loss(crit_fake_pred, crit_real_pred, gp, c_lambda):
    crit_loss = torch.mean(crit_fake_pred) - torch.mean(crit_real_pred) + c_lambda * gp
    return crit_loss

assert torch.isclose(
    get_gen_loss(torch.tensor(1.)), torch.tensor(-1.0)
)
assert torch.isclose(
    get_gen_loss(torch.rand(10000)), torch.tensor(-0.5), 0.05
)
assert torch.isclose(
    get_crit_loss(torch.tensor(1.), torch.tensor(2.), torch.tensor(3.), 0.1),
    torch.tensor(-0.7)
)
assert torch.isclose(
    get_crit_loss(torch.tensor(20.), torch.tensor(-20.), torch.tensor(2.), 10),
    torch.tensor(60.)
)
print("Success!")

# %%
n_epochs = 1
z_dim = 10
display_step = 2
batch_size = 8
lr = 0.0002
beta_1 = 0.5
beta_2 = 0.999
c_lambda = 10
crit_repeats = 3
device = 'cpu'

torch.manual_seed(1)
gen = Generator(z_dim).to(device)
gen_opt = torch.optim.Adam(gen.parameters(), lr=lr, betas=(beta_1, beta_2))
crit = Critic().to(device)
crit_opt = torch.optim.Adam(crit.parameters(), lr=lr, betas=(beta_1, beta_2))

def weights_init(m):
    if isinstance(m, nn.Conv2d) or isinstance(m, nn.ConvTranspose2d):
        torch.nn.init.normal_(m.weight, 0.0, 0.02)
    if isinstance(m, nn.BatchNorm2d):
        torch.nn.init.normal_(m.weight, 0.0, 0.02)
        torch.nn.init.constant_(m.bias, 0)
gen = gen.apply(weights_init)
crit = crit.apply(weights_init)
dataloader = [(torch.rand(batch_size, 1, 28, 28) * 2 - 1, None) for _ in range(4)]

# %%
cur_step = 0
generator_losses = []
critic_losses = []
for epoch in range(n_epochs):
    for real, _ in dataloader:
        cur_batch_size = len(real)
        real = real.to(device)

        mean_iteration_critic_loss = 0
        for _ in range(crit_repeats):
            ### Update critic ###
            crit_opt.zero_grad()
            fake_noise = get_noise(cur_batch_size, z_dim, device=device)
            fake = gen(fake_noise)
            crit_fake_pred = crit(fake.detach())
            crit_real_pred = crit(real)

            epsilon = torch.rand(len(real), 1, 1, 1, device=device, requires_grad=True)
            gradient = get_gradient(crit, real, fake.detach(), epsilon)
            gp = gradient_penalty(gradient)
            crit_loss = get_crit_loss(crit_fake_pred, crit_real_pred, gp, c_lambda)

            # Keep track of the average critic loss in this batch
            mean_iteration_critic_loss += crit_loss.item() / crit_repeats
            # Update gradients
            crit_loss.backward(retain_graph=True)
            # Update optimizer
            crit_opt.step()
        critic_losses += [mean_iteration_critic_loss]

        ### Update generator ###
        gen_opt.zero_grad()
        fake_noise_2 = get_noise(cur_batch_size, z_dim, device=device)
        fake_2 = gen(fake_noise_2)
        crit_fake_pred = crit(fake_2)

        gen_loss = get_gen_loss(crit_fake_pred)
        gen_loss.backward()

        # Update the weights
        gen_opt.step()

        # Keep track of the average generator loss
        generator_losses += [gen_loss.item()]

        if cur_step % display_step == 0 and cur_step > 0:
            gen_mean = sum(generator_losses[-display_step:]) / display_step
            crit_mean = sum(critic_losses[-display_step:]) / display_step
            # (4 decimals: the 17-digit means drift in their last digits under an AVX2 dispatch)
            print(f"Step {cur_step}: Generator loss: {gen_mean:.4f}, critic loss: {crit_mean:.4f}")
        cur_step += 1
print(len(generator_losses), len(critic_losses), gp.grad_fn)
print(torch.Tensor(critic_losses[:2]).view(-1, 2).mean(1))

# %%
# slips: forgetting create_graph (the penalty then cannot reach the critic), an epsilon that is not
# broadcastable, and grad without grad_outputs on a non-scalar output
eps = torch.rand(4, 1, 1, 1, requires_grad=True)
real4, fake4 = torch.randn(4, 1, 28, 28), torch.randn(4, 1, 28, 28)
mixed = real4 * eps + fake4 * (1 - eps)
scores = crit(mixed)
g = torch.autograd.grad(scores, mixed, torch.ones_like(scores))[0]
print(g.requires_grad, g.grad_fn)
try:
    gradient_penalty(g).backward()
except RuntimeError as e:
    print(e)
try:
    real4 * torch.rand(4, 1) + fake4
except RuntimeError as e:
    print(e)
mixed = real4 * eps + fake4 * (1 - eps)
try:
    torch.autograd.grad(crit(mixed), mixed)
except RuntimeError as e:
    print(e)
try:
    torch.autograd.grad(crit(real4).mean(), real4)
except RuntimeError as e:
    print(e)

# %%
# double backward through the penalty reaches epsilon and the critic's weights
crit_opt.zero_grad()
eps = torch.rand(4, 1, 1, 1, requires_grad=True)
gp = gradient_penalty(get_gradient(crit, real4, fake4, eps))
gp.backward()
print(eps.grad.shape, eps.grad.view(-1).abs().sum() > 0)
print(crit.crit[0][0].weight.grad.shape, crit.crit[2][0].bias.grad)

# %%
# C1W4: conditional GAN
def get_one_hot_labels(labels, n_classes):
    return F.one_hot(labels, n_classes)

assert (
    get_one_hot_labels(
        labels=torch.Tensor([[0, 2, 1]]).long(),
        n_classes=3
    ).tolist() ==
    [[
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0]
    ]]
)
print(get_one_hot_labels(torch.arange(4), 5))
try:
    get_one_hot_labels(torch.Tensor([0, 2, 1]), 3)
except RuntimeError as e:
    print(e)
try:
    get_one_hot_labels(torch.tensor([0, 3]), 3)
except RuntimeError as e:
    print(e)

# %%
def combine_vectors(x, y):
    combined = torch.cat((x.float(), y.float()), 1)
    return combined

combined = combine_vectors(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[5, 6], [7, 8]]))
print(combined)
# Check exact order of elements
assert torch.all(combined == torch.tensor([[1, 2, 5, 6], [3, 4, 7, 8]]))
# Tests that items are of float type
assert (type(combined[0][0].item()) == float)
# Check shapes
combined = combine_vectors(torch.randn(1, 4, 5), torch.randn(1, 8, 5))
print(tuple(combined.shape))
try:
    torch.cat((torch.randn(2, 3), torch.arange(4).view(4, 1)), 1)
except RuntimeError as e:
    print(e)
print(torch.cat((torch.randn(2, 3), torch.arange(2).view(2, 1)), 1).dtype)

# %%
mnist_shape = (1, 28, 28)
n_classes = 10

def get_input_dimensions(z_dim, mnist_shape, n_classes):
    generator_input_dim = z_dim + n_classes
    discriminator_im_chan = mnist_shape[0] + n_classes
    return generator_input_dim, discriminator_im_chan

generator_input_dim, discriminator_im_chan = get_input_dimensions(z_dim, mnist_shape, n_classes)
print(generator_input_dim, discriminator_im_chan)
torch.manual_seed(2)
gen = Generator(z_dim=generator_input_dim)
disc = Critic(im_chan=discriminator_im_chan)
real = torch.rand(4, 1, 28, 28)
labels = torch.tensor([3, 1, 4, 1])
one_hot_labels = get_one_hot_labels(labels, n_classes)
image_one_hot_labels = one_hot_labels[:, :, None, None]
image_one_hot_labels = image_one_hot_labels.repeat(1, 1, mnist_shape[1], mnist_shape[2])
print(one_hot_labels.shape, image_one_hot_labels.shape, image_one_hot_labels.dtype)
fake_noise = get_noise(4, z_dim)
noise_and_labels = combine_vectors(fake_noise, one_hot_labels)
fake = gen(noise_and_labels)
fake_image_and_labels = combine_vectors(fake, image_one_hot_labels)
real_image_and_labels = combine_vectors(real, image_one_hot_labels)
disc_fake_pred = disc(fake_image_and_labels.detach())
disc_real_pred = disc(real_image_and_labels)
criterion = nn.BCEWithLogitsLoss()
disc_loss = (criterion(disc_fake_pred, torch.zeros_like(disc_fake_pred)) +
             criterion(disc_real_pred, torch.ones_like(disc_real_pred))) / 2
print(fake.shape, disc_loss)
# the learner concatenates the int one-hot labels directly
try:
    torch.cat((fake, image_one_hot_labels), 1)
    print(torch.cat((fake, image_one_hot_labels), 1).dtype)
except RuntimeError as e:
    print(e)
