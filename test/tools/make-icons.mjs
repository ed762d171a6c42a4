// Draws the app icons as PNG files without any image library: `npm run icons`.
// The PNGs are committed; run this again only when the design changes.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BG = [11, 18, 32];
const BARS = [
  [21, 128, 61],
  [22, 163, 74],
  [74, 222, 128],
];
const LINE = [56, 189, 248];

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The glyph in unit coordinates: three rising bars and a price line above them.
function glyph(x, y) {
  const bars = [
    [0.14, 0.36, 0.62],
    [0.42, 0.64, 0.42],
    [0.7, 0.92, 0.2],
  ];
  for (const [i, [x0, x1, top]] of bars.entries())
    if (x >= x0 && x <= x1 && y >= top && y <= 0.92) return BARS[i];
  const points = [
    [0.08, 0.5],
    [0.36, 0.3],
    [0.6, 0.38],
    [0.94, 0.06],
  ];
  for (let i = 0; i < points.length - 1; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const t = Math.max(
      0,
      Math.min(
        1,
        ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
      ),
    );
    const d = Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
    if (d < 0.045) return LINE;
  }
  return null;
}

function icon(size, { inset, rounded }) {
  return png(size, (x, y) => {
    if (rounded) {
      const r = 0.18;
      const cx = Math.min(Math.max(x, r), 1 - r);
      const cy = Math.min(Math.max(y, r), 1 - r);
      if (Math.hypot(x - cx, y - cy) > r) return [0, 0, 0, 0];
    }
    const gx = (x - inset) / (1 - 2 * inset);
    const gy = (y - inset) / (1 - 2 * inset);
    const color = gx >= 0 && gx <= 1 && gy >= 0 && gy <= 1 ? glyph(gx, gy) : null;
    return [...(color ?? BG), 255];
  });
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', icon(192, { inset: 0.16, rounded: true }));
writeFileSync('public/icons/icon-512.png', icon(512, { inset: 0.16, rounded: true }));
// Maskable: full bleed, glyph inside the 80 % safe zone.
writeFileSync('public/icons/icon-maskable-512.png', icon(512, { inset: 0.24, rounded: false }));
writeFileSync('public/icons/apple-touch-icon.png', icon(180, { inset: 0.18, rounded: false }));
console.log('icons written to public/icons');
