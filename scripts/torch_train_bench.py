"""PyTorch-eager timing of one flowseg training step, for `./flowseg bench --train --torch`.

The same step as flowseg's trainer: a conditional flow-matching batch (x_t = t S + (1 - t) x0,
target S - x0, per-row condition dropout), forward, MSE, backward, AdamW (lr 1e-4, betas 0.9/0.95,
weight decay 0.01), then the EMA of the weights (decay 0.999), written the way PyTorch code does.

usage: /usr/bin/python3 scripts/torch_train_bench.py CONFIG_JSON BATCH STEPS THREADS
Prints one JSON line: {"parameters": n, "batch": b, "ms": [per-step milliseconds...]}.
"""
import json
import sys
import time

import torch

from torch_unet import ConditionalUNet


def main():
    config = json.loads(sys.argv[1])
    batch, steps, threads = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    net = ConditionalUNet(config).train()
    optimizer = torch.optim.AdamW(net.parameters(), lr=1e-4, betas=(0.9, 0.95), weight_decay=0.01)
    ema = [p.detach().clone() for p in net.parameters()]
    r, c = config["resolution"], config["imageChannels"]
    images = torch.rand(64, c, r, r)
    masks = torch.where(torch.rand(64, 1, r, r) > 0.7, 1.0, -1.0)
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        rows = torch.randint(0, 64, (batch,))
        s, image = masks[rows], images[rows]
        keep = (torch.rand(batch, 1, 1, 1) >= 0.5).float()
        x0 = torch.randn(batch, 1, r, r)
        t = torch.rand(batch)
        tb = t.view(-1, 1, 1, 1)
        loss = torch.nn.functional.mse_loss(net(tb * s + (1 - tb) * x0, image * keep, t), s - x0)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            for average, p in zip(ema, net.parameters()):
                average.lerp_(p, 1 - 0.999)
        loss.item()
        times.append((time.perf_counter() - start) * 1000.0)
    print(json.dumps({"parameters": sum(p.numel() for p in net.parameters()), "batch": batch, "ms": times,
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
