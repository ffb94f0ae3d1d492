# Imitates MIT 6.S191 (Introduction to Deep Learning) Lab 3 "Reinforcement Learning" (Cartpole with policy
# gradients), written in PyTorch as the course's PyTorch labs write it: a Sequential policy network, choose_action
# with torch.multinomial over softmax(logits) (single observation and batched), the Memory class with
# aggregate_memories, normalize and discount_rewards in numpy, compute_loss with cross entropy (reduction="none")
# weighted by the discounted rewards, train_step, and a short training loop. A tiny numpy Cartpole stands in for gym.
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np

# %%
class TinyCartPole:
    """A few lines of Cartpole dynamics (gym's equations) so that no gym download is needed."""
    def __init__(self, seed=0):
        self.rng = np.random.RandomState(seed)
        self.observation_space_shape = (4,)
        self.n = 2
    def reset(self):
        self.state = self.rng.uniform(-0.05, 0.05, size=(4,))
        return self.state.copy()
    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = 10.0 if action == 1 else -10.0
        costheta, sintheta = np.cos(theta), np.sin(theta)
        temp = (force + 0.05 * theta_dot ** 2 * sintheta) / 1.1
        thetaacc = (9.8 * sintheta - costheta * temp) / (0.5 * (4.0 / 3.0 - 0.1 * costheta ** 2 / 1.1))
        xacc = temp - 0.05 * thetaacc * costheta / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * xacc
        theta, theta_dot = theta + 0.02 * theta_dot, theta_dot + 0.02 * thetaacc
        self.state = np.array([x, x_dot, theta, theta_dot])
        done = bool(abs(x) > 2.4 or abs(theta) > 12 * 2 * np.pi / 360)
        return self.state.copy(), 1.0, done, {}

env = TinyCartPole(seed=1)
n_observations = env.observation_space_shape
print("Environment has observation space =", n_observations)
n_actions = env.n
print("Number of possible actions that the agent can choose from =", n_actions)

# %%
### Define the Cartpole agent ###

# Defines a feed-forward neural network
def create_cartpole_model():
    model = nn.Sequential(
        # First Dense layer
        nn.Linear(4, 32),
        nn.ReLU(),
        # TODO: Define the last Dense layer, which will provide the network's output.
        # Think about the space the agent needs to act in!
        nn.Linear(32, n_actions),
    )
    return model

torch.manual_seed(0)
cartpole_model = create_cartpole_model()
print(cartpole_model)

# %%
### Define the agent's action function ###

# Function that takes observations as input, executes a forward pass through model,
#   and outputs a sampled action.
# Arguments:
#   model: the network that defines our agent
#   observation: observation(s) which is/are fed as input to the model
#   single: flag as to whether we are handling a single observation or batch of
#     observations, provided as an np.array
# Returns:
#   action: choice of agent action
def choose_action(model, observation, single=True):
    # add batch dimension to the observation if only a single example was provided
    observation = np.expand_dims(observation, axis=0) if single else observation
    observation = torch.from_numpy(observation).float()

    '''TODO: feed the observations through the model to predict the log probabilities of each possible action.'''
    logits = model(observation)

    '''TODO: Choose an action from the categorical distribution defined by the log
       probabilities of each possible action.'''
    action = torch.multinomial(F.softmax(logits, dim=-1), num_samples=1)

    action = action.flatten().numpy()

    return action[0] if single else action

obs = env.reset()
print(obs.dtype, obs.shape)
torch.manual_seed(1)
a = choose_action(cartpole_model, obs)
print(a, type(a))
batch = np.stack([env.reset() for _ in range(5)])
print(choose_action(cartpole_model, batch, single=False))
# the learner forgets .float(): float64 observations into a float32 Linear layer
try:
    cartpole_model(torch.from_numpy(batch))
except Exception as e:
    print(type(e).__name__, e)
# multinomial wants probabilities, not logits
try:
    torch.multinomial(cartpole_model(torch.from_numpy(batch).float()), 1)
except Exception as e:
    print(type(e).__name__, e)

# %%
### Agent Memory ###

class Memory:
    def __init__(self):
        self.clear()

    # Resets/restarts the memory buffer
    def clear(self):
        self.observations = []
        self.actions = []
        self.rewards = []

    # Add observations, actions, rewards to memory
    def add_to_memory(self, new_observation, new_action, new_reward):
        self.observations.append(new_observation)

        '''TODO: update the list of actions with new action'''
        self.actions.append(new_action)

        '''TODO: update the list of rewards with new reward'''
        self.rewards.append(new_reward)

    def __len__(self):
        return len(self.actions)

# Helper function to combine a list of Memory objects into a single Memory.
#     This will be very useful for batching.
def aggregate_memories(memories):
    batch_memory = Memory()

    for memory in memories:
        for step in zip(memory.observations, memory.actions, memory.rewards):
            batch_memory.add_to_memory(*step)

    return batch_memory

# Instantiate a single Memory buffer
memory = Memory()

# %%
### Reward function ###

# Helper function that normalizes an np.array x
def normalize(x):
    x -= np.mean(x)
    x /= np.std(x)
    return x.astype(np.float32)

# Compute normalized, discounted, cumulative rewards (i.e., return)
# Arguments:
#   rewards: reward at timesteps in episode
#   gamma: discounting factor
# Returns:
#   normalized discounted reward
def discount_rewards(rewards, gamma=0.95):
    discounted_rewards = np.zeros_like(rewards)
    R = 0
    for t in reversed(range(0, len(rewards))):
        # update the total discounted reward
        R = R * gamma + rewards[t]
        discounted_rewards[t] = R

    return normalize(discounted_rewards)

print(discount_rewards(np.array([1.0, 1.0, 1.0, 0.0])))
# memory.rewards is a list of Python floats: np.zeros_like gives a float64 array
print(discount_rewards([1.0, 1.0, 0.0]).dtype)

# %%
### Loss function ###

# Arguments:
#   logits: network's predictions for actions to take
#   actions: the actions the agent took in an episode
#   rewards: the rewards the agent received in an episode
# Returns:
#   loss
def compute_loss(logits, actions, rewards):
    '''TODO: complete the function call to compute the negative log probabilities'''
    neg_logprob = F.cross_entropy(logits, actions, reduction="none")

    '''TODO: scale the negative log probability by the rewards'''
    loss = torch.mean(neg_logprob * rewards)
    return loss

torch.manual_seed(2)
logits = torch.randn(4, 2, requires_grad=True)
actions = torch.tensor([0, 1, 1, 0])
rewards = torch.tensor(discount_rewards(np.array([1.0, 1.0, 1.0, 1.0])))
loss = compute_loss(logits, actions, rewards)
print(loss)
loss.backward()
print(logits.grad)
# actions stored as a float array by np.array(memory.actions, dtype=float)
try:
    compute_loss(logits, actions.float(), rewards)
except Exception as e:
    print(type(e).__name__, e)
# rewards kept as float64 numpy -> tensor: the product is promoted
r64 = torch.from_numpy(np.array([0.5, -0.5, 1.0, -1.0]))
print(compute_loss(logits, actions, r64))
# same with log_softmax + gather as some solutions write it
logp = F.log_softmax(logits, dim=-1).gather(1, actions.unsqueeze(1)).squeeze(1)
print(torch.allclose(-logp, F.cross_entropy(logits, actions, reduction="none")))
print(torch.distributions.Categorical(logits=logits).log_prob(actions))

# %%
### Training step (forward and backpropagation) ###

def train_step(model, loss_function, optimizer, observations, actions, discounted_rewards, custom_fwd_fn=None):
    optimizer.zero_grad()
    observations = torch.from_numpy(np.array(observations)).float()
    actions = torch.from_numpy(np.array(actions)).long()
    discounted_rewards = torch.from_numpy(np.array(discounted_rewards)).float()

    # Forward propagate through the agent network
    if custom_fwd_fn is not None:
        prediction = custom_fwd_fn(observations)
    else:
        prediction = model(observations)

    '''TODO: call the compute_loss function to compute the loss'''
    loss = loss_function(prediction, actions, discounted_rewards)

    '''TODO: run backpropagation to minimize the loss using the backward method'''
    loss.backward()
    optimizer.step()
    return loss.item()

# %%
## Training parameters ##
## Re-run this cell to restart training from scratch ##

# TODO: Learning rate and optimizer
learning_rate = 1e-3
torch.manual_seed(3)
cartpole_model = create_cartpole_model()
optimizer = torch.optim.Adam(cartpole_model.parameters(), lr=learning_rate)

# to track our progress
episode_lengths = []
losses = []

env = TinyCartPole(seed=4)
for i_episode in range(4):
    # Restart the environment
    observation = env.reset()
    memory.clear()

    while True:
        # using our observation, choose an action and take it in the environment
        action = choose_action(cartpole_model, observation)
        next_observation, reward, done, info = env.step(action)
        # add to memory
        memory.add_to_memory(observation, action, reward)

        # is the episode over? did you crash or do so well that you're done?
        if done or len(memory) >= 30:
            # determine total reward and keep a record of this
            total_reward = sum(memory.rewards)
            episode_lengths.append(total_reward)

            # initiate training - remember we don't know anything about how the
            #   agent is doing until it has crashed!
            g = train_step(cartpole_model, compute_loss, optimizer,
                           observations=np.vstack(memory.observations),
                           actions=np.array(memory.actions),
                           discounted_rewards=discount_rewards(memory.rewards))
            losses.append(round(g, 4))
            # reset the memory
            memory.clear()
            break
        # update our observatons
        observation = next_observation
print(episode_lengths)
print(losses)
print(type(action), action.dtype)

# %%
batched = aggregate_memories([Memory(), memory])
print(len(batched))
m1 = Memory()
for t in range(3):
    m1.add_to_memory(np.full(4, float(t)), t % 2, 1.0)
batched = aggregate_memories([m1, m1])
print(len(batched), np.vstack(batched.observations).shape, batched.actions)
with torch.no_grad():
    probs = F.softmax(cartpole_model(torch.from_numpy(np.vstack(batched.observations)).float()), dim=-1)
print(probs.sum(dim=1))
torch.manual_seed(5)
print(torch.multinomial(probs, num_samples=3, replacement=True))
try:
    torch.multinomial(probs, num_samples=3)
except Exception as e:
    print(type(e).__name__, e)
