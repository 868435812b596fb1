/**
 * The what-if page (regiosim page) in Debian's Chromium via playwright-core: it loads from disk with
 * no network request and no console error; 40 paired Drenthe runs complete and give the runs.csv
 * of `regiosim batch` on the page's exported scenario files and seed; controls reject out-of-range
 * values with the registry's message; the exported YAML validates; the URL fragment restores the
 * settings; a screenshot is kept in out/page-test/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCsvLine } from '../workers/csv-lines.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const MISSING = `${CHROMIUM} is missing: the page test needs Debian's Chromium (apt-get install -y --no-install-recommends chromium)`;
const OUT = resolve('out/page-test');
const CLI = resolve('dist/cli/regiosim.js');
const RUNS = 40;
const SEED = 11;

if (!haveChromium && !inCi)
  console.warn(`skipped: the page in a real browser. ${MISSING}. With CI set this is a failure.`);

type Row = Record<string, string>;
/** What the page exposes for scripts (page/browser/main.ts). */
interface PageGlobal {
  regiosimPage: { scenarioYaml(): string; baselineYaml(): string; runsCsv(): string };
}
function table(csv: string): Row[] {
  const [head, ...lines] = csv.trim().split('\n');
  const columns = splitCsvLine(head);
  return lines.map((l) => Object.fromEntries(splitCsvLine(l).map((v, i) => [columns[i], v])));
}

/** Number of significant digits two values agree to (Infinity when equal). */
function agreement(a: string, b: string): number {
  if (a === b) return Number.POSITIVE_INFINITY;
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 0;
  return -Math.log10(Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)));
}

describe.skipIf(!haveChromium && !inCi)('regiosim page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let html: string;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(MISSING);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const t0 = performance.now();
    execFileSync(process.execPath, [CLI, 'page', '--out', OUT], { stdio: 'pipe' });
    html = join(OUT, 'regiosim-page.html');
    console.log(
      `page: ${(statSync(html).size / 1024).toFixed(0)} KB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    // The worker is made from the page's own text (a blob: URL); anything else would be the network.
    page.on('request', (r) => {
      if (!/^(file|blob|data):/.test(r.url())) foreignRequests.push(r.url());
    });
    const t1 = performance.now();
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    console.log(`page ready in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads from disk with no network request and no console error, showing the version', async () => {
    expect(await page.textContent('#version')).toMatch(/^regiosim \d+\.\d+\.\d+ \(/);
    expect(await page.getAttribute('#app', 'data-issues')).toBe('0');
    expect(await page.$$eval('#region-map svg path', (p) => p.length)).toBeGreaterThan(300);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('rejects out-of-range values with the registry message and disables Run', async () => {
    const staff = '[id="ctl-scenario-levers.initialStaff"]';
    await page.fill(staff, '500');
    await page.dispatchEvent(staff, 'change');
    expect(await page.textContent('[data-error-for="scenario:levers.initialStaff"]')).toContain(
      '500 is out of range; allowed: 0 to 100 staff (whole numbers)',
    );
    expect(await page.isDisabled('#run')).toBe(true);
    const demand = '[id="ctl-shared-uncertainties.demandIntensity"]';
    await page.click('details[data-group="demand"] summary');
    await page.fill(demand, '9');
    await page.dispatchEvent(demand, 'change');
    expect(await page.textContent('[data-error-for="shared:uncertainties.demandIntensity"]')).toContain(
      '9 is out of range; allowed: 0.7 to 1.5 ×',
    );
    await page.fill(staff, '4');
    await page.fill(demand, '1');
    await page.dispatchEvent(demand, 'change');
    expect(await page.getAttribute('#app', 'data-issues')).toBe('0');
    expect(await page.isDisabled('#run')).toBe(false);
  });

  it(`runs ${RUNS} paired Drenthe seeds with the numbers of regiosim batch; the exported YAML validates`, async () => {
    await page.fill('#runs', String(RUNS));
    await page.fill('#seed', String(SEED));
    await page.dispatchEvent('#seed', 'change');
    const t0 = performance.now();
    await page.click('#run');
    await page.waitForSelector('body[data-status="done"]', { timeout: 600_000 });
    const pageSeconds = (performance.now() - t0) / 1000;
    const firstMs = await page.getAttribute('body', 'data-first-result-ms');
    const chartsMs = await page.getAttribute('body', 'data-first-charts-ms');
    const perSecond = await page.getAttribute('body', 'data-runs-per-second');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(await page.$$eval('div.chart svg', (s) => s.length)).toBe(5);
    expect(await page.$$eval('#results-table tr', (r) => r.length)).toBeGreaterThan(5);
    await page.screenshot({ path: join(OUT, 'page-screenshot.png'), fullPage: true });

    const dir = join(OUT, 'cli');
    mkdirSync(dir, { recursive: true });
    const files = ['baseline', 'scenario'].map((side) => join(dir, `${side}.yaml`));
    writeFileSync(
      files[0],
      await page.evaluate(() => (globalThis as unknown as PageGlobal).regiosimPage.baselineYaml()),
    );
    writeFileSync(
      files[1],
      await page.evaluate(() => (globalThis as unknown as PageGlobal).regiosimPage.scenarioYaml()),
    );
    const pageCsv: string = await page.evaluate(() => (globalThis as unknown as PageGlobal).regiosimPage.runsCsv());
    writeFileSync(join(OUT, 'page-runs.csv'), pageCsv);

    const validate = spawnSync(process.execPath, [CLI, 'validate', ...files], { encoding: 'utf8' });
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);

    const t1 = performance.now();
    const args = [
      'batch',
      ...files,
      '--runs',
      String(RUNS),
      '--seed',
      String(SEED),
      '--series',
      'none',
      '--out',
      join(dir, 'batch'),
      '--quiet',
    ];
    const batch = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    expect(batch.status, batch.stderr).toBe(0);
    const cliSeconds = (performance.now() - t1) / 1000;
    const cliCsv = readFileSync(join(dir, 'batch', 'runs.csv'), 'utf8');

    const [p, c] = [table(pageCsv), table(cliCsv)];
    expect(p.length).toBe(2 * RUNS);
    expect(Object.keys(p[0])).toEqual(Object.keys(c[0]));
    let equal = 0;
    let worst = Number.POSITIVE_INFINITY;
    for (let i = 0; i < c.length; i++) {
      for (const k of ['run', 'point', 'scenario', 'replicate', 'seed', 'status'])
        expect(p[i][k], `${k} of run ${i}`).toBe(c[i][k]);
      const digits = Math.min(...Object.keys(c[i]).map((k) => agreement(p[i][k], c[i][k])));
      if (digits === Number.POSITIVE_INFINITY) equal++;
      worst = Math.min(worst, digits);
    }
    console.log(
      `page: ${2 * RUNS} runs in ${pageSeconds.toFixed(1)} s (${perSecond} runs/s in the page), first result (table) after ${firstMs} ms, first charts after ${chartsMs} ms; ` +
        `regiosim batch: ${((2 * RUNS) / cliSeconds).toFixed(1)} runs/s with process start, ${/\(([\d.]+) runs\/s\)/.exec(batch.stdout)?.[1]} by its own count; ` +
        (equal === c.length
          ? `all ${equal} rows byte-identical`
          : `${equal}/${c.length} rows byte-identical, the others agree to ${worst.toFixed(1)} significant digits`),
    );
    // The model computes exp/log/pow/sin/cos/asin with sim/math (basic IEEE operations only), so
    // Chromium and Node give the same bits (see docs/PAGE.md): every row must be byte-identical.
    expect(`${equal}/${c.length} rows byte-identical (worst ${worst} digits)`).toBe(
      `${c.length}/${c.length} rows byte-identical (worst Infinity digits)`,
    );
    expect(pageCsv).toBe(cliCsv);
  }, 900_000);

  it('exports the runs as CSV and a chart as SVG and PNG (downloads, no network)', async () => {
    const saved = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = join(OUT, download.suggestedFilename());
      await download.saveAs(path);
      return path;
    };
    const csv = await saved(() => page.click('#export-csv'));
    expect(readFileSync(csv, 'utf8')).toBe(readFileSync(join(OUT, 'page-runs.csv'), 'utf8'));
    const svg = await saved(() => page.click('div.chart[data-chart="progress"] .actions button:text("SVG")'));
    expect(readFileSync(svg, 'utf8')).toContain('<svg');
    expect(readFileSync(svg, 'utf8')).toContain('Progress of the heat transition over time');
    const png = await saved(() => page.click('div.chart[data-chart="differences"] .actions button:text("PNG")'));
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(foreignRequests).toEqual([]);
  });

  it('picks the region clicked on the map, and stops a run on Stop', async () => {
    const other = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(String(e)));
    await other.goto(pathToFileURL(html).href);
    await other.waitForSelector('body[data-ready="true"]');
    await other.waitForSelector('#region-map svg path');
    // The first boundary is Groningen (GM0014), in RES region Groningen.
    const box = await other.locator('#region-map svg g.mark-shape path').first().boundingBox();
    if (!box) throw new Error('no map shape');
    await other.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await other.waitForFunction("document.getElementById('region-name').value !== 'Drenthe'");
    const chosen = await other.inputValue('#region-name');
    expect(chosen.length).toBeGreaterThan(0);
    await other.fill('#runs', '200');
    await other.dispatchEvent('#runs', 'change');
    await other.click('#run');
    await other.waitForFunction("Number(document.getElementById('progress').value) >= 4");
    await other.click('#stop');
    await other.waitForSelector('body[data-status="stopped"]');
    expect(await other.textContent('#status')).toMatch(/^stopped: \d+\/400 runs/);
    expect(await other.isDisabled('#run')).toBe(false);
    expect(errors).toEqual([]);
    await other.close();
  });

  it('restores the settings from the URL fragment', async () => {
    const url = page.url();
    expect(url).toContain('#s=');
    const other = await browser.newPage();
    await other.goto(url);
    await other.waitForSelector('body[data-ready="true"]');
    expect(await other.inputValue('#runs')).toBe(String(RUNS));
    expect(await other.inputValue('#seed')).toBe(String(SEED));
    expect(await other.evaluate(() => (globalThis as unknown as PageGlobal).regiosimPage.scenarioYaml())).toBe(
      await page.evaluate(() => (globalThis as unknown as PageGlobal).regiosimPage.scenarioYaml()),
    );
    const baseline = () => other.evaluate(() => (globalThis as unknown as PageGlobal).regiosimPage.baselineYaml());
    await other.click('#preset-copy');
    expect(await baseline()).toContain('poolForm: flexpool');
    await other.click('#preset-none');
    expect(await baseline()).toContain('poolForm: none');
    await other.close();
  });
});
