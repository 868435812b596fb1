/**
 * `regiosim page`: one self-contained HTML file. The page's TypeScript (page/browser) and the
 * modules it imports from sim/, scenarios/, workers/ and reports/ are bundled with esbuild; the
 * vega bundles, the data and the Web Worker's code are inlined, so the file works from disk with no
 * network.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { browserBundles, inlineScript } from '../reports/html/bundles.js';
import { projectRoot } from '../store/manifest.js';
import { type PageData, pageData } from './page-data.js';
import { PAGE_CSS } from './style.js';

export const PAGE_FILE = 'regiosim-page.html';
const MARK = '<!-- regiosim page -->';

/**
 * Node built-ins are reached only by file-reading code the page never calls (the scenario layer
 * reads files; the page hands it text): they become a module whose functions throw.
 */
const nodeStubs: Plugin = {
  name: 'node-stubs',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, k) => k === '__esModule' ? false : () => { throw new Error(${JSON.stringify(args.path)} + ' is not available in the page'); } });`,
      loader: 'js',
    }));
  },
};

async function bundle(entry: string): Promise<string> {
  // esbuild is loaded when a page is built, not with the command line that registers `page`.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(projectRoot(), 'page', 'browser', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    plugins: [nodeStubs],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** JSON that can sit inside a <script> element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The page's HTML text. */
export async function pageHtml(data: PageData = pageData()): Promise<string> {
  const [main, worker] = await Promise.all([bundle('main.ts'), bundle('worker.ts')]);
  const vega = browserBundles()
    .map((code) => `<script>${code}</script>`)
    .join('\n');
  return `<!doctype html>
${MARK}
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>regiosim: what-if page</title>
<style>${PAGE_CSS}</style>
</head><body>
<div id="app"></div>
<script type="application/json" id="page-data">${inlineJson(data)}</script>
<script type="text/plain" id="worker-code">${inlineScript(worker)}</script>
${vega}
<script>${inlineScript(main)}</script>
</body></html>
`;
}

/** Writes the page to `outDir`; refuses to overwrite a file of that name that it did not write. */
export async function writePage(outDir: string): Promise<{ file: string; bytes: number }> {
  const file = join(outDir, PAGE_FILE);
  if (existsSync(file) && !readFileSync(file, 'utf8').slice(0, 200).includes(MARK))
    throw new Error(`${file} exists and was not written by regiosim page; choose another --out`);
  mkdirSync(outDir, { recursive: true });
  const html = await pageHtml();
  writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html) };
}
