/**
 * Reads an experiment's `design:` block and `policies:` list (already checked against the schema,
 * scenarios/design-schema.ts) into plain specs, with the checks the schema cannot express: the
 * size keys each method needs or does not use, ranges whose ends are the wrong way round, levers
 * both sampled and set by a policy, duplicate policy names, and designs too large to run. Every
 * problem is a ScenarioIssue at the file, line and column where it was written.
 */

import { isLeverName, LEVERS } from '../sim/levers.js';
import { isParameterName, PARAMETERS } from '../sim/parameters.js';
import { DESIGN_METHODS, type DesignMethodName, MAX_DESIGN_POINTS, METHOD_KEYS } from './design-schema.js';
import { type PosteriorFile, readPosteriorFile } from './design-posterior.js';
import {
  DesignError,
  type DesignValue,
  type Factor,
  type FactorRange,
  factorsFromRegistry,
  type ResamplingScheme,
} from './designs/index.js';
import { type Position, type ScenarioIssue, showValue } from './issues.js';
import { getSchemas } from './scenario-read.js';
import { type Schema, SchemaChecker } from './schema-check.js';
import { child, entry, type MapNode, type TreeEntry, type TreeNode, toPlain } from './yaml-tree.js';

/** The size and option keys of a design. */
export interface DesignOptions {
  samples?: number;
  levels?: number;
  trajectories?: number;
  baseSamples?: number;
  secondOrder?: boolean;
  /** posterior: the posterior file as written in the experiment. */
  posterior?: string;
  /** posterior: how particles are resampled (default systematic). */
  resampling?: ResamplingScheme;
}

/** A design block as read: method, options, seed and the factors (uncertainties first, then levers). */
export interface DesignSpec {
  method: DesignMethodName;
  options: DesignOptions;
  /** The design's seed: `design.seed`, else the experiment's seed. */
  seed: number;
  factors: Factor[];
  /** Where `design:` was written (for problems of the design as a whole). */
  at: Position;
  /** method posterior: the posterior read (its parameters are the first factors). */
  posterior?: PosteriorFile;
}

/** A policy: named lever settings crossed with every future of the design. */
export interface PolicySpec {
  name: string;
  description: string;
  levers: Record<string, DesignValue>;
}

const SIZE_KEYS = [
  'samples',
  'levels',
  'trajectories',
  'baseSamples',
  'secondOrder',
  'posterior',
  'resampling',
] as const;

/**
 * The design and policies of an experiment tree, or undefined parts after pushing their problems
 * to `issues`. `experimentSeed` is the default seed of the sample. `source` is the experiment file
 * (a posterior is read relative to it) and the set of files it reads, which gains the posterior.
 */
export function readDesign(
  tree: MapNode,
  experimentSeed: number,
  scenarioCount: number,
  issues: ScenarioIssue[],
  source?: { path: string; files: Set<string> },
): { design?: DesignSpec; policies: PolicySpec[] } {
  const before = issues.length;
  const designEntry = entry(tree, 'design');
  // The schema check drops a design whose method is invalid, and has reported it already.
  const designWasBad = issues.some((i) => i.path === 'design' || i.path.startsWith('design.'));
  const policies = readPolicies(entry(tree, 'policies'), issues);
  const policiesEntry = entry(tree, 'policies');
  if (!designEntry) {
    if (policiesEntry && !designWasBad)
      issues.push({
        ...policiesEntry.keyPos,
        path: 'policies',
        value: 'policies',
        message:
          'policies are crossed with the sampled futures of a design; allowed: policies together with a design: block',
      });
    return { policies };
  }
  const sweeps = entry(tree, 'sweeps');
  if (sweeps)
    issues.push({
      ...sweeps.keyPos,
      path: 'sweeps',
      value: 'sweeps',
      message:
        'cannot be combined with design:; allowed: sweeps or a design, not both (sample the swept names in design.uncertainties or design.levers, or set them in policies)',
    });
  const node = designEntry.value as MapNode;
  const method = toPlain(child(node, 'method') as TreeNode) as DesignMethodName;
  const options = readOptions(node, method, issues);
  const seedNode = child(node, 'seed');
  const seed = seedNode ? Number(toPlain(seedNode)) : experimentSeed;
  const posterior = method === 'posterior' ? readPosterior(node, source, issues) : undefined;
  const factors = [
    ...(posterior ? factorsFromRegistry(posterior.posterior.names) : []),
    ...readFactors(entry(node, 'uncertainties'), 'uncertainties', issues, posterior),
    ...readFactors(entry(node, 'levers'), 'levers', issues),
  ];
  const badFactors = issues.some((i) => /^design\.(uncertainties|levers|posterior)\b/.test(i.path));
  if (factors.length === 0 && !badFactors)
    issues.push({
      ...node.pos,
      path: 'design',
      value: toPlain(node),
      message:
        'samples nothing; allowed: design.uncertainties (parameter names) and/or design.levers (lever names), at least one name',
    });
  checkPolicyLevers(tree, factors, issues);
  if (factors.length > 0 && issues.length === before) {
    const rows = designRows(method, options, factors);
    const points = rows * Math.max(1, policies.length) * Math.max(1, scenarioCount);
    if (points > MAX_DESIGN_POINTS)
      issues.push({
        ...node.pos,
        path: 'design',
        value: toPlain(node),
        message: `gives ${rows} design points${policies.length ? ` × ${policies.length} policies` : ''}${scenarioCount > 1 ? ` × ${scenarioCount} scenarios` : ''} = ${points} points; allowed: at most ${MAX_DESIGN_POINTS} points (sample fewer points, factors or levels)`,
      });
  }
  if (issues.length > before || factors.length === 0) return { policies };
  return { design: { method, options, seed, factors, at: node.pos, ...(posterior ? { posterior } : {}) }, policies };
}

/** The posterior file of a posterior design (its problems at the `posterior:` key). */
function readPosterior(
  node: MapNode,
  source: { path: string; files: Set<string> } | undefined,
  issues: ScenarioIssue[],
): PosteriorFile | undefined {
  const e = entry(node, 'posterior');
  if (e?.value.kind !== 'scalar' || issues.some((i) => i.path === 'design.posterior')) return undefined;
  const written = String(toPlain(e.value));
  if (!source) {
    issues.push({
      ...e.keyPos,
      path: 'design.posterior',
      value: written,
      message:
        'a posterior file can only be read from an experiment file; allowed: method posterior in an experiment file',
    });
    return undefined;
  }
  const read = readPosteriorFile(written, source.path, e.keyPos, issues);
  if (read) source.files.add(read.path);
  return read;
}

/** Rows of a design before drawing it (for the size check and messages). */
export function designRows(method: DesignMethodName, options: DesignOptions, factors: readonly Factor[]): number {
  const k = factors.length;
  switch (method) {
    case 'factorial':
      return factors.reduce((n, f) => n * factorialLevels(f, options.levels ?? 3), 1);
    case 'latinHypercube':
      return options.samples ?? 0;
    case 'sobol':
      return (options.baseSamples ?? 0) * (options.secondOrder ? 2 * k + 2 : k + 2);
    case 'morris':
      return (options.trajectories ?? 0) * (k + 1);
    case 'posterior':
      return options.samples ?? 0;
  }
}

/** Distinct values a factor takes in a full factorial with this many levels (as scenarios/designs/full-factorial.ts). */
function factorialLevels(f: Factor, levels: number): number {
  if (f.kind === 'choice') return f.values?.length ?? 0;
  if (f.kind === 'integer') return Math.min(levels, (f.max as number) - (f.min as number) + 1);
  return levels;
}

function describe(path: string[]): string {
  const schema = getSchemas().experiment;
  let s: Schema | undefined = schema;
  for (const key of path) s = s?.properties?.[key];
  return new SchemaChecker(schema).describe(s ?? {});
}

function readOptions(node: MapNode, method: DesignMethodName, issues: ScenarioIssue[]): DesignOptions {
  const options: DesignOptions = {};
  const keys = METHOD_KEYS[method];
  const usable = [...keys.required, ...keys.optional];
  for (const key of SIZE_KEYS) {
    const e = entry(node, key);
    if (!e) continue;
    if (!usable.includes(key)) {
      issues.push({
        ...e.keyPos,
        path: `design.${key}`,
        value: key,
        message: `${JSON.stringify(key)} is not used by method ${method}; allowed with ${method}: ${[...usable, 'seed', 'uncertainties', 'levers'].join(', ')}`,
      });
      continue;
    }
    const value = toPlain(e.value);
    if (key === 'secondOrder') options.secondOrder = value === true;
    else if (key === 'posterior') options.posterior = String(value);
    else if (key === 'resampling') options.resampling = value as ResamplingScheme;
    else options[key] = Number(value);
  }
  for (const key of keys.required)
    if (!entry(node, key) && !issues.some((i) => i.path === `design.${key}`))
      issues.push({
        ...node.pos,
        path: `design.${key}`,
        value: undefined,
        message: `is missing; allowed: ${describe(['design', key])} (method ${method} needs it)`,
      });
  const levels = entry(node, 'levels');
  if (method === 'morris' && levels && options.levels !== undefined && options.levels % 2 !== 0)
    issues.push({
      ...levels.value.pos,
      path: 'design.levels',
      value: options.levels,
      message: `${options.levels} is not allowed; allowed: an even whole number ≥ 2 for method morris (default 4), so that every step stays on the grid`,
    });
  return options;
}

function readFactors(
  e: TreeEntry | undefined,
  kind: 'uncertainties' | 'levers',
  issues: ScenarioIssue[],
  posterior?: PosteriorFile,
): Factor[] {
  if (!e) return [];
  const items: Array<{ name: string; at: Position; range: FactorRange; written: unknown }> =
    e.value.kind === 'seq'
      ? e.value.items.map((item) => ({ name: String(toPlain(item)), at: item.pos, range: {}, written: toPlain(item) }))
      : e.value.kind === 'map'
        ? e.value.entries.map((x) => ({
            name: x.key,
            at: x.value.pos,
            range: toPlain(x.value) as FactorRange,
            written: toPlain(x.value),
          }))
        : [];
  const factors: Factor[] = [];
  for (const item of items) {
    const path = `design.${kind}.${item.name}`;
    if (posterior?.posterior.names.includes(item.name)) {
      issues.push({
        ...item.at,
        path,
        value: item.name,
        message: `${JSON.stringify(item.name)} is also a column of the posterior ${showValue(posterior.written)}; allowed: a parameter drawn from the posterior or sampled here, not both`,
      });
      continue;
    }
    const problem = rangeProblem(item.name, item.range);
    if (problem) {
      issues.push({ ...item.at, path, value: item.written, message: `${showValue(item.written)}: ${problem}` });
      continue;
    }
    try {
      factors.push(
        ...factorsFromRegistry([item.name], Object.keys(item.range).length ? { [item.name]: item.range } : {}),
      );
    } catch (err) {
      if (!(err instanceof DesignError)) throw err;
      issues.push({ ...item.at, path, value: item.written, message: `${showValue(item.written)}: ${err.message}` });
    }
  }
  return factors;
}

/** A range whose ends are the wrong way round, said with the registry's range and unit. */
function rangeProblem(name: string, range: FactorRange): string | undefined {
  const def = isParameterName(name)
    ? PARAMETERS[name]
    : isLeverName(name) && LEVERS[name].kind === 'number'
      ? (LEVERS[name] as { min: number; max: number; unit: string })
      : undefined;
  if (!def) return undefined;
  const min = range.min ?? def.min;
  const max = range.max ?? def.max;
  if (min < max) return undefined;
  return `min ${min} is not below max ${max}; allowed: min below max, within ${def.min} to ${def.max} ${def.unit}`;
}

function readPolicies(e: TreeEntry | undefined, issues: ScenarioIssue[]): PolicySpec[] {
  if (e?.value.kind !== 'seq') return [];
  const out: PolicySpec[] = [];
  const seen = new Map<string, number>();
  e.value.items.forEach((item, k) => {
    const nameNode = child(item, 'name');
    if (!nameNode) return;
    const name = String(toPlain(nameNode));
    const twin = seen.get(name);
    if (twin !== undefined) {
      issues.push({
        ...nameNode.pos,
        path: `policies[${k}].name`,
        value: name,
        message: `${showValue(name)} is also the name of policies[${twin}]; allowed: distinct policy names (they are used in point ids)`,
      });
      return;
    }
    seen.set(name, k);
    const description = child(item, 'description');
    const leversNode = child(item, 'levers');
    out.push({
      name,
      description: description ? String(toPlain(description)) : '',
      levers: (leversNode ? toPlain(leversNode) : {}) as Record<string, DesignValue>,
    });
  });
  return out;
}

/** A lever is either a policy setting or a sampled factor, not both (XLRM keeps them apart). */
function checkPolicyLevers(tree: MapNode, factors: readonly Factor[], issues: ScenarioIssue[]): void {
  const sampled = new Set(factors.filter((f) => f.role === 'lever').map((f) => f.name));
  const list = child(tree, 'policies');
  if (list?.kind !== 'seq' || sampled.size === 0) return;
  list.items.forEach((item, k) => {
    const levers = child(item, 'levers');
    if (levers?.kind !== 'map') return;
    for (const x of levers.entries)
      if (sampled.has(x.key))
        issues.push({
          ...x.keyPos,
          path: `policies[${k}].levers.${x.key}`,
          value: x.key,
          message: `${JSON.stringify(x.key)} is also sampled by design.levers; allowed: a lever set by the policies or sampled by the design, not both`,
        });
  });
}

/** Whether a method name is one of the file's (for callers holding a plain string). */
export function isDesignMethod(name: string): name is DesignMethodName {
  return (DESIGN_METHODS as readonly string[]).includes(name);
}
