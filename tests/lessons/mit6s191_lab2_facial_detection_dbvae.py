# Imitates MIT 6.S191 (Introduction to Deep Learning) Lab 2, PyTorch edition, Part 2 "Debiasing Facial Detection
# Systems": the standard CNN classifier built from ConvBlocks (Conv2d + ReLU + BatchNorm2d) in nn.Sequential, training
# with BCEWithLogitsLoss and Adam, evaluation with sigmoid + round, then the DB-VAE: vae_loss_function (KL with
# logsigma + mean absolute reconstruction error), sampling (reparameterisation), the decoder with Unflatten and
# ConvTranspose2d, debiasing_loss_function with the face indicator, get_latent_mu under inference_mode and
# get_training_sample_probabilities from histograms of the latent means. Small random images instead of CelebA.
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np

# %%
torch.manual_seed(0)
np.random.seed(0)
device = torch.device("cpu")
H, W = 16, 16
# "Get the training data: both images from CelebA and ImageNet" (random stand-ins here)
n_train = 24
images = np.random.rand(n_train, H, W, 3).astype(np.float32)
labels = (np.arange(n_train) % 2).astype(np.float32).reshape(-1, 1)
face_images = images[np.where(labels == 1)[0]]
not_face_images = images[np.where(labels == 0)[0]]
print(images.shape, labels.shape, face_images.shape, not_face_images.shape)
print(images.dtype, labels[:4].ravel())

# %%
### Define the CNN model ###
n_filters = 4  # base number of convolutional filters

def make_standard_classifier(n_outputs):
    """Create a standard CNN classifier."""

    # Instantiate layers and activations
    class ConvBlock(nn.Module):
        def __init__(self, in_channels, out_channels, kernel_size, stride, padding=0):
            super().__init__()
            self.conv = nn.Conv2d(
                in_channels, out_channels, kernel_size, stride, padding=padding
            )
            self.relu = nn.ReLU()
            self.bn = nn.BatchNorm2d(out_channels)

        def forward(self, x):
            x = self.conv(x)
            x = self.relu(x)
            x = self.bn(x)
            return x

    model = nn.Sequential(
        ConvBlock(3, n_filters, kernel_size=5, stride=2, padding=2),
        ConvBlock(n_filters, 2 * n_filters, kernel_size=5, stride=2, padding=2),
        ConvBlock(2 * n_filters, 4 * n_filters, kernel_size=3, stride=2, padding=1),
        ConvBlock(4 * n_filters, 6 * n_filters, kernel_size=3, stride=2, padding=1),
        nn.Flatten(),
        nn.Linear(H // 16 * W // 16 * 6 * n_filters, 32),
        nn.ReLU(),
        nn.Linear(32, n_outputs),
    )

    return model.to(device)

standard_classifier = make_standard_classifier(n_outputs=1)
print(standard_classifier)
print(sum(p.numel() for p in standard_classifier.parameters() if p.requires_grad))

# %%
### Train the standard CNN ###
loss_fn = nn.BCEWithLogitsLoss()
# Training hyperparameters
params = dict(
    batch_size=8,
    num_epochs=2,  # will train for 2 epochs
    learning_rate=5e-4,
)

optimizer = torch.optim.Adam(
    standard_classifier.parameters(), lr=params["learning_rate"]
)
loss_history = []

def standard_train_step(x, y):
    x = torch.from_numpy(x).float().to(device)
    y = torch.from_numpy(y).float().to(device)

    # clear the gradients
    optimizer.zero_grad()

    # feed the images into the model
    x = x.permute(0, 3, 1, 2)  # [B, H, W, C] to [B, C, H, W]
    logits = standard_classifier(x)
    # Compute the loss
    loss = loss_fn(logits, y)

    # Backpropagation
    loss.backward()
    optimizer.step()

    return loss

# The training loop!
standard_classifier.train()
for epoch in range(params["num_epochs"]):
    for idx in range(0, n_train, params["batch_size"]):
        # Grab a batch of training data and propagate through the network
        x, y = images[idx:idx + params["batch_size"]], labels[idx:idx + params["batch_size"]]
        loss = standard_train_step(x, y)
        # Record the loss and plot the evolution of the loss as a function of training
        loss_history.append(loss.detach().cpu().numpy())
print([round(float(l), 4) for l in loss_history])
print(type(loss_history[0]), loss_history[0].dtype, loss_history[0].shape)

# %%
### Evaluation of standard CNN ###
# set the model to eval mode
standard_classifier.eval()

# TRAINING DATA
# Evaluate on a subset of CelebA+Imagenet
(batch_x, batch_y) = images[:12], labels[:12]
batch_x = torch.from_numpy(batch_x).float().to(device)
batch_y = torch.from_numpy(batch_y).float().to(device)

with torch.inference_mode():
    batch_x = batch_x.permute(0, 3, 1, 2)
    y_pred_logits = standard_classifier(batch_x)
    y_pred_standard = torch.round(torch.sigmoid(y_pred_logits))
    acc_standard = torch.mean((batch_y == y_pred_standard).float())

print(
    "Standard CNN accuracy on (potentially biased) training set: {:.4f}".format(
        acc_standard.item()
    )
)
print(y_pred_standard.dtype, y_pred_standard.requires_grad, y_pred_standard.is_inference())
print(y_pred_standard.squeeze())

# %%
### Defining the VAE loss function ###

""" Function to calculate VAE loss given:
      an input x,
      reconstructed output x_recon,
      encoded means mu,
      encoded log of standard deviation logsigma,
      weight parameter for the latent loss kl_weight
"""

def vae_loss_function(x, x_recon, mu, logsigma, kl_weight=0.0005):
    # TODO: Define the latent loss. Note this is given in the equation for L_{KL}
    # in the text block directly above
    latent_loss = 0.5 * torch.sum(torch.exp(logsigma) + mu**2 - 1 - logsigma, dim=1)

    # TODO: Define the reconstruction loss as the mean absolute pixel-wise
    # difference between the input and reconstruction. Hint: you'll need to
    # use torch.mean, and specify the dimensions to reduce over.
    # For example, reconstruction loss needs to average
    # over the height, width, and channel image dimensions.
    # https://pytorch.org/docs/stable/generated/torch.mean.html
    reconstruction_loss = torch.mean(torch.abs(x - x_recon), dim=(1, 2, 3))

    # TODO: Define the VAE loss. Note this is given in the equation for L_{VAE}
    # in the text block directly above
    vae_loss = kl_weight * latent_loss + reconstruction_loss

    return vae_loss

### VAE Reparameterization ###

"""Reparameterization trick by sampling from an isotropic unit Gaussian.
# Arguments
    z_mean, z_logsigma (tensor): mean and log of standard deviation of latent distribution (Q(z|X))
# Returns
    z (tensor): sampled latent vector
"""

def sampling(z_mean, z_logsigma):
    # Generate random noise with the same shape as z_mean, sampled from a standard normal distribution (mean=0, std=1)
    eps = torch.randn_like(z_mean)

    # # TODO: Define the reparameterization computation!
    # # Note the equation is given in the text block immediately above.
    z = z_mean + torch.exp(z_logsigma) * eps

    return z

torch.manual_seed(1)
x = torch.rand(2, 3, 4, 4)
x_recon = torch.rand(2, 3, 4, 4, requires_grad=True)
mu = torch.randn(2, 5, requires_grad=True)
logsigma = torch.randn(2, 5, requires_grad=True)
l = vae_loss_function(x, x_recon, mu, logsigma)
print(l, l.shape)
z = sampling(mu, logsigma)
print(z.shape, z.grad_fn)
l.sum().backward()
print(mu.grad)
print(logsigma.grad)
print(x_recon.grad[0, 0])
# a learner reduces over the wrong dims
try:
    torch.mean(torch.abs(x - x_recon), dim=(1, 2, 3, 4))
except Exception as e:
    print(type(e).__name__, e)

# %%
### Defining the DB-VAE loss function ###

""" Loss function for DB-VAE.
# Arguments
    x: true input x
    x_pred: reconstructed x
    y: true label (face or not face)
    y_logit: predicted labels
    mu: mean of latent distribution (Q(z|X))
    logsigma: log of standard deviation of latent distribution (Q(z|X))
# Returns
    total_loss: DB-VAE total loss
    classification_loss = DB-VAE classification loss
"""

def debiasing_loss_function(x, x_pred, y, y_logit, mu, logsigma):
    # TODO: call the relevant function to obtain VAE loss
    vae_loss = vae_loss_function(x, x_pred, mu, logsigma)

    # TODO: define the classification loss using binary_cross_entropy
    # https://pytorch.org/docs/stable/generated/torch.nn.functional.binary_cross_entropy_with_logits.html
    classification_loss = F.binary_cross_entropy_with_logits(
        y_logit, y, reduction="none"
    )

    # Use the training data labels to create variable face_indicator:
    #   indicator that reflects which training data are images of faces
    y = y.float()
    face_indicator = (y == 1.0).float()

    # TODO: define the DB-VAE total loss! Use torch.mean to average over all
    # samples
    total_loss = torch.mean(classification_loss * face_indicator + vae_loss)

    return total_loss, classification_loss

y = torch.tensor([[1.0], [0.0]])
y_logit = torch.tensor([[0.3], [-1.2]], requires_grad=True)
total, cls = debiasing_loss_function(x, x_recon, y, y_logit, mu, logsigma)
print(total, cls)
print(total.shape, cls.shape)
# broadcasting hides the shape mistake: (2, 1) labels + (2,) VAE loss becomes (2, 2)
print((cls * (y == 1.0).float() + vae_loss_function(x, x_recon, mu, logsigma)).shape)
try:
    F.binary_cross_entropy_with_logits(y_logit, y.squeeze(), reduction="none")
except Exception as e:
    print(type(e).__name__, e)

# %%
### Define the decoder portion of the DB-VAE ###

n_filters = 4  # number of convolutional filters
latent_dim = 3  # number of latent variables

def make_face_decoder_network(latent_dim=3, n_filters=4):
    """
    Function builds a face-decoder network.

    Args:
        latent_dim (int): the dimension of the latent representation
        n_filters (int): base number of convolutional filters

    Returns:
        decoder_model (nn.Module): the decoder network
    """

    class FaceDecoder(nn.Module):
        def __init__(self, latent_dim, n_filters):
            super(FaceDecoder, self).__init__()

            self.latent_dim = latent_dim
            self.n_filters = n_filters

            # Linear (fully connected) layer to project from latent space
            # to a 1 x 1 feature map with (6*n_filters) channels
            self.linear = nn.Sequential(
                nn.Linear(latent_dim, 1 * 1 * 6 * n_filters), nn.ReLU()
            )

            # Convolutional upsampling (inverse of an encoder)
            self.deconv = nn.Sequential(
                # [B, 6n_filters, 1, 1] -> [B, 4n_filters, 2, 2]
                nn.ConvTranspose2d(
                    in_channels=6 * n_filters,
                    out_channels=4 * n_filters,
                    kernel_size=3,
                    stride=2,
                    padding=1,
                    output_padding=1,
                ),
                nn.ReLU(),
                # [B, 4n_filters, 2, 2] -> [B, 2n_filters, 4, 4]
                nn.ConvTranspose2d(
                    in_channels=4 * n_filters,
                    out_channels=2 * n_filters,
                    kernel_size=3,
                    stride=2,
                    padding=1,
                    output_padding=1,
                ),
                nn.ReLU(),
                # [B, 2n_filters, 4, 4] -> [B, n_filters, 8, 8]
                nn.ConvTranspose2d(
                    in_channels=2 * n_filters,
                    out_channels=n_filters,
                    kernel_size=5,
                    stride=2,
                    padding=2,
                    output_padding=1,
                ),
                nn.ReLU(),
                # [B, n_filters, 8, 8] -> [B, 3, 16, 16]
                nn.ConvTranspose2d(
                    in_channels=n_filters,
                    out_channels=3,
                    kernel_size=5,
                    stride=2,
                    padding=2,
                    output_padding=1,
                ),
            )

        def forward(self, z):
            """
            Forward pass of the decoder.

            Args:
                z (Tensor): Latent codes of shape [batch_size, latent_dim].

            Returns:
                Tensor of shape [batch_size, 3, 16, 16], representing
                the reconstructed images.
            """
            x = self.linear(z)  # [B, 1*1*6*n_filters]
            x = x.view(-1, 6 * self.n_filters, 1, 1)  # [B, 6n_filters, 1, 1]

            # Upsample through transposed convolutions
            x = self.deconv(x)  # [B, 3, 16, 16]
            return x

    return FaceDecoder(latent_dim, n_filters)

### Defining and creating the DB-VAE ###

class DB_VAE(nn.Module):
    def __init__(self, latent_dim):
        super(DB_VAE, self).__init__()
        self.latent_dim = latent_dim

        # Define the number of outputs for the encoder. Recall that we have
        # `latent_dim` latent variables, as well as a supervised output for the
        # classification.
        num_encoder_dims = 2 * self.latent_dim + 1

        self.encoder = make_standard_classifier(num_encoder_dims)
        self.decoder = make_face_decoder_network(latent_dim, n_filters)

    # function to feed images into encoder, encode the latent space, and output
    #   classification probability
    def encode(self, x):
        # encoder output
        encoder_output = self.encoder(x)

        # classification prediction
        y_logit = encoder_output[:, 0].unsqueeze(-1)
        # latent variable distribution parameters
        z_mean = encoder_output[:, 1 : self.latent_dim + 1]
        z_logsigma = encoder_output[:, self.latent_dim + 1 :]

        return y_logit, z_mean, z_logsigma

    # VAE reparameterization: given a mean and logsigma, sample latent variables
    def reparameterize(self, z_mean, z_logsigma):
        # TODO: call the sampling function defined above
        z = sampling(z_mean, z_logsigma)
        return z

    # Decode the latent space and output reconstruction
    def decode(self, z):
        # TODO: use the decoder (self.decoder) to output the reconstruction
        reconstruction = self.decoder(z)
        return reconstruction

    # The forward function will be used to pass inputs through the encoder and
    # decoder.
    def forward(self, x):
        # Encode input to a prediction and latent space
        y_logit, z_mean, z_logsigma = self.encode(x)

        # TODO: reparameterization
        z = self.reparameterize(z_mean, z_logsigma)

        # TODO: reconstruction
        recon = self.decode(z)

        return y_logit, z_mean, z_logsigma, recon

    # Predict face or not face logit for given input x
    def predict(self, x):
        y_logit, z_mean, z_logsigma = self.encode(x)
        return y_logit

torch.manual_seed(2)
dbvae = DB_VAE(latent_dim)
print(dbvae.decoder)
xb = torch.from_numpy(images[:4]).permute(0, 3, 1, 2)
y_logit, z_mean, z_logsigma, recon = dbvae(xb)
print(y_logit.shape, z_mean.shape, z_logsigma.shape, recon.shape)
print(y_logit.grad_fn, z_mean.grad_fn, xb.is_contiguous())

# %%
# Function to return the means for an input image batch

def get_latent_mu(images, dbvae, batch_size=8):
    dbvae.eval()
    all_z_mean = []

    # If images is NumPy, convert once outside the loop
    images_t = torch.from_numpy(images).float()

    with torch.inference_mode():
        for start in range(0, len(images_t), batch_size):
            end = start + batch_size
            batch = images_t[start:end]
            batch = batch.to(device).permute(0, 3, 1, 2)
            # Forward pass on this chunk only
            _, z_mean, _, _ = dbvae(batch)
            all_z_mean.append(z_mean.cpu())

    # Concatenate all partial z_mean
    z_mean_full = torch.cat(all_z_mean, dim=0)  # shape [N, latent_dim]
    mu = z_mean_full.numpy()  # convert to NumPy if needed
    return mu

### Resampling algorithm for DB-VAE ###

"""Function that recomputes the sampling probabilities for images within a batch
      based on how they distribute across the training data"""

def get_training_sample_probabilities(images, dbvae, bins=5, smoothing_fac=0.001):
    print("Recomputing the sampling probabilities")

    # TODO: run the input batch and get the latent variable means
    mu = get_latent_mu(images, dbvae)

    # sampling probabilities for the images
    training_sample_p = np.zeros(mu.shape[0], dtype=np.float64)

    # consider the distribution for each latent variable
    for i in range(latent_dim):
        latent_distribution = mu[:, i]
        # generate a histogram of the latent distribution
        hist_density, bin_edges = np.histogram(
            latent_distribution, density=True, bins=bins
        )

        # find which latent bin every data sample falls in
        bin_edges[0] = -float("inf")
        bin_edges[-1] = float("inf")

        # TODO: call the digitize function to find which bins in the latent distribution
        #    every data sample falls in to
        # https://numpy.org/doc/stable/reference/generated/numpy.digitize.html
        bin_idx = np.digitize(latent_distribution, bin_edges)

        # smooth the density function
        hist_smoothed_density = hist_density + smoothing_fac
        hist_smoothed_density = hist_smoothed_density / np.sum(hist_smoothed_density)

        # invert the density function
        p = 1.0 / (hist_smoothed_density[bin_idx - 1])

        # TODO: normalize all probabilities
        p = p / np.sum(p)

        # TODO: update sampling probabilities by considering whether the newly
        #     computed p is greater than the existing sampling probabilities.
        training_sample_p = np.maximum(training_sample_p, p)

    # final normalization
    training_sample_p /= np.sum(training_sample_p)

    return training_sample_p

mu_np = get_latent_mu(face_images, dbvae)
print(type(mu_np), mu_np.dtype, mu_np.shape)
p_faces = get_training_sample_probabilities(face_images, dbvae)
print(p_faces.shape, round(float(p_faces.sum()), 6))
print(np.round(p_faces, 3))

# %%
### Training the DB-VAE ###

# Hyperparameters
params = dict(
    batch_size=4,
    learning_rate=5e-4,
    latent_dim=3,
    num_epochs=1,  # DB-VAE needs slightly more epochs to train
)

torch.manual_seed(3)
np.random.seed(3)
dbvae = DB_VAE(params["latent_dim"]).to(device)
optimizer = torch.optim.Adam(dbvae.parameters(), lr=params["learning_rate"])

def debiasing_train_step(x, y):
    optimizer.zero_grad()

    y_logit, z_mean, z_logsigma, x_recon = dbvae(x)

    """TODO: call the DB_VAE loss function to compute the loss"""
    loss, class_loss = debiasing_loss_function(
        x, x_recon, y, y_logit, z_mean, z_logsigma
    )

    """TODO: use the GradientTape.gradient method to compute the gradients.
       Hint: this is with respect to the trainable_variables of the dbvae."""
    loss.backward()

    # apply gradients to variables
    optimizer.step()
    return loss

step = 0
history = []
for i in range(params["num_epochs"]):
    # Recompute data sampling proabilities
    p_faces = get_training_sample_probabilities(face_images, dbvae)
    dbvae.train()

    # get a batch of training data and compute the training step
    for j in range(3):
        idx_faces = np.random.choice(len(face_images), size=params["batch_size"] // 2, replace=False, p=p_faces)
        idx_not = np.random.choice(len(not_face_images), size=params["batch_size"] // 2, replace=False)
        x = np.concatenate([face_images[idx_faces], not_face_images[idx_not]])
        y = np.array([[1.0]] * 2 + [[0.0]] * 2, dtype=np.float32)
        x = torch.from_numpy(x).float().to(device)
        y = torch.from_numpy(y).float().to(device)
        x = x.permute(0, 3, 1, 2)
        loss = debiasing_train_step(x, y)
        history.append(loss.item())
        step += 1
print([round(h, 4) for h in history], step)
