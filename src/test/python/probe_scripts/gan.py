# A GAN-style pair: two networks, two optimizers, alternating steps.
import torch
import torch.nn as nn

torch.manual_seed(1)
netG = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 3))
netD = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
optG = torch.optim.Adam(netG.parameters(), lr=1e-3)
optD = torch.optim.SGD(netD.parameters(), lr=1e-2)
bce = nn.BCEWithLogitsLoss()
real = torch.randn(8, 3)
for _ in range(2):
    optD.zero_grad()
    fake = netG(torch.randn(8, 2)).detach()
    lossD = bce(netD(real), torch.ones(8, 1)) + bce(netD(fake), torch.zeros(8, 1))
    lossD.backward()
    optD.step()
    optG.zero_grad()
    lossG = bce(netD(netG(torch.randn(8, 2))), torch.ones(8, 1))
    lossG.backward()
    optG.step()
