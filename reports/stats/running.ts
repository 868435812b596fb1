import { tQuantile975 } from './t-quantile.js';

/**
 * Mean and variance accumulated one value at a time (Welford's update), so a time-series band over
 * 100,000 runs needs three numbers per month instead of every value. Non-finite values are counted
 * as missing, as in describe().
 * @example const m = new RunningMoments(); [1, 2, 3].forEach((x) => m.add(x)); m.mean // 2
 */
export class RunningMoments {
  n = 0;
  missing = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    if (!Number.isFinite(x)) {
      this.missing++;
      return;
    }
    this.n++;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
  }

  /** Sample standard deviation (NaN below two values, like describe()). */
  get sd(): number {
    return this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : Number.NaN;
  }

  /** The sum of the values added. */
  get sum(): number {
    return this.n > 0 ? this.mean * this.n : 0;
  }

  /** 95% t-interval of the mean, the same formula as describe(). */
  interval(): { mean: number; ciLow: number; ciHigh: number } {
    if (this.n === 0) return { mean: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
    const half = this.n > 1 ? (tQuantile975(this.n - 1) * this.sd) / Math.sqrt(this.n) : Number.NaN;
    return { mean: this.mean, ciLow: this.mean - half, ciHigh: this.mean + half };
  }
}
