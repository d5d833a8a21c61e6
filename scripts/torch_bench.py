"""PyTorch-eager timing of the flowseg UNet, for `./flowseg bench --torch`.

usage: /usr/bin/python3 scripts/torch_bench.py CONFIG_JSON BATCH REPEATS THREADS
Prints one JSON line: {"parameters": n, "batch": b, "ms": [per-forward milliseconds...]}.
"""
import json
import sys
import time

import torch

from torch_unet import ConditionalUNet


def main():
    config = json.loads(sys.argv[1])
    batch, repeats, threads = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    net = ConditionalUNet(config).eval()
    r, c = config["resolution"], config["imageChannels"]
    x = torch.randn(batch, 1, r, r)
    image = torch.rand(batch, c, r, r)
    t = torch.full((batch,), 0.5)
    times = []
    with torch.no_grad():
        for _ in range(repeats):
            start = time.perf_counter()
            net(x, image, t)
            times.append((time.perf_counter() - start) * 1000.0)
    print(json.dumps({"parameters": sum(p.numel() for p in net.parameters()), "batch": batch, "ms": times,
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
