/**
 * The charts of an explore batch for `regiosim report`: a design batch has hundreds or thousands
 * of points, so the per-point charts (one row or line per point) are replaced by the sensitivity
 * charts of the key metrics and, when `regiosim discover` has been run with its default --out, the
 * discovery charts, re-made from the options it recorded, and, when the experiment crosses policies
 * with futures and has directed outcomes, the robustness charts (reports/robustness/).
 */
import { existsSync } from 'node:fs';
import { readJsonFile } from '../../store/read.js';
import { join } from 'node:path';
import { hasDesign } from '../../scenarios/design-files.js';
import type { Chart } from '../charts/chart.js';
import { type DiscoverResult, discover } from './discover.js';
import { readExploreBatch } from './read.js';
import { analyseSensitivity } from './sensitivity.js';
import { discoverCharts, sensitivityCharts } from './write.js';
import { robustnessSection } from '../robustness/report.js';

/** The charts and notes of a design batch, or undefined when the folder holds no design. */
export function designReportCharts(
  batchDir: string,
  log: (m: string) => void = () => {},
): { charts: Chart[]; notes: string[] } | undefined {
  if (!hasDesign(batchDir)) return undefined;
  log('the batch samples a design: sensitivity charts instead of per-point charts');
  const data = readExploreBatch(batchDir);
  const sensitivity = analyseSensitivity(data);
  const charts = sensitivityCharts(sensitivity);
  const notes = [
    `This batch samples a design (${data.designLine}): instead of one chart row per point, the report shows the sensitivity of the key outcomes (${sensitivity.method === 'sobol' ? 'Sobol indices' : sensitivity.method === 'morris' ? 'Morris screening' : 'feature scores'}; regiosim sensitivity writes their tables).`,
  ];
  const saved = join(batchDir, 'discover', 'discover.json');
  if (existsSync(saved)) {
    const previous = readJsonFile(saved) as Pick<DiscoverResult, 'options'>;
    charts.push(...discoverCharts(discover(data, previous.options)));
    notes.push(
      `The scenario discovery charts repeat regiosim discover's last run on this folder ("${previous.options.where}").`,
    );
  } else notes.push('Run regiosim discover on the folder (default --out) to add scenario discovery charts here.');
  const robustness = robustnessSection(data);
  if (robustness) {
    log('the batch crosses policies with futures: robustness charts');
    charts.push(...robustness.charts);
    notes.push(...robustness.notes);
  }
  return { charts, notes };
}
