# Imitates the CLIP-from-scratch lessons (OpenAI's CLIP pseudo-code turned into PyTorch, "Simple CLIP" notebooks,
# open_clip's ClipLoss): two small encoders with projection heads, F.normalize, a learnable logit_scale initialised
# to log(1/0.07) and clamped, the symmetric cross-entropy over the similarity matrix, top-k retrieval accuracy,
# zero-shot classification with prompt embeddings, SigLIP's sigmoid loss with logit_bias, and a few AdamW steps.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# %%
class ProjectionHead(nn.Module):
    def __init__(self, embedding_dim, projection_dim=16, dropout=0.1):
        super().__init__()
        self.projection = nn.Linear(embedding_dim, projection_dim)
        self.gelu = nn.GELU()
        self.fc = nn.Linear(projection_dim, projection_dim)
        self.dropout = nn.Dropout(dropout)
        self.layer_norm = nn.LayerNorm(projection_dim)
    def forward(self, x):
        projected = self.projection(x)
        x = self.gelu(projected)
        x = self.fc(x)
        x = self.dropout(x)
        x = x + projected
        return self.layer_norm(x)

class CLIPModel(nn.Module):
    def __init__(self, image_dim=32, text_vocab=50, text_dim=24, proj_dim=16):
        super().__init__()
        self.image_encoder = nn.Sequential(nn.Linear(image_dim, 32), nn.ReLU())
        self.token_embedding = nn.Embedding(text_vocab, text_dim)
        self.image_projection = ProjectionHead(32, proj_dim)
        self.text_projection = ProjectionHead(text_dim, proj_dim)
        self.logit_scale = nn.Parameter(torch.ones([]) * np.log(1 / 0.07))
    def encode_image(self, images):
        return self.image_projection(self.image_encoder(images))
    def encode_text(self, tokens, mask):
        emb = self.token_embedding(tokens) * mask.unsqueeze(-1)
        return self.text_projection(emb.sum(1) / mask.sum(1, keepdim=True))
    def forward(self, images, tokens, mask):
        image_features = F.normalize(self.encode_image(images), dim=-1)
        text_features = F.normalize(self.encode_text(tokens, mask), dim=-1)
        logit_scale = self.logit_scale.exp()
        logits_per_image = logit_scale * image_features @ text_features.t()
        return logits_per_image, logits_per_image.t()

torch.manual_seed(0)
model = CLIPModel()
print(model.logit_scale, model.logit_scale.exp())
images = torch.randn(8, 32)
tokens = torch.randint(1, 50, (8, 6))
mask = (torch.arange(6)[None, :] < torch.randint(2, 7, (8, 1))).float()
logits_per_image, logits_per_text = model(images, tokens, mask)
print(logits_per_image.shape, logits_per_image[0, :4])
labels = torch.arange(len(images))
loss = (F.cross_entropy(logits_per_image, labels) + F.cross_entropy(logits_per_text, labels)) / 2
loss

# %%
def clip_loss_manual(image_embeddings, text_embeddings, temperature=1.0):
    logits = (text_embeddings @ image_embeddings.T) / temperature
    images_similarity = image_embeddings @ image_embeddings.T
    texts_similarity = text_embeddings @ text_embeddings.T
    targets = F.softmax((images_similarity + texts_similarity) / 2 * temperature, dim=-1)
    texts_loss = (-targets * nn.LogSoftmax(dim=-1)(logits)).sum(1)
    images_loss = (-targets.T * nn.LogSoftmax(dim=-1)(logits.T)).sum(1)
    loss = (images_loss + texts_loss) / 2.0
    return loss.mean()

ie = model.encode_image(images)
te = model.encode_text(tokens, mask)
print(clip_loss_manual(ie, te), clip_loss_manual(F.normalize(ie, dim=-1), F.normalize(te, dim=-1), 0.07))
sim = F.normalize(ie, dim=-1) @ F.normalize(te, dim=-1).T
for k in (1, 3, 5):
    topk = sim.topk(k, dim=1).indices
    print(k, (topk == labels[:, None]).any(1).float().mean().item())
sim.diagonal(), sim.argmax(0)

# %%
def siglip_loss(img, txt, t_prime, b):
    logits = img @ txt.T * t_prime.exp() + b
    n = img.shape[0]
    labels = 2 * torch.eye(n) - torch.ones(n, n)
    return -F.logsigmoid(labels * logits).sum() / n

t_prime = torch.tensor(math.log(10.0), requires_grad=True)
b = torch.tensor(-10.0, requires_grad=True)
sl = siglip_loss(F.normalize(ie, dim=-1), F.normalize(te, dim=-1), t_prime, b)
sl.backward()
print(sl, t_prime.grad, b.grad)
class_prompts = torch.randint(1, 50, (3, 6))
prompt_mask = torch.ones(3, 6)
with torch.no_grad():
    text_feat = F.normalize(model.encode_text(class_prompts, prompt_mask), dim=-1)
    img_feat = F.normalize(model.encode_image(images[:4]), dim=-1)
    probs = (100.0 * img_feat @ text_feat.T).softmax(dim=-1)
probs, probs.topk(2, dim=-1)

# %%
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.2, betas=(0.9, 0.98), eps=1e-6)
for step in range(5):
    model.train()
    logits_per_image, logits_per_text = model(images, tokens, mask)
    loss = (F.cross_entropy(logits_per_image, labels) + F.cross_entropy(logits_per_text, labels)) / 2
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        model.logit_scale.clamp_(0, math.log(100))
    acc = (logits_per_image.argmax(1) == labels).float().mean()
    print(step, f"{loss.item():.4f}", acc.item(), round(model.logit_scale.exp().item(), 4))
model.logit_scale.grad, model.image_projection.layer_norm.weight.grad[:3]
