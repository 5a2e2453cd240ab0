#!/usr/bin/env python3
"""Draws the Downloads view's toolbar icons (16 x 16 and 32 x 32 @2x PNGs) from simple shapes, so that
they can be changed and drawn again: python3 releng/scripts/draw-icons.py bundles/dev.bgtransfer.ui/icons"""
import math
import struct
import sys
import zlib

SAMPLES = 4  # per pixel and axis: edges are anti-aliased


def inside_polygon(x, y, points):
    hit = False
    for i in range(len(points)):
        (x1, y1), (x2, y2) = points[i], points[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def polygon(points, color):
    return lambda x, y: color if inside_polygon(x, y, points) else None


def rectangle(x0, y0, x1, y1, color):
    return lambda x, y: color if x0 <= x <= x1 and y0 <= y <= y1 else None


def arc(cx, cy, inner, outer, start, end, color):
    """A ring between two radii, from angle start to end (degrees, counter-clockwise from east, y up)."""
    def shape(x, y):
        r = math.hypot(x - cx, y - cy)
        angle = math.degrees(math.atan2(cy - y, x - cx)) % 360
        within = start <= angle <= end if start <= end else angle >= start or angle <= end
        return color if inner <= r <= outer and within else None
    return shape


def draw(shapes, size):
    """Shapes in a 16-unit square, later ones over earlier ones; returns RGBA rows."""
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0.0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) * 16 / size
                    y = (py + (sy + 0.5) / SAMPLES) * 16 / size
                    color = None
                    for shape in shapes:
                        color = shape(x, y) or color
                    if color:
                        r += color[0]; g += color[1]; b += color[2]; a += 255
            n = SAMPLES * SAMPLES
            alpha = a / n
            row += bytes([int(r / (a / 255)) if a else 0, int(g / (a / 255)) if a else 0,
                          int(b / (a / 255)) if a else 0, int(alpha)])
        rows.append(bytes(row))
    return rows


def png(rows, size):
    raw = b"".join(b"\0" + row for row in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


BLUE = (40, 110, 190)
GREEN = (50, 150, 60)
RED = (200, 60, 50)
GRAY = (95, 105, 115)

ICONS = {
    # a blue arrow down into a tray, a green plus at its top right
    "add_download": [
        polygon([(5, 1.5), (8, 1.5), (8, 6.5), (10.5, 6.5), (6.5, 10.5), (2.5, 6.5), (5, 6.5)], BLUE),
        rectangle(1.5, 12, 12, 14.5, BLUE), rectangle(1.5, 9.5, 3, 14.5, BLUE), rectangle(10.5, 9.5, 12, 14.5, BLUE),
        rectangle(10, 2.5, 15.5, 4.5, GREEN), rectangle(11.75, 0.75, 13.75, 6.25, GREEN),
    ],
    # two green triangles: start (or resume) every transfer
    "start_all": [
        polygon([(2, 2.5), (9, 8), (2, 13.5)], GREEN),
        polygon([(8, 2.5), (15, 8), (8, 13.5)], GREEN),
    ],
    # a red square: stop every transfer
    "stop_all": [rectangle(3, 3, 13, 13, RED)],
    # a grey arrow turning back on itself: start over
    "reset": [
        arc(8, 8.5, 3.5, 6, 120, 20, GRAY),
        polygon([(0.5, 6.5), (6.5, 6.5), (3.5, 2)], GRAY),
    ],
    # the Downloads view's row: whether a transfer can resume. A ring that closes on itself (going on
    # from where it was) in green; the same ring broken and struck through in red; a grey open ring
    # with a dot for not known yet. Told apart by shape too, not by colour alone.
    "resumable_yes": [
        arc(8, 8, 4, 6.5, 110, 40, GREEN),
        polygon([(9.5, 1), (15, 4.5), (9.5, 8)], GREEN),
    ],
    "resumable_no": [
        arc(8, 8, 4, 6.5, 150, 30, RED),
        polygon([(2.5, 13), (12.5, 2), (14, 3.5), (4, 14.5)], RED),
    ],
    "resumable_unknown": [
        arc(8, 8, 4, 6.5, 150, 30, GRAY),
        rectangle(7, 6.5, 9, 8.5, GRAY),
    ],
}

if __name__ == "__main__":
    folder = sys.argv[1]
    for name, shapes in ICONS.items():
        for size, suffix in ((16, ""), (32, "@2x")):
            with open(f"{folder}/{name}{suffix}.png", "wb") as out:
                out.write(png(draw(shapes, size), size))
