/**
 * Draws the app's two icons (run `npm run icons`; the PNGs are committed): a sync symbol, two arrows chasing each
 * other round a ring, on the accent colour (color.png, 192x192) and white on transparent (outline.png, 32x32).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Rgba = [number, number, number, number];
const ACCENT: Rgba = [0x0f, 0x6c, 0xbd, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Coverage of one pixel by the symbol, 0..1, by 4x4 supersampling (anti-aliased edges). */
function coverage(x: number, y: number, size: number, ringWidth: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const px = (x + (sx + 0.5) / 4) / size - 0.5;
      const py = (y + (sy + 0.5) / 4) / size - 0.5;
      if (inSymbol(px, py, ringWidth)) hits += 1;
    }
  }
  return hits / 16;
}

/** The symbol in unit coordinates centred on 0: a ring with two gaps, each closed by an arrowhead. */
function inSymbol(x: number, y: number, ringWidth: number): boolean {
  const radius = 0.3;
  const r = Math.hypot(x, y);
  const angle = (Math.atan2(y, x) * 180) / Math.PI; // -180..180, 0 = right, 90 = down
  const inGap = (a: number): boolean => (a > -20 && a < 25) || a > 160 || a < -155;
  if (Math.abs(r - radius) <= ringWidth / 2 && !inGap(angle)) return true;
  // Arrowheads at the ends of the two arcs, pointing along the direction of travel (clockwise).
  return inTriangle(x, y, [radius, -0.02], 0.13, 1) || inTriangle(x, y, [-radius, 0.02], 0.13, -1);
}

/** An arrowhead centred on `at`, pointing down (dir 1) or up (dir -1). */
function inTriangle(x: number, y: number, at: [number, number], size: number, dir: 1 | -1): boolean {
  const dy = (y - at[1]) * dir; // along the point
  const dx = Math.abs(x - at[0]);
  return dy >= -size / 2 && dy <= size / 2 && dx <= (size / 2 - dy) * 0.9;
}

function draw(size: number, background: Rgba, ringWidth: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size, ringWidth);
      const i = (y * size + x) * 4;
      // Blend white over the background; on a clear background, white with alpha = coverage.
      const out: Rgba =
        background[3] === 0
          ? [WHITE[0], WHITE[1], WHITE[2], Math.round(255 * c)]
          : ([0, 1, 2].map((k) => Math.round((background[k] ?? 0) * (1 - c) + 255 * c)).concat(255) as Rgba);
      png.data[i] = c === 0 && background[3] === 0 ? 0 : out[0];
      png.data[i + 1] = c === 0 && background[3] === 0 ? 0 : out[1];
      png.data[i + 2] = c === 0 && background[3] === 0 ? 0 : out[2];
      png.data[i + 3] = out[3];
    }
  }
  return PNG.sync.write(png);
}

const dir = path.resolve(__dirname, '../manifest');
writeFileSync(path.join(dir, 'color.png'), draw(192, ACCENT, 0.09));
writeFileSync(path.join(dir, 'outline.png'), draw(32, CLEAR, 0.11));
console.log(`icons written to ${dir}`);
