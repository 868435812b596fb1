/**
 * Screening contexts of the mechanism screen (docs/mechanisms/screen-contexts.yaml): the shipped
 * file names real factors and valid settings, bad files are refused with the place named, and a
 * factor with a context is run and compared on the context base. Short runs (24 months, 2 seeds).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyContext, contextsByFactor, readContexts } from '../reports/mechanisms/contexts.js';
import { type Factor, registryFactors } from '../reports/mechanisms/factors.js';
import { renderDocument } from '../reports/mechanisms/render.js';
import { runScreen, type ScreenBase } from '../reports/mechanisms/screen.js';
import { factorsCsv, screenCsv } from '../reports/mechanisms/tables.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { libraryDir } from '../scenarios/refs.js';
import { checkModelInput } from '../sim/model-input.js';
import { data, writeFiles } from './scenarios-fixtures.js';

const SHIPPED = join(libraryDir('scenario'), '..', '..', 'docs', 'mechanisms', 'screen-contexts.yaml');
const short = (ref: string): ScreenBase => {
  const input = loadScenarioFile(ref, data).input;
  return { name: ref, input: { ...input, horizonMonths: 24 } };
};
const readText = (text: string) => readContexts(join(writeFiles({ 'c.yaml': text }), 'c.yaml'));

describe('the shipped screen-contexts.yaml', () => {
  const contexts = readContexts(SHIPPED);
  const names = registryFactors().map((f) => f.name);

  it('names only factors of the model, and its settings apply to both bases', () => {
    expect(contexts.length).toBeGreaterThan(0);
    for (const c of contexts) {
      for (const f of c.factors) expect(names, `${f} in ${c.label}`).toContain(f);
      for (const base of ['drenthe-flexteam', 'drenthe-start-small'])
        expect(() => checkModelInput(applyContext(short(base).input, c))).not.toThrow();
    }
  });

  it('gives the central-push factors their gate', () => {
    expect(contextsByFactor(contexts).get('pushNihMultiplier')?.label).toBe('governance=centralPush');
  });
});

describe('reading contexts', () => {
  it('labels a context by its settings and resolves history by name', () => {
    const [c] = readText(`contexts:
  - levers: { talkItOut: true }
    parameters: { crisisPerMonth: 0.02 }
    history: [{ a: Assen, b: Tynaarlo, value: -0.7 }]
    factors: [deepNegativeHistory]
`);
    expect(c.label).toBe('talkItOut=true, crisisPerMonth=0.02, history Assen-Tynaarlo=-0.7');
    const base = short('drenthe-quarrel-history').input;
    const input = applyContext(base, c);
    expect(input.levers.talkItOut).toBe(true);
    expect(input.parameters.crisisPerMonth).toBe(0.02);
    // The pair's earlier value is replaced, not duplicated.
    const pair = input.historyOverrides.filter((h) => [h.a, h.b].sort().join() === ['GM0106', 'GM1730'].join());
    expect(pair).toEqual([{ a: 'GM0106', b: 'GM1730', value: -0.7 }]);
    expect(input.historyOverrides).toHaveLength(base.historyOverrides.length);
    expect(base.levers.talkItOut).toBe(false);
  });

  it('refuses unknown levers, bad values, a factor twice, a context that sets its own factor', () => {
    expect(() => readText('contexts:\n  - levers: { governanse: centralPush }\n    factors: [a]\n')).toThrow(
      /contexts\[0\]\.levers\.governanse: unknown lever \(did you mean "governance"\?\)/,
    );
    expect(() => readText('contexts:\n  - parameters: { crisisPerMonth: 3 }\n    factors: [a]\n')).toThrow(
      /crisisPerMonth: 3 is out of range/,
    );
    expect(() => readText('contexts:\n  - levers: { scope: multi }\n    factors: []\n')).toThrow(/non-empty list/);
    expect(() =>
      readText(
        'contexts:\n  - levers: { scope: multi }\n    factors: [a]\n  - levers: { mandate: true }\n    factors: [a]\n',
      ),
    ).toThrow(/a has more than one context/);
    expect(() => readText('contexts:\n  - levers: { scope: multi }\n    factors: [scope]\n')).toThrow(
      /scope is screened in this context/,
    );
    expect(() => readText('contexts:\n  - factors: [a]\n')).toThrow(/needs levers, parameters or history/);
  });

  it('reads no contexts from a missing file', () => {
    expect(readContexts('/nonexistent/screen-contexts.yaml')).toEqual([]);
  });
});

describe('a factor screened in its context', () => {
  const push = registryFactors().find((f) => f.name === 'pushNihMultiplier') as Factor;
  const [context] = readText('contexts:\n  - levers: { governance: centralPush }\n    factors: [pushNihMultiplier]\n');
  const base = short('drenthe-flexteam');
  const options = { threads: 1, label: 'test', seeds: [1, 2], outcomes: ['knowledgeRetainedEnd'] };

  it('never acts on the base, acts in its context, and the tables name the context', async () => {
    const [plain] = await runScreen([base], [push], options);
    expect(plain.identical).toBe(true);
    expect(plain.context).toBeUndefined();
    const [inContext] = await runScreen([base], [push], { ...options, contextOf: () => context });
    expect(inContext.identical).toBe(false);
    expect(inContext.context).toBe('governance=centralPush');
    expect(inContext.rows.every((r) => r.context === 'governance=centralPush' && r.contrast.pairs === 2)).toBe(true);
    // Compared with the context base (push), not with the plain base: the baseline means differ.
    expect(inContext.rows[0].contrast.baselineMean).not.toBe(plain.rows[0].contrast.baselineMean);
    expect(screenCsv([inContext])).toContain(',governance=centralPush,pushNihMultiplier,');
    expect(factorsCsv([inContext]).split('\n')[0]).toContain(',context,');
    const doc = renderDocument({
      commit: 'test',
      screen: {
        bases: [base.name],
        seeds: 2,
        masterSeed: 1,
        outcomes: [],
        results: [inContext],
        keptInert: {},
        notes: [],
      },
    });
    expect(doc).toMatch(/\| pushNihMultiplier \| .* \| governance=centralPush \|/);
  });
});
