/** Number and text formatting for the HTML page (the charts format with d3 in vega). */
import { metricStyle } from '../metrics.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const grouped = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A value of a metric: shares as percentages, large numbers grouped, small ones to 3 significant digits. */
export function formatValue(metric: string, v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '–' : v > 0 ? '∞' : '−∞';
  if (metricStyle(metric).share) return `${(v * 100).toFixed(1)}%`;
  const a = Math.abs(v);
  if (a >= 100) return grouped(0).format(v);
  if (a >= 10) return grouped(1).format(v);
  return Number(v.toPrecision(3)).toString();
}

/** A difference: signed, in percentage points for shares. */
export function formatDifference(metric: string, v: number): string {
  if (!Number.isFinite(v)) return '–';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  if (metricStyle(metric).share) return `${sign}${Math.abs(v * 100).toFixed(1)} pp`;
  return `${sign}${formatValue(metric, Math.abs(v))}`;
}

/** "12.3%", and under it "(10.1% to 14.5%)": two lines keep table columns narrow. */
export function withInterval(value: string, low: string, high: string): string {
  return `${value}<br><span class="ci">(${low} to ${high})</span>`;
}
