/**
 * The vega, vega-lite and vega-embed browser bundles (UMD), read from node_modules and made safe to
 * inline in a <script> element, so report.html needs no network: opened from a USB stick or an
 * archive years later it still draws its charts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReportError } from '../errors.js';

/**
 * A package's folder. require.resolve('<pkg>/package.json') is blocked by the packages' "exports",
 * so resolve the main entry and walk up to the package.json that names the package.
 */
export function packageDir(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new ReportError(`cannot find the folder of the ${name} package; run npm ci`);
    dir = up;
  }
}

/** Script text that cannot end its <script> element early and points to no source map. */
export function inlineScript(code: string): string {
  return code
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '')
    .replace(/<\/script/gi, '<\\/script')
    .replace(/<!--/g, '<\\!--');
}

export const BUNDLES = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
] as const;

let cached: string[] | undefined;

/** The three bundles, in load order (vega-embed needs the globals vega and vegaLite). */
export function browserBundles(): string[] {
  cached ??= BUNDLES.map(([pkg, file]) => {
    const path = join(packageDir(pkg), file);
    if (!existsSync(path)) throw new ReportError(`${path} is missing; run npm ci`);
    return inlineScript(readFileSync(path, 'utf8'));
  });
  return cached;
}
