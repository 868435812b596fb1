/**
 * Stage 4: Vega-Lite → Vega → SVG (vega's headless 'none' renderer, no canvas package) → PNG
 * (resvg). PNG text is drawn with pinned DejaVu fonts and system fonts are not loaded, because
 * resvg otherwise picks whatever sans-serif a machine has (Liberation once Chromium is installed)
 * and the same results would give different bytes on different machines.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { FONT, type VlSpec } from '../charts/theme.js';
import { ReportError } from '../errors.js';

// vega, vega-lite and resvg are loaded when the first chart is drawn, not with this module: every
// command imports it (checkFonts), and loading them takes about a quarter of a second.
const require = createRequire(import.meta.url);

/** Debian's fonts-dejavu-core. */
export const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
/** The faces the charts use (regular text, bold titles); both are in fonts-dejavu-core. */
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** Checks the pinned fonts are installed; says how to install them if not. */
export function checkFonts(dir = FONT_DIR): string {
  const missing = FONT_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0)
    throw new ReportError(
      `the chart font is missing: ${missing.map((f) => join(dir, f)).join(', ')}. PNG charts are drawn with DejaVu Sans so that they are the same on every machine; install it with: apt-get install fonts-dejavu-core`,
    );
  return dir;
}

/**
 * Renumbers SVG ids (vega counts gradients and clip paths per process, so the second chart rendered
 * in a process would otherwise get other ids than the same chart rendered first).
 */
export function normaliseSvgIds(svg: string): string {
  const renamed = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) {
    if (!renamed.has(m[1])) renamed.set(m[1], `${m[1].replace(/[_-]?\d+$/, '')}-${renamed.size}`);
  }
  return svg.replace(/(\bid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => {
    const to = renamed.get(id);
    return to ? `${lead}${to}` : all;
  });
}

/** The SVG of a Vega-Lite spec. */
export async function renderSvg(spec: VlSpec, fontDir = FONT_DIR): Promise<string> {
  const [{ compile }, { parse, View }, { useFontMetrics }] = await Promise.all([
    import('vega-lite'),
    import('vega'),
    import('./font-metrics.js'),
  ]);
  useFontMetrics(checkFonts(fontDir), FONT_FILES[0], FONT_FILES[1]);
  const vega = compile(spec as unknown as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return normaliseSvgIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** The PNG of an SVG at 2× (print quality), white background, pinned fonts. */
export function renderPng(svg: string, fontDir = FONT_DIR): Buffer {
  checkFonts(fontDir);
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontDirs: [fontDir], defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return resvg.render().asPng();
}
