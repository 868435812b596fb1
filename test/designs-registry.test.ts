import { describe, expect, it } from 'vitest';
import {
  crossingToCsv,
  crossPoliciesWithFutures,
  type DesignRow,
  designToCsv,
  factorsFromRegistry,
  fullFactorial,
  latinHypercube,
  morris,
  saltelli,
} from '../scenarios/designs/index.js';
import { LEVER_NAMES, LEVERS } from '../sim/levers.js';
import { resolveLevers, resolveParameters } from '../sim/model-input.js';
import { PARAMETER_NAMES, PARAMETERS } from '../sim/parameters.js';

describe('factors from the registries', () => {
  it('takes parameter ranges and integer flags from the parameter registry as uncertainties', () => {
    const [demand, months] = factorsFromRegistry(['demandIntensity', 'planClearMonths']);
    expect(demand).toEqual({
      name: 'demandIntensity',
      kind: 'real',
      min: PARAMETERS.demandIntensity.min,
      max: PARAMETERS.demandIntensity.max,
      role: 'uncertainty',
    });
    expect(months).toMatchObject({ kind: 'integer', min: 12, max: 36, role: 'uncertainty' });
  });

  it('takes number, choice and boolean levers from the lever registry as levers', () => {
    const [form, talk, term] = factorsFromRegistry(['poolForm', 'talkItOut', 'termMonths']);
    expect(form).toEqual({ name: 'poolForm', kind: 'choice', values: [...LEVERS.poolForm.values], role: 'lever' });
    expect(talk).toEqual({ name: 'talkItOut', kind: 'choice', values: [false, true], role: 'lever' });
    expect(term).toMatchObject({ kind: 'integer', min: 12, max: 120, role: 'lever' });
  });

  it('narrows ranges given in a file, inside the registry range', () => {
    const [demand, form] = factorsFromRegistry(['demandIntensity', 'poolForm'], {
      demandIntensity: { min: 0.8, max: 1.2 },
      poolForm: { values: ['none', 'flexpool'] },
    });
    expect(demand).toMatchObject({ min: 0.8, max: 1.2 });
    expect(form.values).toEqual(['none', 'flexpool']);
  });

  it('explains what cannot be sampled', () => {
    expect(() => factorsFromRegistry(['noSuchThing'])).toThrow(/neither a model parameter nor a lever/);
    expect(() => factorsFromRegistry(['demandIntensity'], { demandIntensity: { max: 3 } })).toThrow(
      /allowed: 0.7 to 1.5/,
    );
    expect(() => factorsFromRegistry(['scaleReferencePopulation'])).toThrow(/fixed/);
    expect(() => factorsFromRegistry(['poolRoles'])).toThrow(/cannot be sampled/);
    expect(() => factorsFromRegistry(['poolForm'], { poolForm: { values: ['big'] } })).toThrow(/not allowed/);
    expect(() => factorsFromRegistry(['poolForm'], { demandIntensity: { min: 1 } })).toThrow(/not a sampled factor/);
  });
});

describe('sampled values the model accepts', () => {
  it('keeps every row of every design inside the ranges the model validates, corners included', () => {
    const parameters = factorsFromRegistry(PARAMETER_NAMES.filter((n) => PARAMETERS[n].min < PARAMETERS[n].max));
    const levers = factorsFromRegistry(
      LEVER_NAMES.filter(
        (n) => LEVERS[n].kind === 'number' || LEVERS[n].kind === 'choice' || LEVERS[n].kind === 'boolean',
      ),
    );
    const designs = [
      latinHypercube(parameters, { samples: 40, seed: 1 }),
      saltelli(parameters, { baseSamples: 4, seed: 1 }),
      morris(parameters, { trajectories: 2, seed: 1 }),
      morris(levers, { trajectories: 4, seed: 1 }),
      fullFactorial(levers.slice(0, 6), { levels: 2 }),
    ];
    for (const d of designs)
      for (const row of d.rows) {
        const p = Object.fromEntries(Object.entries(row).filter(([n]) => n in PARAMETERS));
        const l = Object.fromEntries(Object.entries(row).filter(([n]) => !(n in PARAMETERS)));
        expect(() => resolveParameters(p)).not.toThrow();
        expect(() => resolveLevers(l)).not.toThrow();
      }
  });
});

describe('policies crossed with futures', () => {
  const futures = latinHypercube(factorsFromRegistry(['demandIntensity', 'supplyRatio']), { samples: 4, seed: 1 });
  const policies: DesignRow[] = [{ poolForm: 'none' }, { poolForm: 'flexpool', termMonths: 60 }];

  it('runs every policy in every future, policy-major, with ids', () => {
    const crossing = crossPoliciesWithFutures(policies, futures);
    expect(crossing).toHaveLength(8);
    expect(crossing.map((e) => e.id).slice(0, 5)).toEqual([
      'policy-0|future-0',
      'policy-0|future-1',
      'policy-0|future-2',
      'policy-0|future-3',
      'policy-1|future-0',
    ]);
    expect(crossing[5].values).toEqual({ ...policies[1], ...futures.rows[1] });
    const named = crossPoliciesWithFutures(policies, futures.rows, { policyIds: ['no-pool', 'pool'] });
    expect(named[4]).toMatchObject({ id: 'pool|future-0', policyId: 'pool', policyIndex: 1, futureIndex: 0 });
  });

  it('keeps levers and uncertainties apart', () => {
    expect(() => crossPoliciesWithFutures([{ demandIntensity: 1 }], futures)).toThrow(
      /either a lever or an uncertainty/,
    );
  });

  it('writes the crossing as CSV', () => {
    const csv = crossingToCsv(crossPoliciesWithFutures([{ poolForm: 'none' }], [{ demandIntensity: 1.25 }]));
    expect(csv).toBe('id,policy,future,poolForm,demandIntensity\npolicy-0|future-0,policy-0,future-0,none,1.25\n');
  });
});

describe('designs as CSV', () => {
  it('writes a row number and the factor values, quoting where needed', () => {
    const d = fullFactorial([{ name: 'label', kind: 'choice', values: ['a, b', 'say "c"'] }]);
    expect(designToCsv(d)).toBe('row,label\n0,"a, b"\n1,"say ""c"""\n');
  });

  it('adds the base sample and matrix of a Saltelli design, and trajectory and step of a Morris design', () => {
    const f = factorsFromRegistry(['demandIntensity', 'termMonths']);
    const s = designToCsv(saltelli(f, { baseSamples: 2, seed: 1, secondOrder: true }))
      .trim()
      .split('\n');
    expect(s[0]).toBe('row,base,matrix,demandIntensity,termMonths');
    expect(s.slice(1, 8).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      '0,0,A',
      '1,0,AB:demandIntensity',
      '2,0,AB:termMonths',
      '3,0,BA:demandIntensity',
      '4,0,BA:termMonths',
      '5,0,B',
      '6,1,A',
    ]);
    const m = designToCsv(morris(f, { trajectories: 2, seed: 1 }))
      .trim()
      .split('\n');
    expect(m[0]).toBe('row,trajectory,step,demandIntensity,termMonths');
    expect(m[4].split(',').slice(0, 3)).toEqual(['3', '1', '0']);
    expect(Number.isInteger(Number(m[4].split(',')[4]))).toBe(true);
  });
});
