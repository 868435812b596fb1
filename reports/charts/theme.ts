/**
 * The look every chart shares: pinned font, Okabe–Ito colours paired with distinct dashes and
 * shapes (a line stays identifiable in greyscale and for every kind of colour blindness), a
 * sequential scheme with monotonic lightness for quantities (cividis/viridis), and a frame that
 * adds the title and the source line, because a chart that is copied out of the report must still
 * say where it comes from.
 */

/** A Vega-Lite spec as plain JSON; the official schema, not TypeScript, is its check (render/validate.ts). */
export type VlSpec = Record<string, unknown>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT = 'DejaVu Sans';

/** Okabe & Ito (2008), ordered so that neighbours differ most in lightness too; yellow last (weak on white). */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
export const DASHES = [[1, 0], [8, 3], [2, 2], [8, 3, 2, 3], [14, 4], [4, 6], [8, 3, 2, 3, 2, 3], [1, 4]];
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-left', 'triangle-right'];
export const QUANTITY_SCHEME = 'cividis';
export const SHARE_SCHEME = 'viridis';

/**
 * Colour, dash and shape scales for a nominal field with these values, in this order. `shown`
 * limits the legend to the values a chart has, while each value keeps the style of its position in
 * `domain`, so a scenario looks the same in every chart.
 */
export function categoryScales(domain: readonly string[], shown: readonly string[] = domain): { color: VlSpec; strokeDash: VlSpec; shape: VlSpec } {
  const kept = domain.map((v, i) => [v, i] as const).filter(([v]) => shown.includes(v));
  const pick = <T>(list: readonly T[]) => kept.map(([, i]) => list[i % list.length]);
  const values = kept.map(([v]) => v);
  return {
    color: { domain: values, range: pick(OKABE_ITO) },
    strokeDash: { domain: values, range: pick(DASHES) },
    shape: { domain: values, range: pick(SHAPES) },
  };
}

/** Colour + dash (+ shape) encodings of one nominal field, sharing one legend. */
export function categoryEncoding(
  field: string,
  title: string,
  domain: readonly string[],
  channels: Array<'color' | 'strokeDash' | 'shape'>,
  shown: readonly string[] = domain,
): VlSpec {
  const scales = categoryScales(domain, shown);
  const encoding: VlSpec = {};
  for (const c of channels) encoding[c] = { field, type: 'nominal', title, scale: scales[c], sort: scales[c].domain };
  return encoding;
}

/** Shared config: the pinned font everywhere, readable sizes, titles anchored left. */
export function chartConfig(): VlSpec {
  return {
    font: FONT,
    background: 'white',
    padding: 12,
    title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 12, subtitleColor: '#333333', offset: 10 },
    axis: { labelSeparation: 6, labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6', titleColor: '#222222', labelColor: '#222222' },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 600, titleLimit: 400, symbolStrokeWidth: 2 },
    header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 400 },
    line: { strokeWidth: 2 },
    concat: { spacing: 24 },
  };
}

/** Wraps a caption line at word boundaries, so a long source line does not widen the chart. */
export function wrap(line: string, width = 110): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}

export interface Frame {
  title: string;
  /** One or two lines under the title: what is shown and how to read it. */
  subtitle: string[];
  /** The source line(s). */
  caption: string[];
  /** The chart itself (any view: unit, layer, facet or concat), without $schema or config. */
  body: VlSpec;
  /** Named data sets shared by the views (top-level `datasets`). */
  datasets?: Record<string, unknown[]>;
}

/** The complete top-level spec: title, subtitle, the chart, then the source line under it. */
export function framed(frame: Frame): VlSpec {
  const lines = frame.caption.flatMap((line) => wrap(line));
  const caption: VlSpec = {
    data: { values: [{}] },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 10, color: '#333333', x: 0, y: 0, lineHeight: 14 },
    encoding: { text: { value: lines } },
    width: 10,
    height: 14 * lines.length,
    view: { stroke: null },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: frame.title, subtitle: frame.subtitle },
    config: chartConfig(),
    ...(frame.datasets ? { datasets: frame.datasets } : {}),
    vconcat: [frame.body, caption],
    spacing: 16,
    // Keep legends next to the chart: shared scales would lift them beside the whole frame, caption included.
    resolve: { scale: { color: 'independent', strokeDash: 'independent', shape: 'independent', fill: 'independent' } },
  };
}
