// Draws the app's PNG icons (public/icons/) from the same picture as app/icon.svg: a quadrant
// chart, two axes and two points. PNG by hand (zlib and a CRC), so no image library is needed.
// Run `node scripts/make-icons.mjs` after changing the picture; the PNGs are committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const NAVY = [0x1f, 0x2a, 0x44];
const WHITE = [0xff, 0xff, 0xff];
const ORANGE = [0xe6, 0x9f, 0x00];
const BLUE = [0x56, 0xb4, 0xe9];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * The picture at `size` pixels, in the SVG's 32-unit grid. `maskable`: the background fills the
 * square (the launcher cuts its own shape) and the drawing keeps to the middle 80%.
 */
function draw(size, { maskable = false } = {}) {
  const rgba = Buffer.alloc(size * size * 4);
  const scale = maskable ? 0.8 : 1;
  const unit = (size / 32) * scale;
  const offset = (size - 32 * unit) / 2;
  const radius = maskable ? 0 : 6 * unit;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      // Rounded square: outside its corners stays transparent.
      const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
      const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
      const inside = radius === 0 || Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius;
      if (!inside) continue;
      const u = (x + 0.5 - offset) / unit;
      const v = (y + 0.5 - offset) / unit;
      let colour = NAVY;
      if ((Math.abs(u - 16) <= 1 && v >= 6 && v <= 26) || (Math.abs(v - 16) <= 1 && u >= 6 && u <= 26)) colour = WHITE;
      if (Math.hypot(u - 10.5, v - 10.5) <= 3) colour = ORANGE;
      if (Math.hypot(u - 21.5, v - 21.5) <= 3) colour = BLUE;
      const index = (y * size + x) * 4;
      rgba[index] = colour[0];
      rgba[index + 1] = colour[1];
      rgba[index + 2] = colour[2];
      rgba[index + 3] = 0xff;
    }
  }
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const folder = new URL("../public/icons/", import.meta.url);
mkdirSync(folder, { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, folder), draw(size));
  writeFileSync(new URL(`icon-maskable-${size}.png`, folder), draw(size, { maskable: true }));
}
// Next's file convention for the home-screen icon of iOS (<link rel="apple-touch-icon">).
writeFileSync(new URL("../app/apple-icon.png", import.meta.url), draw(180, { maskable: true }));
