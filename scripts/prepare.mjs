// npm runs this after `npm ci` and `npm install` in the project (package.json "prepare"): it builds
// dist/ so that `npx regiosim ...` works right after `npm ci`, as the README and the tool's own hints
// say. Without the dev dependencies (`npm ci --omit=dev` on a packed copy that carries dist/, as on
// a cluster: docs/SLURM.md) there is no compiler; the dist/ that came along is then used as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let tsc;
try {
  const pkg = createRequire(import.meta.url).resolve('typescript/package.json');
  tsc = join(dirname(pkg), JSON.parse(readFileSync(pkg, 'utf8')).bin.tsc);
} catch {
  tsc = undefined;
}
if (!tsc) {
  if (existsSync('dist/cli/regiosim.js')) process.exit(0);
  console.error('regiosim: no TypeScript compiler (dev dependencies left out) and no dist/: run npm ci without --omit=dev');
  process.exit(1);
}
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
