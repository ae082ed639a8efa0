import time

import torch

w = torch.nn.Parameter(torch.zeros(3))
opt = torch.optim.SGD([w], lr=0.1)
while True:
    (w ** 2).sum().backward()
    opt.step()
    time.sleep(0.05)
