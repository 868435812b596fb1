/**
 * One side of the per-run comparison in `npm run bench`, in a process of its own so each model's
 * garbage and compiled code stay apart: loads the model from a build root (this checkout or the
 * baseline's), warms it up, runs seeds 0..runs-1 and prints one JSON line with every run's wall
 * and process CPU time (CPU includes the garbage collector's and compiler's helper threads).
 * Usage: node dist/bench/per-run.js ROOT drenthe|national RUNS WARMUP
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, scenario, runsArg, warmArg] = process.argv.slice(2);
const load = (path: string) => import(pathToFileURL(join(root, 'dist', path)).href);
const { loadNationalData } = await load('data/load.js');
const { defaultScenario, nationalScenario } = await load('scenarios/default.js');
const { simulate } = await load('sim/simulate.js');
const data = loadNationalData();
const input = scenario === 'national' ? nationalScenario(data) : defaultScenario(data);
for (let s = 0; s < Number(warmArg); s++) simulate(input, 1_000_000 + s);
const wall: number[] = [];
const cpu: number[] = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let s = 0; s < Number(runsArg); s++) {
  const t0 = performance.now();
  const c0 = cpuMs();
  simulate(input, s);
  cpu.push(cpuMs() - c0);
  wall.push(performance.now() - t0);
}
console.log(JSON.stringify({ wall, cpu, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
