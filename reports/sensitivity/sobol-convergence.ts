import { SensitivityError } from './errors.js';
import { type SaltelliLayout, type SobolOptions, type SobolResult, sobolIndices } from './sobol-indices.js';

export interface ConvergenceOptions extends Omit<SobolOptions, 'baseSamples'> {
  /** Shares of the base sample to compute the indices on, growing, ending at 1 (default [0.25, 0.5, 1]). */
  fractions?: readonly number[];
  /** Largest allowed full width (high − low) of any S1 or ST interval at the full sample (default 0.1, i.e. ±0.05). */
  ciTolerance?: number;
  /** Largest allowed change of any S1 or ST between the last two steps (default 0.05). */
  changeTolerance?: number;
}

export interface ConvergenceStep {
  baseSamples: number;
  /** Widest S1 or ST interval (high − low) at this step. */
  maxCiWidth: number;
  /** Largest change of an S1 or ST from the previous step (NaN at the first step). */
  maxChange: number;
  result: SobolResult;
}

export interface ConvergenceReport {
  converged: boolean;
  steps: ConvergenceStep[];
  maxCiWidth: number;
  maxChange: number;
  ciTolerance: number;
  changeTolerance: number;
  /** Base samples needed by the 1/√N rule (the current count when converged; a power of two when the current one is). */
  suggestedBaseSamples: number;
  /** One sentence for a report: converged, or too small and by how much to grow. */
  message: string;
}

/**
 * Whether a Saltelli sample is large enough: computes the Sobol indices on the first N/4, N/2
 * and N base samples (each a valid, smaller Saltelli design) and calls the indices converged
 * only when, at the full sample, every S1 and ST interval is narrower than `ciTolerance` and
 * no S1 or ST moved more than `changeTolerance` from the previous step. Otherwise it says the
 * sample is too small and, since both the interval width and the step-to-step change shrink
 * like 1/√N, suggests N · max((width / tolerance)², (change / tolerance)²) base samples.
 * @example sobolConvergence(outputs, design).message // 'converged: ...' or 'too small: ... grow to about 8192 base samples'
 */
export function sobolConvergence(
  y: ArrayLike<number>,
  layout: SaltelliLayout,
  options: ConvergenceOptions = {},
): ConvergenceReport {
  const fractions = options.fractions ?? [0.25, 0.5, 1];
  const ciTolerance = options.ciTolerance ?? 0.1;
  const changeTolerance = options.changeTolerance ?? 0.05;
  if (fractions.length < 2 || fractions.some((f, i) => !(f > 0 && f <= 1) || (i > 0 && f <= fractions[i - 1])))
    throw new SensitivityError('fractions must be at least two growing shares in (0, 1]');
  if (fractions[fractions.length - 1] !== 1)
    throw new SensitivityError('the last fraction must be 1 (the whole sample)');
  const k = layout.factors.length;
  const step = layout.secondOrder ? 2 * k + 2 : k + 2;
  const total = Math.floor(y.length / step);
  const steps: ConvergenceStep[] = [];
  for (const f of fractions) {
    const n = Math.max(2, Math.floor(total * f));
    const result = sobolIndices(y, layout, { ...options, baseSamples: n });
    const values = result.factors.flatMap((x) => [x.S1, x.ST]);
    const maxCiWidth = Math.max(...values.map((v) => v.high - v.low));
    const previous = steps.at(-1);
    let maxChange = Number.NaN;
    if (previous) {
      const before = previous.result.factors.flatMap((x) => [x.S1.value, x.ST.value]);
      maxChange = Math.max(...values.map((v, i) => Math.abs(v.value - before[i])));
    }
    steps.push({ baseSamples: n, maxCiWidth, maxChange, result });
  }
  const last = steps[steps.length - 1];
  const { maxCiWidth, maxChange } = last;
  const widthOk = maxCiWidth <= ciTolerance;
  const changeOk = maxChange <= changeTolerance;
  const converged = widthOk && changeOk;
  const growth = Math.max(1, (maxCiWidth / ciTolerance) ** 2, (maxChange / changeTolerance) ** 2);
  const n = last.baseSamples;
  const raw = Number.isFinite(growth) ? Math.ceil(n * growth) : Number.NaN;
  const suggestedBaseSamples = converged
    ? n
    : (n & (n - 1)) === 0 && Number.isFinite(raw)
      ? 2 ** Math.ceil(Math.log2(raw))
      : raw;
  const facts = `widest interval ${fmt(maxCiWidth)} (tolerance ${ciTolerance}), largest change ${fmt(maxChange)} from N=${steps[steps.length - 2].baseSamples} to N=${n} (tolerance ${changeTolerance})`;
  const message = converged
    ? `converged at N=${n} base samples: ${facts}`
    : `too small at N=${n} base samples: ${facts}; grow to about ${suggestedBaseSamples} base samples (×${fmt(suggestedBaseSamples / n)}, ${suggestedBaseSamples * step} runs per replicate)`;
  return {
    converged,
    steps,
    maxCiWidth,
    maxChange,
    ciTolerance,
    changeTolerance,
    suggestedBaseSamples,
    message,
  };
}

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x));
