/**
 * Stage 5b: each chart as its Vega-Lite spec (.vl.json, for the Vega editor or a paper's
 * supplement), SVG and PNG. Every spec is checked against the official schema first, so a broken
 * spec stops the report with a readable message instead of an empty or wrong picture.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chart } from '../charts/chart.js';
import { renderPng, renderSvg } from '../render/render.js';
import { assertValidSpec } from '../render/validate.js';

export interface WrittenChart extends Chart {
  files: { spec: string; svg: string; png: string };
}

export async function writeCharts(charts: readonly Chart[], dir: string, log: (m: string) => void = () => {}): Promise<WrittenChart[]> {
  mkdirSync(dir, { recursive: true });
  const written: WrittenChart[] = [];
  for (const chart of charts) {
    assertValidSpec(chart.name, chart.spec);
    const files = { spec: join(dir, `${chart.name}.vl.json`), svg: join(dir, `${chart.name}.svg`), png: join(dir, `${chart.name}.png`) };
    writeFileSync(files.spec, `${JSON.stringify(chart.spec, null, 1)}\n`);
    const svg = await renderSvg(chart.spec);
    writeFileSync(files.svg, svg);
    writeFileSync(files.png, renderPng(svg));
    log(`  ${chart.name}: .vl.json, .svg, .png`);
    written.push({ ...chart, files });
  }
  return written;
}
