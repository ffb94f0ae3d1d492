# Imitates CS231n assignment 3's Network_Visualization.ipynb (PyTorch): saliency maps from scores.gather(1, y.view(-1, 1))
# and X.grad.abs().max(dim=1), fooling images by normalised gradient ascent on the input through .data,
# class visualization with jitter via torch.roll, L2 regularisation, per-channel clamp_ and a numpy blur copied back;
# a tiny random convnet stands in for SqueezeNet, random images for ImageNet.
import random
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SQUEEZENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
SQUEEZENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2),
    nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(inplace=True),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 5))
# We don't want to train the model, so tell PyTorch not to compute gradients
# with respect to model parameters.
for param in model.parameters():
    param.requires_grad = False
print(model)

# %%
def compute_saliency_maps(X, y, model):
    # Make sure the model is in "test" mode
    model.eval()
    # Make input tensor require gradient
    X.requires_grad_()
    saliency = None
    scores = model(X)
    correct_scores = scores.gather(1, y.view(-1, 1)).squeeze()
    correct_scores.backward(torch.ones_like(correct_scores))
    saliency, _ = torch.max(X.grad.abs(), dim=1)
    return saliency

X = torch.randn(3, 3, 8, 8)
y = torch.LongTensor([0, 3, 4])
saliency = compute_saliency_maps(X, y, model)
print(saliency.shape, saliency.dtype, saliency.requires_grad)
print(saliency[0, :3, :3])
print(X.grad.abs().max(dim=1))
print(model(X).gather(1, y.view(-1, 1)))

# %%
# the forms students write instead
X2 = X.detach().clone().requires_grad_()
scores = model(X2)
scores[torch.arange(3), y].sum().backward()
print(torch.equal(X2.grad, X.grad))
print(X2.grad.abs().amax(dim=1)[1, 0])
print(scores.gather(1, y.unsqueeze(1)).squeeze(1).grad_fn)
try:
    scores.gather(1, y)
except Exception as e:
    print(type(e).__name__, e)
try:
    scores.gather(1, y.view(-1, 1).float())
except Exception as e:
    print(type(e).__name__, e)
try:
    model(X).gather(1, y.view(-1, 1)).squeeze().backward()
except Exception as e:
    print(type(e).__name__, e)

# %%
def make_fooling_image(X, target_y, model):
    # Initialize our fooling image to the input image, and make it require gradient
    X_fooling = X.clone()
    X_fooling = X_fooling.requires_grad_()
    learning_rate = 1
    for i in range(100):
        scores = model(X_fooling)
        _, idx = scores.max(1)
        if idx == target_y:
            break
        target_score = scores[0, target_y]
        target_score.backward()
        grad = X_fooling.grad.data
        X_fooling.data += learning_rate * (grad / grad.norm())
        X_fooling.grad.zero_()
    print('iterations:', i)
    return X_fooling

torch.manual_seed(1)
X_img = torch.randn(1, 3, 8, 8)
print('original class:', model(X_img).argmax(dim=1))
X_fooling = make_fooling_image(X_img, 2, model)
scores = model(X_fooling)
print('Model did not fool!' if 2 != scores.data.max(1)[1][0].item() else 'Model was fooled')
print('%.4f' % (X_fooling - X_img).abs().max().item())
print(X_fooling.requires_grad, X_fooling.is_leaf, X_fooling.grad_fn)
print((X_fooling.detach() - X_img).norm())

# %%
def jitter(X, ox, oy):
    if ox != 0:
        left = X[:, :, :, :-ox]
        right = X[:, :, :, -ox:]
        X = torch.cat([right, left], dim=3)
    if oy != 0:
        top = X[:, :, :-oy]
        bottom = X[:, :, -oy:]
        X = torch.cat([bottom, top], dim=2)
    return X

Z = torch.arange(2 * 3 * 3.).view(1, 2, 3, 3)
print(torch.equal(jitter(Z, 1, 2), torch.roll(Z, shifts=(2, 1), dims=(2, 3))))
print(torch.roll(Z, 1, 3)[0, 0])
print(torch.roll(Z, -1)[0, 0])
print(torch.roll(Z, shifts=(1, -1), dims=(-1, -2))[0, 1])
for bad in [lambda: torch.roll(Z, (1, 2), 3), lambda: torch.roll(Z, 1, 4), lambda: torch.roll(Z, (1,), ())]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
w = torch.ones(1, 2, 3, 3, requires_grad=True)
(torch.roll(w, 1, 2) * Z).sum().backward()
print(w.grad[0, 0], torch.roll(w, 1, 2).grad_fn)

# %%
def blur_image(X, sigma=1):
    X_np = X.cpu().clone().numpy()
    k = np.array([0.25, 0.5, 0.25], dtype=np.float32)
    X_np = np.apply_along_axis(lambda r: np.convolve(r, k, mode='same'), 2, X_np)
    X_np = np.apply_along_axis(lambda r: np.convolve(r, k, mode='same'), 3, X_np)
    X.copy_(torch.Tensor(X_np).type_as(X))
    return X

def create_class_visualization(target_y, model, dtype, **kwargs):
    model.type(dtype)
    l2_reg = kwargs.pop('l2_reg', 1e-3)
    learning_rate = kwargs.pop('learning_rate', 25)
    num_iterations = kwargs.pop('num_iterations', 6)
    blur_every = kwargs.pop('blur_every', 3)
    max_jitter = kwargs.pop('max_jitter', 2)
    # Randomly initialize the image as a PyTorch Tensor, and make it requires gradient.
    img = torch.randn(1, 3, 8, 8).mul_(1.0).type(dtype).requires_grad_()
    for t in range(num_iterations):
        # Randomly jitter the image a bit; this gives slightly nicer results
        ox, oy = random.randint(0, max_jitter), random.randint(0, max_jitter)
        img.data.copy_(jitter(img.data, ox, oy))
        scores = model(img)
        target_score = scores[0, target_y] - l2_reg * img.norm() ** 2
        target_score.backward()
        img.data += learning_rate * img.grad / img.grad.norm()
        img.grad.zero_()
        # Undo the random jitter
        img.data.copy_(torch.roll(img.data, shifts=(-oy, -ox), dims=(2, 3)))
        # As regularizer, clamp and periodically blur the image
        for c in range(3):
            lo = float(-SQUEEZENET_MEAN[c] / SQUEEZENET_STD[c])
            hi = float((1.0 - SQUEEZENET_MEAN[c]) / SQUEEZENET_STD[c])
            img.data[:, c].clamp_(min=lo, max=hi)
        if t % blur_every == 0:
            blur_image(img.data, sigma=0.5)
        print(t, ox, oy, '%.4f' % target_score.item())
    return img.data

random.seed(0)
torch.manual_seed(0)
dtype = torch.FloatTensor
out = create_class_visualization(3, model, dtype)
print(out.shape, out.dtype, out.requires_grad)
print(out.min() >= float(-SQUEEZENET_MEAN[0] / SQUEEZENET_STD[0]) - 1e-6, out[0, 1].max())
print(model[0].weight.dtype, model[0].weight.type())

# %%
def deprocess(img):
    img = img[0].permute(1, 2, 0) * torch.tensor(SQUEEZENET_STD) + torch.tensor(SQUEEZENET_MEAN)
    img = (img - img.min()) / (img.max() - img.min())
    return img.mul(255).clamp(0, 255).byte()

pic = deprocess(out)
print(pic.dtype, pic.shape, pic[0, 0], pic.float().mean().item() > 0)
print(torch.Tensor(np.zeros((2, 2), dtype=np.float64)).dtype, torch.Tensor(2, 3).shape)
print(torch.tensor(SQUEEZENET_MEAN).view(1, 3, 1, 1).expand(2, 3, 1, 1).stride())
