/**
 * Writes test/fixtures/speed-identity.json: the output hash of every identity case as computed by
 * a build of the model given as its dist/ folder (the pre-speed commit 6994d29, built by
 * `npm run bench` into .bench/). Run: npx tsx test/speed-identity-gen.ts .bench/baseline-6994d29
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { identityCases, type ModelModules, outputHash } from './speed-identity-cases.js';

const root = resolve(process.argv[2] ?? '.bench/baseline-6994d29');
const load = (path: string) => import(pathToFileURL(join(root, 'dist', path)).href);
const model = {
  ...(await load('data/load.js')),
  ...(await load('scenarios/default.js')),
  ...(await load('scenarios/load.js')),
  ...(await load('sim/simulate.js')),
} as ModelModules<unknown>;
const hashes: Record<string, string> = {};
for (const c of identityCases(model, join(root, 'scenarios', 'library')))
  hashes[c.name] = outputHash(model.simulate(c.input, c.seed));
const out = resolve('test/fixtures/speed-identity.json');
writeFileSync(out, `${JSON.stringify({ source: relative(process.cwd(), root), hashes }, null, 2)}\n`);
console.log(`${Object.keys(hashes).length} hashes written to ${out}`);
