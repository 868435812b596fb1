/**
 * sim/math in Debian's Chromium via playwright-core: the same seeded arguments as sim-math.test.ts,
 * evaluated in the browser, give bit-identical results to Node for every function and range; the
 * built-in Math.* results of the two engines are compared too, and the share that differs printed
 * (the reason sim/math exists).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { argSets, evaluate } from './sim-math-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const MISSING = `${CHROMIUM} is missing: the sim/math browser test needs Debian's Chromium (apt-get install -y --no-install-recommends chromium)`;
const N = 20_000;

if (!haveChromium && !inCi)
  console.warn(`skipped: sim/math in a real browser. ${MISSING}. With CI set this is a failure.`);

/** The bits of a Float64Array as plain 32-bit words (exact through JSON). */
function words(a: Float64Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));
}

describe.skipIf(!haveChromium && !inCi)('sim/math in Chromium', () => {
  it('gives the same bits as in Node for every range; Math.* does not', async () => {
    if (!haveChromium) throw new Error(MISSING);
    const bundle = await build({
      entryPoints: [resolve('sim/math/index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'detmath',
      write: false,
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>sim/math</title>');
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      const version = browser.version();
      const rows: string[] = [];
      for (const set of argSets(N)) {
        const inBrowser = await page.evaluate(
          ({ fn, xw, yw }) => {
            const x = new Float64Array(new Uint32Array(xw).buffer);
            const y = yw ? new Float64Array(new Uint32Array(yw).buffer) : undefined;
            // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, typed by sim/math/index.ts
            const dm = (globalThis as any).detmath;
            const run = (f: (a: number, b?: number) => number) => {
              const out = new Float64Array(x.length);
              for (let i = 0; i < x.length; i++) out[i] = y ? f(x[i], y[i]) : f(x[i]);
              return Array.from(new Uint32Array(out.buffer));
            };
            const builtin = (Math as unknown as Record<string, (a: number, b?: number) => number>)[fn];
            return { ours: run(dm[fn]), math: run(builtin) };
          },
          { fn: set.fn, xw: words(set.x), yw: set.y ? words(set.y) : null },
        );
        const ours = words(evaluate(set, 'ours'));
        const math = words(evaluate(set, 'math'));
        let oursDiffer = 0;
        let mathDiffer = 0;
        for (let i = 0; i < N; i++) {
          if (ours[2 * i] !== inBrowser.ours[2 * i] || ours[2 * i + 1] !== inBrowser.ours[2 * i + 1]) oursDiffer++;
          if (math[2 * i] !== inBrowser.math[2 * i] || math[2 * i + 1] !== inBrowser.math[2 * i + 1]) mathDiffer++;
        }
        rows.push(
          `${set.fn.padEnd(4)} ${set.label.padEnd(30)} sim/math differs ${oursDiffer}/${N}  Math.* differs ${((100 * mathDiffer) / N).toFixed(2)}%`,
        );
        expect(oursDiffer, `${set.fn} ${set.label}`).toBe(0);
      }
      console.log(`Chromium ${version} vs Node ${process.versions.v8}:\n${rows.join('\n')}`);
    } finally {
      await browser.close();
    }
  });
});
