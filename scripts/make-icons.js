#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-<size>.png) at the sizes Office asks for: 16, 32 and 80 px for
 * the ribbon, 32 and 64 px for the add-in's icon (IconUrl, HighResolutionIconUrl), 128 px for the
 * store listing. The mark: three rising white bars on a rounded green square, a budget at a glance.
 *
 * No image library: each pixel is supersampled (4×4) from a few shapes, and the PNG is written by
 * hand (signature, IHDR, one zlib-deflated IDAT of RGBA rows, IEND, each chunk with its CRC-32).
 * Deterministic: the same script makes byte-identical files, so the committed icons can be checked.
 *
 *   node scripts/make-icons.js            writes assets/icon-*.png
 *   node scripts/make-icons.js --check    exits 1 when a committed icon differs from what it draws
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT = path.resolve(__dirname, '..', 'assets');

const GREEN = [16, 124, 65]; // #107C41, Excel's green
const WHITE = [255, 255, 255];

/** Coverage of the shapes at a point in unit coordinates (0..1 across the icon). */
function background(x, y) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

const BARS = [
  { left: 0.2, right: 0.36, top: 0.55 },
  { left: 0.42, right: 0.58, top: 0.38 },
  { left: 0.64, right: 0.8, top: 0.2 },
];
const BASE = 0.8;

function bar(x, y) {
  return BARS.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= BASE);
}

function pixels(size) {
  const n = 4; // supersampling per axis
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!background(x, y)) continue;
          if (bar(x, y)) fg++;
          else bg++;
        }
      }
      const total = n * n;
      const alpha = (bg + fg) / total;
      const i = (py * size + px) * 4;
      if (alpha === 0) continue;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((GREEN[c] * bg + WHITE[c] * fg) / (bg + fg));
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG of RGBA pixels (8 bits per channel, no filtering). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icons() {
  return SIZES.map((size) => ({ file: path.join(OUT, `icon-${size}.png`), png: encodePng(size, pixels(size)) }));
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  if (!check) fs.mkdirSync(OUT, { recursive: true });
  for (const { file, png } of icons()) {
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) {
        console.error(`${path.relative(process.cwd(), file)} differs from what scripts/make-icons.js draws`);
        stale++;
      }
    } else {
      fs.writeFileSync(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

module.exports = { SIZES, icons, encodePng, crc32 };
