/**
 * report.html in a real browser: Debian's Chromium, driven by playwright-core (which downloads no
 * browser of its own). A small real batch (two scenarios × two scarcity levels × four runs of five
 * years, through the batch engine) is reported; every chart must be drawn, with no console errors
 * and no request for anything but the file itself; a screenshot is saved next to the report.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../reports/report.js';
import { runSmallBatch, sweptPlan } from './report-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const MISSING = `${CHROMIUM} is missing: the report browser test needs Debian's Chromium (apt-get install -y --no-install-recommends chromium; .ci/run installs it)`;

if (!haveChromium && !inCi) console.warn(`skipped: report in a real browser. ${MISSING}. With CI set this is a failure.`);

describe.skipIf(!haveChromium && !inCi)('report.html in Chromium', () => {
  it('draws every chart with no console errors and no network requests, and saves a screenshot', async () => {
    if (!haveChromium) throw new Error(MISSING);
    const plan = sweptPlan(4);
    const { dir } = await runSmallBatch(plan, 'browser');
    const report = await buildReport(dir, { plan, mapRuns: 2 });
    expect(report.charts.length).toBe(10);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const consoleErrors: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) foreignRequests.push(r.url());
      });
      await page.goto(pathToFileURL(report.html).href);
      await page.waitForSelector('body[data-rendered="true"]', { timeout: 60_000 });

      expect(await page.getAttribute('body', 'data-chart-errors')).toBe('0');
      const drawn = await page.$$eval('div.chart', (divs) =>
        divs.map((d) => {
          const svg = d.querySelector('svg');
          const canvas = d.querySelector('canvas');
          return {
            name: d.getAttribute('data-chart'),
            svgMarks: svg ? svg.querySelectorAll('path, text, rect, line').length : 0,
            svgWidth: svg ? svg.getBoundingClientRect().width : 0,
            canvasWidth: canvas ? canvas.width : 0,
          };
        }),
      );
      expect(drawn.map((d) => d.name)).toEqual(report.charts.map((c) => c.name));
      for (const d of drawn) {
        expect(d.svgMarks > 10 || d.canvasWidth > 0, `${d.name} drew nothing`).toBe(true);
        expect(d.svgWidth, `${d.name} has no width`).toBeGreaterThan(100);
      }
      // Text is drawn in the page too: titles and the source line.
      const texts = await page.$$eval('div.chart svg text', (els) => els.map((e) => e.textContent ?? ''));
      expect(texts.some((t) => t.includes('Progress of the heat transition over time'))).toBe(true);
      expect(texts.some((t) => t.includes('Bron: CBS'))).toBe(true);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);

      const shot = join(dir, 'report-screenshot.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      console.log(`report: ${report.html}\nscreenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
