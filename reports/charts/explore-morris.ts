/**
 * Morris screening (μ*–σ plot) of one outcome: each factor at its mean absolute elementary effect
 * μ* (how much the outcome moves when the factor crosses its range, on average) against σ, the
 * spread of its effects (non-linearity or interactions). Factors near the origin hardly matter;
 * factors above the dashed σ = μ* line act mostly through interactions or non-linearly. One panel
 * per scenario × policy.
 */
import { factorInfo, factorTitle } from '../labels.js';
import type { GroupAnalysis, SensitivityResult } from '../explore/sensitivity.js';
import { metricStyle } from '../metrics.js';
import type { Chart } from './chart.js';
import { placeLabels } from './explore-labels.js';
import { categoryEncoding, framed, type VlSpec } from './theme.js';

const ROLE_LABELS = { uncertainty: 'uncertainty (X)', lever: 'lever (L)' } as const;

/** The Morris chart of one metric (none when no group has effects). */
export function morrisChart(result: SensitivityResult, metric: string): Chart | undefined {
  const analyses = result.analyses.filter(
    (a): a is GroupAnalysis & { morris: NonNullable<GroupAnalysis['morris']> } =>
      a.metric === metric && a.morris !== undefined,
  );
  if (analyses.length === 0) return undefined;
  const style = metricStyle(metric);
  const scale = style.share ? 100 : 1;
  const unit = style.share ? 'percentage points' : style.unit;
  const roleOf = new Map(result.design.factors.map((f) => [f.name, ROLE_LABELS[f.role ?? 'uncertainty']]));
  const roles = [
    ...new Set(analyses.flatMap((a) => a.morris.map((f) => roleOf.get(f.name) ?? ROLE_LABELS.uncertainty))),
  ];
  const colour = categoryEncoding('role', 'Factor', Object.values(ROLE_LABELS), ['color', 'shape'], roles);
  for (const c of Object.values(colour)) (c as VlSpec).legend = roles.length === 1 ? null : { symbolOpacity: 1 };
  const fmt = style.share ? '.1f' : style.format;
  const width = 420;
  const height = 300;
  const panel = (a: (typeof analyses)[number]): VlSpec => {
    const finite = a.morris.filter((f) => Number.isFinite(f.muStar)).sort((p, q) => p.rank - q.rank);
    const rows = finite.map((f) => ({
      factor: factorInfo(f.name).label,
      factorTitle: factorTitle(f.name),
      role: roleOf.get(f.name) ?? ROLE_LABELS.uncertainty,
      muStar: f.muStar * scale,
      sigma: (Number.isFinite(f.sigma) ? f.sigma : 0) * scale,
      mu: f.mu * scale,
      low: (Number.isFinite(f.muStarLow) ? Math.max(0, f.muStarLow) : f.muStar) * scale,
      high: (Number.isFinite(f.muStarHigh) ? f.muStarHigh : f.muStar) * scale,
      effects: f.effects,
      rank: f.rank,
    }));
    const xMax = Math.max(1e-9, ...rows.map((r) => Math.max(r.high, r.muStar))) * 1.08;
    const yMax = Math.max(1e-9, ...rows.map((r) => r.sigma)) * 1.12;
    const placed = placeLabels(
      rows.map((r) => ({ x: r.muStar, y: r.sigma, text: r.factor })),
      xMax,
      yMax,
      width,
      height,
    );
    const labelled = rows.map((r, i) => ({ ...r, ...placed[i] }));
    const x = {
      field: 'muStar',
      type: 'quantitative',
      title: `μ*, mean absolute effect (${unit} per whole range)`,
      scale: { domain: [0, xMax], nice: false },
    };
    const y = {
      field: 'sigma',
      type: 'quantitative',
      title: `σ, spread of the effects (${unit})`,
      scale: { domain: [0, yMax], nice: false },
    };
    const diagonal = Math.max(xMax, yMax);
    // Each label twice: a white outline first, so that a label stays readable where it crosses a line.
    const text = (align: 'left' | 'right', halo: boolean): VlSpec => ({
      data: { values: labelled.filter((r) => r.align === align) },
      mark: {
        type: 'text',
        align,
        baseline: 'middle',
        fontSize: 11,
        ...(halo ? { stroke: '#ffffff', strokeWidth: 3, strokeJoin: 'round', color: '#ffffff' } : { color: '#222222' }),
      },
      encoding: { x: { ...x, field: 'lx' }, y: { ...y, field: 'ly' }, text: { field: 'factor' } },
    });
    return {
      ...(analyses.length > 1 ? { title: { text: a.label, fontSize: 13, anchor: 'middle' } } : {}),
      width,
      height,
      layer: [
        {
          data: {
            values: [
              { dx: 0, dy: 0 },
              { dx: diagonal, dy: diagonal },
            ],
          },
          mark: { type: 'line', color: '#777777', strokeDash: [5, 4], strokeWidth: 1.2, clip: true },
          encoding: { x: { ...x, field: 'dx' }, y: { ...y, field: 'dy' } },
        },
        {
          data: { values: rows },
          mark: { type: 'rule', strokeWidth: 2, opacity: 0.6 },
          encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y, color: colour.color },
        },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 80, opacity: 1 },
          encoding: {
            x,
            y,
            ...colour,
            tooltip: [
              { field: 'factorTitle', title: 'Factor' },
              { field: 'muStar', title: 'μ*', format: fmt },
              { field: 'low', title: 'μ* 95% low', format: fmt },
              { field: 'high', title: 'μ* 95% high', format: fmt },
              { field: 'mu', title: 'μ (signed)', format: fmt },
              { field: 'sigma', title: 'σ', format: fmt },
              { field: 'effects', title: 'Elementary effects' },
              { field: 'rank', title: 'Rank' },
            ],
          },
        },
        text('left', true),
        text('right', true),
        text('left', false),
        text('right', false),
      ],
    };
  };
  const groups = [...new Set(analyses.map((a) => a.label))];
  const body: VlSpec =
    analyses.length > 1 ? { columns: Math.min(analyses.length, 2), concat: analyses.map(panel) } : panel(analyses[0]);
  const verdicts = analyses.map((a) => `${groups.length > 1 ? `${a.label}: ` : ''}${a.stability?.message ?? ''}`);
  const note =
    'Dot: μ*, the mean absolute change of the outcome when the factor moves across its whole range (one factor at a time, the others held); line: its 95% bootstrap interval; σ: how much those changes vary. Dashed: σ = μ* (above it, effects depend on the other factors or change sign).';
  return {
    name: `morris-${metric}`,
    title: `Morris screening: ${style.label}`,
    description: `${note} ${result.averaging} Ranking check: ${verdicts.join(' ')}`,
    spec: framed({
      title: `Morris screening: ${style.label}`,
      subtitle: [
        result.design.line,
        `Replicates averaged per design point; effects in ${unit} of ${style.label.toLowerCase()}`,
      ],
      caption: [
        note,
        ...verdicts.map((v) => `Ranking check: ${v}`),
        noiseLine(analyses, groups.length > 1),
        result.source,
      ],
      body,
    }),
  };
}

/**
 * The share of replicate noise in the variance of the point averages, per panel, in one caption line.
 * @example noiseLine([{ label: 'a', noiseShare: 0.4 }], false) // 'Replicate noise: 40% of the variance ...'
 */
export function noiseLine(
  analyses: ReadonlyArray<Pick<GroupAnalysis, 'label' | 'noiseShare'>>,
  named: boolean,
): string {
  const parts = analyses
    .filter((a) => Number.isFinite(a.noiseShare))
    .map((a) => `${named ? `${a.label} ` : ''}${Math.round(a.noiseShare * 100)}%`);
  if (parts.length === 0) return 'Replicate noise: not estimated (one replicate per design point).';
  return `Replicate noise: ${parts.join(', ')} of the variance of the point averages; it is not explained by any factor and, where a factor's change lets it through, adds to that factor's ST (or σ).`;
}
