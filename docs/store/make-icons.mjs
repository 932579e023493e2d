#!/usr/bin/env node
// @ts-check
/**
 * Draws the extension's icons — a white shield with a keyhole on the product's dark blue — into
 * public/icons/<size>.png (WXT lists public/icons/<size>.png in the manifest by itself).
 * Plain Node: shapes as inside-tests, 8×8 supersampling, a minimal PNG encoder over zlib.
 *
 *   node docs/store/make-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const SAMPLES = 8;
const BLUE = [0x0e, 0x24, 0x38];
const WHITE = [0xff, 0xff, 0xff];

/** Rounded square filling the icon. @param {number} u @param {number} v */
function inTile(u, v) {
  const r = 0.2;
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
}

const TOP = 0.16;
const SHOULDER = 0.46;
const TIP = 0.88;
const HALF = 0.31;

/** The shield: straight sides with rounded top corners, then a curve into a point. @param {number} u @param {number} v */
function inShield(u, v) {
  const x = Math.abs(u - 0.5);
  if (v < TOP || v > TIP) return false;
  if (v <= SHOULDER) {
    const r = 0.07;
    if (x > HALF) return false;
    if (v < TOP + r && x > HALF - r) {
      const dx = x - (HALF - r);
      const dy = TOP + r - v;
      return dx * dx + dy * dy <= r * r;
    }
    return true;
  }
  const t = (v - SHOULDER) / (TIP - SHOULDER);
  return x <= HALF * Math.cos((t * Math.PI) / 2) ** 0.75;
}

/** The keyhole: a round head and a tapering slot. @param {number} u @param {number} v */
function inKeyhole(u, v) {
  const cx = 0.5;
  const cy = 0.43;
  const r = 0.085;
  if ((u - cx) ** 2 + (v - cy) ** 2 <= r * r) return true;
  const top = cy;
  const bottom = 0.66;
  if (v < top || v > bottom) return false;
  const half = 0.035 + ((v - top) / (bottom - top)) * 0.03;
  return Math.abs(u - cx) <= half;
}

/** @param {number} size @returns {Buffer} RGBA rows, each preceded by PNG filter byte 0 */
function draw(size) {
  const row = 1 + size * 4;
  const out = Buffer.alloc(row * size);
  for (let y = 0; y < size; y++) {
    out[y * row] = 0;
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = (x + (sx + 0.5) / SAMPLES) / size;
          const v = (y + (sy + 0.5) / SAMPLES) / size;
          if (!inTile(u, v)) continue;
          tile += 1;
          if (inShield(u, v) && !inKeyhole(u, v)) white += 1;
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = tile / n;
      // Colour of the covered part: blue mixed with white by the share of white samples.
      const w = tile ? white / tile : 0;
      const i = y * row + 1 + x * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round((BLUE[c] ?? 0) * (1 - w) + (WHITE[c] ?? 0) * w);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** @param {number} size */
function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(draw(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  writeFileSync(new URL(`${size}.png`, dir), png(size));
  console.log(`public/icons/${size}.png`);
}
