/**
 * Text widths from the DejaVu font files themselves, for vega's layout. Without a canvas package
 * vega guesses 0.8 em per character, which is about 45% too wide for DejaVu Sans: axis titles
 * then seem to stick out of the plot and push it down, legends move away and labels are cut short.
 * Reading the advance widths (cmap format 4 + hmtx) gives the widths resvg will draw, so the layout
 * fits the PNG; the browser measures with its canvas and gets the same widths when DejaVu is there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';

type TextItem = { fontSize?: number; fontWeight?: string | number; limit?: number };
/** vega-scenegraph's text measurer (exported by vega, not in its typings). */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;

/** Advance widths of one font file, in em. */
export class FontMetrics {
  private readonly cache = new Map<number, number>();
  private readonly view: DataView;
  private readonly unitsPerEm: number;
  private readonly advances: number[] = [];
  private readonly cmap: { ends: number; starts: number; deltas: number; ranges: number; segments: number };

  constructor(file: string) {
    const buf = readFileSync(file);
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const v = this.view;
    const tables = new Map<string, number>();
    for (let i = 0, n = v.getUint16(4); i < n; i++) {
      const at = 12 + 16 * i;
      tables.set(buf.toString('latin1', at, at + 4), v.getUint32(at + 8));
    }
    const table = (tag: string) => {
      const at = tables.get(tag);
      if (at === undefined) throw new Error(`${file}: no ${tag} table; not a TrueType font`);
      return at;
    };
    this.unitsPerEm = v.getUint16(table('head') + 18);
    const metrics = v.getUint16(table('hhea') + 34);
    const hmtx = table('hmtx');
    for (let g = 0; g < metrics; g++) this.advances.push(v.getUint16(hmtx + 4 * g));
    const cmap = table('cmap');
    let format4 = -1;
    for (let i = 0, n = v.getUint16(cmap + 2); i < n; i++) {
      const rec = cmap + 4 + 8 * i;
      const sub = cmap + v.getUint32(rec + 4);
      if (v.getUint16(rec) === 3 && v.getUint16(rec + 2) === 1 && v.getUint16(sub) === 4) format4 = sub;
    }
    if (format4 < 0) throw new Error(`${file}: no Unicode BMP (3,1 format 4) character map`);
    const segX2 = v.getUint16(format4 + 6);
    const ends = format4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    this.cmap = { ends, starts, deltas, ranges: deltas + segX2, segments: segX2 / 2 };
  }

  private glyph(code: number): number {
    const v = this.view;
    const c = this.cmap;
    for (let i = 0; i < c.segments; i++) {
      if (v.getUint16(c.ends + 2 * i) < code) continue;
      const start = v.getUint16(c.starts + 2 * i);
      if (start > code) return 0;
      const delta = v.getUint16(c.deltas + 2 * i);
      const rangeAt = c.ranges + 2 * i;
      const range = v.getUint16(rangeAt);
      if (range === 0) return (code + delta) & 0xffff;
      const g = v.getUint16(rangeAt + range + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  }

  /** Advance width of one character, in em. */
  advance(code: number): number {
    let w = this.cache.get(code);
    if (w === undefined) {
      const g = code > 0xffff ? 0 : this.glyph(code);
      w = this.advances[Math.min(g, this.advances.length - 1)] / this.unitsPerEm;
      this.cache.set(code, w);
    }
    return w;
  }

  /** Width of a string in em (no kerning). */
  width(text: string): number {
    let w = 0;
    for (const ch of text) w += this.advance(ch.codePointAt(0)!);
    return w;
  }
}

let installed: string | undefined;

/** Makes vega measure text with the DejaVu Sans files in `dir` (regular and bold). */
export function useFontMetrics(dir: string, regular: string, bold: string): void {
  if (installed === dir) return;
  const faces = { regular: new FontMetrics(join(dir, regular)), bold: new FontMetrics(join(dir, bold)) };
  textMetrics.width = (item: TextItem, text: unknown) => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const weight = item.fontWeight;
    const face = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600 ? faces.bold : faces.regular;
    const w = face.width(s) * size;
    // vega truncates to `limit` with an ellipsis; the drawn text is then at most that wide.
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
  installed = dir;
}
