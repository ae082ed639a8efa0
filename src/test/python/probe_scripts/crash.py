import torch

w = torch.nn.Parameter(torch.zeros(3))
opt = torch.optim.SGD([w], lr=0.1)
(w.sum() * 2).backward()
opt.step()
raise ValueError("bad batch shape 7")
