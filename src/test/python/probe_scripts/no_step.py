import torch

print("this script only evaluates", torch.zeros(2).sum().item())
