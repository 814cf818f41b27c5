"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

The glyph is a newspaper page with a headline bar and text lines; the colour icon puts it in white on the
accent colour, the outline icon is white on transparent as Teams requires. Run: python3 make_icons.py
"""
import struct
import zlib

ACCENT = (31, 111, 178)
WHITE = (255, 255, 255)
INK = (31, 111, 178)
SUPERSAMPLE = 4


def png(path, width, height, pixels):
    """Writes RGBA pixels (rows of (r, g, b, a)) as a PNG file."""
    raw = b"".join(b"\x00" + b"".join(struct.pack("BBBB", *p) for p in row) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def inside_rounded(x, y, left, top, right, bottom, radius):
    if not (left <= x < right and top <= y < bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def render(size, shade):
    """Supersamples shade(u, v) -> (r, g, b, a) over the unit square and averages down to size x size."""
    n = size * SUPERSAMPLE
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    r, g, b, a = shade((x * SUPERSAMPLE + sx + 0.5) / n, (y * SUPERSAMPLE + sy + 0.5) / n)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            samples = SUPERSAMPLE * SUPERSAMPLE
            alpha = acc[3] / samples
            row.append(tuple(round(c / acc[3]) if acc[3] else 0 for c in acc[:3]) + (round(alpha),))
        rows.append(row)
    return rows


def page_lines(u, v):
    """Headline bar and three text lines on the page (unit coordinates)."""
    if inside_rounded(u, v, 0.32, 0.30, 0.68, 0.40, 0.02):
        return True
    return any(inside_rounded(u, v, 0.32, top, right, top + 0.045, 0.02)
               for top, right in ((0.47, 0.68), (0.56, 0.68), (0.65, 0.58)))


def color_icon(u, v):
    if not inside_rounded(u, v, 0.0, 0.0, 1.0, 1.0, 0.18):
        return (0, 0, 0, 0)
    if inside_rounded(u, v, 0.24, 0.20, 0.76, 0.80, 0.05):
        return INK + (255,) if page_lines(u, v) else WHITE + (255,)
    return ACCENT + (255,)


def outline_icon(u, v):
    outer = inside_rounded(u, v, 0.12, 0.06, 0.88, 0.94, 0.10)
    inner = inside_rounded(u, v, 0.21, 0.15, 0.79, 0.85, 0.05)
    lines = inside_rounded(u, v, 0.30, 0.26, 0.70, 0.40, 0.03) or any(
        inside_rounded(u, v, 0.30, top, right, top + 0.08, 0.03) for top, right in ((0.50, 0.70), (0.66, 0.58)))
    return WHITE + (255,) if (outer and not inner) or lines else (0, 0, 0, 0)


if __name__ == "__main__":
    png("color.png", 192, 192, render(192, color_icon))
    png("outline.png", 32, 32, render(32, outline_icon))
