#!/usr/bin/env python3
"""Draws Afterword's app icons (a page with lines of text and a check mark)
as PNG files, with no imaging library: the shapes are simple enough to
rasterise by hand. Run once after changing the design; the PNGs are committed."""
import os
import struct
import zlib

GREEN = (47, 93, 80)
PAPER = (250, 248, 242)
INK = (47, 93, 80)
ACCENT = (232, 163, 61)


def png(path, size, pixel):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel((x + 0.5) / size, (y + 0.5) / size))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def inside_round_rect(u, v, x0, y0, x1, y1, r):
    if not (x0 <= u <= x1 and y0 <= v <= y1):
        return False
    cx = min(max(u, x0 + r), x1 - r)
    cy = min(max(v, y0 + r), y1 - r)
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r


def near_segment(u, v, a, b, width):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (u - px) ** 2 + (v - py) ** 2 <= width * width


def artwork(u, v, scale):
    """The page drawing in a unit square, shrunk by `scale` around the centre."""
    u = (u - 0.5) / scale + 0.5
    v = (v - 0.5) / scale + 0.5
    if near_segment(u, v, (0.50, 0.66), (0.58, 0.74), 0.035) or near_segment(u, v, (0.58, 0.74), (0.74, 0.54), 0.035):
        return ACCENT
    if inside_round_rect(u, v, 0.24, 0.16, 0.76, 0.84, 0.05):
        for y in (0.30, 0.40, 0.50):
            if inside_round_rect(u, v, 0.32, y - 0.022, 0.68 if y < 0.5 else 0.52, y + 0.022, 0.02):
                return INK
        return PAPER
    return None


def icon(u, v, maskable):
    if maskable:
        colour = artwork(u, v, 0.78) or GREEN
        return bytes(colour) + b"\xff"
    if not inside_round_rect(u, v, 0.04, 0.04, 0.96, 0.96, 0.2):
        return b"\x00\x00\x00\x00"
    return bytes(artwork(u, v, 1.0) or GREEN) + b"\xff"


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "public", "icons")
    png(os.path.join(out, "icon-192.png"), 192, lambda u, v: icon(u, v, False))
    png(os.path.join(out, "icon-512.png"), 512, lambda u, v: icon(u, v, False))
    png(os.path.join(out, "maskable-512.png"), 512, lambda u, v: icon(u, v, True))


if __name__ == "__main__":
    main()
