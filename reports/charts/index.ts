/** Stage 3: every chart of the report, in page order. */
import type { ReportModel } from '../model.js';
import type { Chart, ChartBuilder } from './chart.js';
import { distributionCharts } from './distributions.js';
import { forestCharts } from './forest.js';
import { mapCharts } from './map.js';
import { overTimeCharts } from './over-time.js';
import { sizeCharts } from './size.js';
import { sweepCharts } from './sweep.js';

export type { Chart } from './chart.js';

const BUILDERS: ChartBuilder[] = [...overTimeCharts, ...distributionCharts, ...forestCharts, ...sweepCharts, ...sizeCharts, ...mapCharts];

export function buildCharts(model: ReportModel): Chart[] {
  return BUILDERS.flatMap((build) => build(model));
}
