import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test sets. `npm test` runs the fast set (every behaviour of the model, the scenario layer, the
 * engine and the reports, in a few minutes); `npm test -- --all` (what .ci/run runs) adds the slow
 * set after it: the browser tests (Chromium), the SLURM cluster, and the end-to-end command suites
 * that start regiosim hundreds of times (hostile input, every printed command, calibration by ABC).
 * scripts/test.sh picks the set through REGIOSIM_TEST_SET (fast, slow or all).
 */
export const SLOW_TESTS = [
  'test/page-browser.test.ts',
  'test/report-browser.test.ts',
  'test/sim-math-browser.test.ts',
  'test/slurm.test.ts',
  'test/slurm-scripts.test.ts',
  'test/slurm-injection.test.ts',
  'test/commands.test.ts',
  'test/hostile-*.test.ts',
  'test/explore-cli.test.ts',
  'test/abc-regiosim.test.ts',
  'test/robustness-cli.test.ts',
];

const set = process.env.REGIOSIM_TEST_SET ?? 'fast';
if (!['fast', 'slow', 'all'].includes(set)) throw new Error(`REGIOSIM_TEST_SET must be fast, slow or all, not ${set}`);

export default defineConfig({
  test: {
    include: set === 'slow' ? SLOW_TESTS : ['test/**/*.test.ts'],
    exclude: set === 'fast' ? SLOW_TESTS : [],
    // vitest's default leaves one core free (one file at a time on 2 cores); the fast set's files are
    // light enough to run one per core. The slow set keeps the default: browsers and clusters are heavy.
    ...(set === 'fast' ? { maxWorkers: availableParallelism() } : {}),
    // piscina threads load compiled JS, so the suite builds dist/ once before it starts.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-line-reporter.ts'],
  },
});
