/** `regiosim validate`, `regiosim scenarios` and `regiosim run` with scenario files (built dist/). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../scenarios/refs.js';
import { writeFiles } from './scenarios-fixtures.js';

const CLI = join(projectRoot(), 'dist', 'cli', 'regiosim.js');
const run = (args: string[], cwd = projectRoot()) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('regiosim validate', () => {
  it('prints one OK line per valid file and exits 0', () => {
    const r = run([
      'validate',
      'scenarios/library/drenthe-flexteam.yaml',
      'scenarios/experiments/rq4-what-to-pool.yaml',
    ]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([
      'scenarios/library/drenthe-flexteam.yaml: OK (scenario drenthe-flexteam: 12 municipalities, 1 pool area, flexpool, 2026-2050)',
      'scenarios/experiments/rq4-what-to-pool.yaml: OK (experiment rq4-what-to-pool: 4 scenarios, 4 points x 30 replicates = 120 runs, baseline drenthe-flexteam)',
    ]);
  });

  it('prints every problem as file:line:column path: message and exits 2', () => {
    const dir = writeFiles({ 'bad.yaml': 'region: { res: Drente }\nlevers:\n  governance: centralPsh\n' });
    const r = run(['validate', 'bad.yaml'], dir);
    expect(r.code).toBe(2);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^bad\.yaml:1:16 region\.res: "Drente" is not a RES region; allowed: .* \(did you mean "Drenthe"\?\)$/,
    );
    expect(lines[1]).toBe(
      'bad.yaml:3:15 levers.governance: "centralPsh" is not allowed; allowed: demandPull, centralPush (did you mean "centralPush"?)',
    );
    expect(lines[2]).toBe('2 problems; 1 of 1 file invalid');
  });
});

describe('regiosim scenarios', () => {
  it('lists the shipped scenarios and experiments with their questions and descriptions', () => {
    const r = run(['scenarios']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}drenthe-flexteam +RQ2 RQ6 +Flexteam Warmte Drenthe/m);
    expect(r.out).toMatch(/^ {2}rq1-start-size-by-scarcity +RQ1 +Start small vs start big/m);
    expect(r.out).toMatch(/^ {2}default +RES Drenthe/m);
  });
});

describe('regiosim run with scenario files', () => {
  it('runs a library scenario by name', () => {
    const out = join(writeFiles({}), 'out');
    const r = run(['run', 'drechtsteden-none', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^regiosim [\d.]+: drechtsteden-none \(7 municipalities, seed 1, 2026-2050\)/);
  });

  it('stops on an invalid file with the problems in the same format, exit 2', () => {
    const dir = writeFiles({ 'bad.yaml': 'region: national\nhorizon: 0\n' });
    const r = run(['run', 'bad.yaml', '--out', join(dir, 'out')], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'regiosim: invalid scenario\n  bad.yaml:2:10 horizon: 0 is out of range; allowed: 1 to 1200 months (whole numbers)\n',
    );
  });
});
