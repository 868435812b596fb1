/**
 * Reader-facing names of outcomes in the findings: the report's label where it has one, otherwise
 * the model's own definition (sim/summary.ts), so no code name reaches the text.
 * @example outcomeLabel('memberShareMean') // 'members / municipalities in pool areas, mean over all months of the run'
 */
import { SUMMARY_METRICS } from '../../sim/summary.js';
import { metricStyle } from '../metrics.js';

export function outcomeLabel(metric: string): string {
  const style = metricStyle(metric);
  if (style.label !== metric) return style.label;
  const description = (SUMMARY_METRICS as Record<string, string>)[metric];
  return description ? description.replace(/ \(.*\)$/, '').replace(/, (EUR|months|units)$/, '') : metric;
}
