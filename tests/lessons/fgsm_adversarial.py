# Imitates PyTorch's "Adversarial Example Generation" (FGSM) tutorial: a LeNet-like net in eval mode, the gradient of
# the loss w.r.t. the input image, sign, clamp, accuracy vs epsilon, and the adversarial examples kept for plotting.
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
epsilons = [0, .05, .1, .3]
torch.manual_seed(42)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("CUDA Available: ", torch.cuda.is_available())

class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, 1)
        self.conv2 = nn.Conv2d(4, 8, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(8 * 2 * 2, 16)
        self.fc2 = nn.Linear(16, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = F.relu(x)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.dropout2(x)
        x = self.fc2(x)
        output = F.log_softmax(x, dim=1)
        return output

model = Net().to(device)
model.eval()

# %%
images = torch.rand(12, 1, 8, 8)
labels = torch.randint(0, 10, (12,))
test_loader = [(images[i:i + 1], labels[i:i + 1]) for i in range(12)]
print(len(test_loader), test_loader[0][0].shape)

# %%
def fgsm_attack(image, epsilon, data_grad):
    sign_data_grad = data_grad.sign()
    perturbed_image = image + epsilon * sign_data_grad
    perturbed_image = torch.clamp(perturbed_image, 0, 1)
    return perturbed_image

def denorm(batch, mean=[0.1307], std=[0.3081]):
    if isinstance(mean, list):
        mean = torch.tensor(mean).to(device)
    if isinstance(std, list):
        std = torch.tensor(std).to(device)
    return batch * std.view(1, -1, 1, 1) + mean.view(1, -1, 1, 1)

# %%
def test(model, device, test_loader, epsilon):
    correct = 0
    adv_examples = []
    for data, target in test_loader:
        data, target = data.to(device), target.to(device)
        data.requires_grad = True
        output = model(data)
        init_pred = output.max(1, keepdim=True)[1]
        if init_pred.item() != target.item():
            continue
        loss = F.nll_loss(output, target)
        model.zero_grad()
        loss.backward()
        data_grad = data.grad.data
        data_denorm = denorm(data)
        perturbed_data = fgsm_attack(data_denorm, epsilon, data_grad)
        perturbed_data_normalized = (perturbed_data - 0.1307) / 0.3081
        output = model(perturbed_data_normalized)
        final_pred = output.max(1, keepdim=True)[1]
        if final_pred.item() == target.item():
            correct += 1
            if epsilon == 0 and len(adv_examples) < 5:
                adv_ex = perturbed_data.squeeze().detach().cpu().numpy()
                adv_examples.append((init_pred.item(), final_pred.item(), adv_ex))
        else:
            if len(adv_examples) < 5:
                adv_ex = perturbed_data.squeeze().detach().cpu().numpy()
                adv_examples.append((init_pred.item(), final_pred.item(), adv_ex))
    final_acc = correct / float(len(test_loader))
    print(f"Epsilon: {epsilon}\tTest Accuracy = {correct} / {len(test_loader)} = {final_acc}")
    return final_acc, adv_examples

# %%
# make the model predict the labels so that some examples are attacked
with torch.no_grad():
    preds = torch.stack([model(x).argmax(1) for x, _ in test_loader]).view(-1)
test_loader = [(x, preds[i:i + 1]) for i, (x, _) in enumerate(test_loader)]
accuracies = []
examples = []
for eps in epsilons:
    acc, ex = test(model, device, test_loader, eps)
    accuracies.append(acc)
    examples.append(ex)
print(accuracies)
print(len(examples[1]), type(examples[1][0][2]), examples[1][0][2].shape, examples[1][0][2].dtype)

# %%
x = images[:2].clone().requires_grad_(True)
out = model(x)
loss = F.nll_loss(out, preds[:2])
loss.backward()
print(x.grad.sign()[0, 0, :2])
print(x.grad.abs().max())
grad_norm = x.grad.view(2, -1).norm(p=2, dim=1)
print(grad_norm)

# %%
# iterative FGSM / PGD: delta with requires_grad, clamp_ of delta.data
delta = torch.zeros_like(images[:2], requires_grad=True)
alpha, eps = 0.01, 0.03
for t in range(3):
    loss = F.nll_loss(model(images[:2] + delta), preds[:2])
    loss.backward()
    delta.data = (delta + alpha * delta.grad.detach().sign()).clamp(-eps, eps)
    delta.grad.zero_()
    print(t, round(loss.item(), 5))
print(delta.abs().max(), delta.requires_grad, delta.grad.abs().sum() == 0)
