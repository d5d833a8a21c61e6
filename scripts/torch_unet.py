"""The flowseg velocity UNet in PyTorch, layer for layer the same network as
src/main/java/io/flowseg/model/ConditionalUNet.java (same config JSON, same parameter count).

Used for two things: the PyTorch-eager side of `./flowseg bench --torch` and the TorchScript
test fixture. Run with Debian's interpreter: /usr/bin/python3 (python3-torch).
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

TIME_SCALE = 1000.0
MAX_PERIOD = 10000.0


class ResidualBlock(nn.Module):
    def __init__(self, cin, cout, groups, emb, dropout=0.0):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.in_norm = nn.GroupNorm(groups, cin)
        self.in_conv = nn.Conv2d(cin, cout, 3, padding=1)
        self.embedding = nn.Linear(emb, 2 * cout)
        self.out_norm = nn.GroupNorm(groups, cout)
        self.out_conv = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()
        # Every block starts as the identity, as ResidualBlock.zeroInitialiseOutput does.
        nn.init.zeros_(self.out_conv.weight)
        nn.init.zeros_(self.out_conv.bias)

    def forward(self, x, emb):
        h = self.in_conv(F.silu(self.in_norm(x)))
        scale, shift = self.embedding(emb)[:, :, None, None].chunk(2, dim=1)
        h = self.out_norm(h) * (1 + scale) + shift
        h = self.out_conv(self.dropout(F.silu(h)))
        return self.skip(x) + h


class SelfAttention(nn.Module):
    def __init__(self, channels, heads, groups):
        super().__init__()
        self.heads = heads
        self.norm = nn.GroupNorm(groups, channels)
        self.qkv = nn.Conv2d(channels, 3 * channels, 1)
        self.projection = nn.Conv2d(channels, channels, 1)
        nn.init.zeros_(self.projection.weight)
        nn.init.zeros_(self.projection.bias)

    def forward(self, x):
        b, c, hh, ww = x.shape
        width = c // self.heads
        q, k, v = self.qkv(self.norm(x)).reshape(b * self.heads, 3 * width, hh * ww).split(width, dim=1)
        weights = torch.softmax(torch.bmm(q.transpose(1, 2), k) / math.sqrt(width), dim=-1)
        attended = torch.bmm(v, weights.transpose(1, 2)).reshape(b, c, hh, ww)
        return x + self.projection(attended)


class Stage(nn.Module):
    def __init__(self, residual=None, attention=None, resample=False):
        super().__init__()
        self.residual = residual
        self.attention = attention
        self.resample = resample

    def forward(self, h, emb):
        if self.residual is not None:
            h = self.residual(h, emb)
        if self.attention is not None:
            h = self.attention(h)
        return h


class ConditionalUNet(nn.Module):
    """forward(x_t [B,1,H,W], image [B,C,H,W], t [B][, d [B]]) -> velocity [B,1,H,W].

    With config["stepConditioned"] (a shortcut model) the step size d gets an MLP of its own whose
    zero-initialised output joins the time embedding before its SiLU, as in ConditionalUNet.java.
    """

    def __init__(self, config):
        super().__init__()
        base = config["baseChannels"]
        mults = config["channelMultipliers"]
        groups = config["normGroups"]
        heads = config["attentionHeads"]
        attn = set(config["attentionResolutions"])
        nres = config["residualBlocksPerLevel"]
        emb = 4 * base
        self.time_features = base
        size = config["resolution"]
        dropout = config.get("dropout", 0.0)

        def stage(cin, cout, size, resample=False):
            return Stage(ResidualBlock(cin, cout, groups, emb, dropout),
                         SelfAttention(cout, heads, groups) if size in attn else None, resample)

        ch = base
        self.input_conv = nn.Conv2d(1 + config["imageChannels"], ch, 3, padding=1)
        self.time_hidden = nn.Linear(base, emb)
        self.time_output = nn.Linear(emb, emb)
        skips = [ch]
        self.down = nn.ModuleList()
        for level, mult in enumerate(mults):
            for _ in range(nres):
                self.down.append(stage(ch, mult * base, size))
                ch = mult * base
                skips.append(ch)
            if level < len(mults) - 1:
                self.down.append(Stage(resample=True))
                size //= 2
                skips.append(ch)
        middle = [Stage(ResidualBlock(ch, ch, groups, emb, dropout))]
        if config["middleAttention"]:
            middle.append(Stage(attention=SelfAttention(ch, heads, groups)))
        middle.append(Stage(ResidualBlock(ch, ch, groups, emb, dropout)))
        self.middle = nn.ModuleList(middle)
        self.up = nn.ModuleList()
        for level in reversed(range(len(mults))):
            for block in range(nres + 1):
                cout = mults[level] * base
                self.up.append(stage(ch + skips.pop(), cout, size, level > 0 and block == nres))
                ch = cout
            if level > 0:
                size *= 2
        self.output_norm = nn.GroupNorm(groups, ch)
        self.output_conv = nn.Conv2d(ch, 1, 3, padding=1)
        nn.init.zeros_(self.output_conv.weight)
        nn.init.zeros_(self.output_conv.bias)
        self.step_conditioned = bool(config.get("stepConditioned", False))
        if self.step_conditioned:
            self.step_hidden = nn.Linear(base, emb)
            self.step_output = nn.Linear(emb, emb)
            nn.init.zeros_(self.step_output.weight)
            nn.init.zeros_(self.step_output.bias)

    def sinusoidal(self, t):
        half = self.time_features // 2
        freqs = torch.exp(torch.arange(half, dtype=torch.float32, device=t.device) * (-math.log(MAX_PERIOD) / half))
        angles = (t * TIME_SCALE).reshape(-1, 1) * freqs.reshape(1, half)
        return torch.cat([torch.cos(angles), torch.sin(angles)], dim=1)

    def forward(self, x_t, image, t, d=None):
        pre = self.time_output(F.silu(self.time_hidden(self.sinusoidal(t))))
        if self.step_conditioned:
            d = torch.zeros_like(t) if d is None else d
            pre = pre + self.step_output(F.silu(self.step_hidden(self.sinusoidal(d))))
        emb = F.silu(pre)
        h = self.input_conv(torch.cat([x_t, image], dim=1))
        skips = [h]
        for s in self.down:
            h = F.avg_pool2d(h, 2) if s.resample else s(h, emb)
            skips.append(h)
        for s in self.middle:
            h = s(h, emb)
        for s in self.up:
            h = s(torch.cat([h, skips.pop()], dim=1), emb)
            if s.resample:
                h = F.interpolate(h, scale_factor=2.0, mode="nearest")
        return self.output_conv(F.silu(self.output_norm(h)))
