/** `extends:` merges levers and uncertainties key by key and replaces everything else. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../scenarios/load.js';
import { SCARCITY_LEVELS } from '../sim/parameters.js';
import { data, writeFiles } from './scenarios-fixtures.js';

const BASE = `# the base of a family
name: base
description: the base
questions: [RQ1]
region: { res: Drenthe }
levers:
  poolForm: flexpool
  initialStaff: 4
  poolRoles: [specialist, process]
  governance: centralPush
uncertainties:
  supplyRatio: 0.5
  autonomyAversionMean: 0.6
refusers: [Emmen]
horizon: 60
`;

describe('extends', () => {
  const dir = writeFiles({
    // A file may extend files in its own folder tree (or the library): the base sits below the child.
    'common/base.yaml': BASE,
    'child.yaml': `extends: ./common/base.yaml
levers:
  initialStaff: 8
  poolRoles: [local]
uncertainties:
  scarcity: extreme
refusers: [Assen]
`,
    'grandchild.yaml':
      'extends: ./child.yaml\nname: third\nlevers: { governance: demandPull }\nregion: { province: Drenthe }\n',
  });
  const child = loadScenarioFile(join(dir, 'child.yaml'), data);
  const grandchild = loadScenarioFile(join(dir, 'grandchild.yaml'), data);

  it('keeps the levers the child does not set and changes those it sets', () => {
    expect(child.input.levers.poolForm).toBe('flexpool');
    expect(child.input.levers.governance).toBe('centralPush');
    expect(child.input.levers.initialStaff).toBe(8);
  });

  it('replaces lists whole instead of merging them', () => {
    expect(child.input.levers.poolRoles).toEqual(['local']);
    expect(child.input.refusers).toEqual(['GM0106']);
  });

  it('merges uncertainties, and a scarcity level in the child replaces the parent supplyRatio', () => {
    expect(child.input.parameters.supplyRatio).toBe(SCARCITY_LEVELS.extreme);
    expect(child.input.parameters.autonomyAversionMean).toBe(0.6);
  });

  it('inherits region and horizon, but not the name (the child is named after its file)', () => {
    expect(child.input.municipalities).toHaveLength(12);
    expect(child.input.horizonMonths).toBe(60);
    expect(child.input.name).toBe('child');
  });

  it('follows a chain of three files; a region of another form replaces the parent region whole', () => {
    expect(grandchild.input.name).toBe('third');
    expect(grandchild.input.levers.governance).toBe('demandPull');
    expect(grandchild.input.levers.initialStaff).toBe(8);
    expect(grandchild.input.poolAreas).toEqual([expect.objectContaining({ code: 'PV22', name: 'Drenthe' })]);
    expect(grandchild.input.refusers).toEqual(['GM0106']);
  });

  it('lists every file read, the named one first, for the run manifest', () => {
    expect(grandchild.files).toEqual([
      join(dir, 'grandchild.yaml'),
      join(dir, 'child.yaml'),
      join(dir, 'common/base.yaml'),
    ]);
  });

  it('a supplyRatio in the child replaces a parent scarcity level', () => {
    const d = writeFiles({
      'a.yaml': 'region: { res: Drenthe }\nuncertainties: { scarcity: low }\n',
      'b.yaml': 'extends: a.yaml\nuncertainties: { supplyRatio: 0.7 }\n',
    });
    expect(loadScenarioFile(join(d, 'b.yaml'), data).input.parameters.supplyRatio).toBe(0.7);
  });
});
