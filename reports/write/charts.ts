/**
 * Stage 5b: each chart as its Vega-Lite spec (.vl.json, for the Vega editor or a paper's
 * supplement), SVG and PNG. Every spec is checked against the official schema first, so a broken
 * spec stops the report with a readable message instead of an empty or wrong picture.
 */
import { makeDir } from '../../store/dirs.js';
import { join } from 'node:path';
import type { OutputFolder } from '../../store/output-folder.js';
import { writeAtomic } from '../../store/write.js';
import type { Chart } from '../charts/chart.js';
import { renderPng, renderSvg } from '../render/render.js';
import { assertValidSpec } from '../render/validate.js';

export interface WrittenChart extends Chart {
  files: { spec: string; svg: string; png: string };
}

/** Writes every chart's files atomically (a full disk never leaves a truncated PNG); with `folder`, dir is its sub-folder name. */
export async function writeCharts(
  charts: readonly Chart[],
  dir: string,
  log: (m: string) => void = () => {},
  folder?: OutputFolder,
): Promise<WrittenChart[]> {
  const at = (name: string) => (folder ? folder.path(`${dir}/${name}`) : join(dir, name));
  if (!folder) makeDir(dir);
  const written: WrittenChart[] = [];
  for (const chart of charts) {
    assertValidSpec(chart.name, chart.spec);
    const files = { spec: at(`${chart.name}.vl.json`), svg: at(`${chart.name}.svg`), png: at(`${chart.name}.png`) };
    writeAtomic(files.spec, `${JSON.stringify(chart.spec, null, 1)}\n`);
    const svg = await renderSvg(chart.spec);
    writeAtomic(files.svg, svg);
    writeAtomic(files.png, renderPng(svg));
    log(`  ${chart.name}: .vl.json, .svg, .png`);
    written.push({ ...chart, files });
  }
  return written;
}
