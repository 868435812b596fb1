/**
 * Reads a calibration file (YAML or JSON) into a CalibrationSpec: checked against
 * reports/abc/calibration-schema.ts with the scenarios' located errors (file:line:column, every
 * problem at once), plus the checks a schema cannot make (ranges in order, empirical parameters,
 * pattern names used once, bands with width). The scenario is loaded like an experiment's: a
 * library name or a file in the calibration file's folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { calibrationsDir } from '../../scenarios/design-posterior.js';
import { type ScenarioIssue, ScenarioError, sortIssues } from '../../scenarios/issues.js';
import { loadScenarioRef } from '../../scenarios/scenario-load.js';
import { SchemaChecker } from '../../scenarios/schema-check.js';
import { child, type MapNode, readTree, type TreeNode, toPlain } from '../../scenarios/yaml-tree.js';
import type { ModelInput } from '../../sim/model-input.js';
import { type EvidenceTag, PARAMETERS } from '../../sim/parameters.js';
import type { NationalData } from '../../sim/region-data.js';
import { PATTERNS } from '../calibration/patterns.js';
import type { AbcParameter } from './prior.js';
import { type Aggregate, CALIBRATION_DEFAULTS, calibrationSchema } from './calibration-schema.js';

/** A target pattern: a per-run value from the run's summary metrics, aggregated over a particle's runs, and a band. */
export interface TargetPattern {
  name: string;
  description: string;
  value: (metric: (name: string) => number) => number;
  aggregate: Aggregate;
  lo: number;
  hi: number;
  /** True for the patterns of MODEL.md section 6 (docs/CALIBRATION.md). */
  shipped: boolean;
}

export interface CalibrationSpec {
  file: string;
  name: string;
  description: string;
  scenarioRef: string;
  input: ModelInput;
  /** Every file read: the calibration file, the scenario and what it extends. */
  files: string[];
  seed: number;
  replicates: number;
  particles: number;
  generations: number;
  quantile: number;
  minAcceptance: number;
  minEpsilon: number;
  maxSimulations: number;
  parameters: Array<AbcParameter & { tag: EvidenceTag }>;
  patterns: TargetPattern[];
}

const num = (n: TreeNode | undefined, fallback: number) =>
  n?.kind === 'scalar' && typeof n.value === 'number' ? n.value : fallback;
const str = (n: TreeNode | undefined) => (n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined);

function readParameters(node: TreeNode | undefined, issues: ScenarioIssue[]): CalibrationSpec['parameters'] {
  if (node?.kind !== 'map') return [];
  const out: CalibrationSpec['parameters'] = [];
  for (const e of node.entries) {
    const def = PARAMETERS[e.key as keyof typeof PARAMETERS];
    const lower = num(child(e.value, 'min'), def.min);
    const upper = num(child(e.value, 'max'), def.max);
    const path = `parameters.${e.key}`;
    if (!(lower < upper))
      issues.push({ ...e.value.pos, path, value: toPlain(e.value), message: `the prior range ${lower} to ${upper} is empty; allowed: min below max, inside ${def.min} to ${def.max} ${def.unit}` });
    const allow = child(e.value, 'allow-empirical');
    if (def.tag === 'E' && !(allow?.kind === 'scalar' && allow.value === true))
      issues.push({
        ...e.keyPos,
        path,
        value: e.key,
        message: `${e.key} is empirical (tag E: ${def.source}); calibrating it would overwrite a measured figure; allowed: parameters tagged A (assumptions) or D (derived), or add allow-empirical: true`,
      });
    out.push({ name: e.key, prior: { kind: 'uniform', lower, upper }, integer: def.integer, tag: def.tag });
  }
  // Assumption-tagged parameters first (then derived, then empirical), in the order written within each.
  const rank = { A: 0, D: 1, E: 2 } as const;
  return out.map((p, i) => ({ p, i })).sort((a, b) => rank[a.p.tag] - rank[b.p.tag] || a.i - b.i).map((x) => x.p);
}

/** The patterns as written (the schema checker drops a whole list with one bad item), skipping the bad items. */
function readPatterns(node: TreeNode | undefined, issues: ScenarioIssue[]): TargetPattern[] {
  if (node?.kind !== 'seq') return [];
  const out: TargetPattern[] = [];
  for (const [k, item] of node.items.entries()) {
    const path = `patterns[${k}]`;
    if (issues.some((i) => i.path === path || i.path.startsWith(`${path}.`))) continue;
    let p: TargetPattern | undefined;
    if (item.kind === 'scalar') {
      const def = PATTERNS.find((d) => d.id === item.value);
      if (def)
        p = { name: def.id, description: `${def.pattern}: ${def.measure}`, value: def.value, aggregate: 'mean', lo: def.lo, hi: def.hi, shipped: true };
    } else if (item.kind === 'map') {
      const metric = str(child(item, 'metric')) ?? '';
      const per = str(child(item, 'per'));
      const band = toPlain(child(item, 'band') ?? item) as number[];
      const name = str(child(item, 'name')) ?? '';
      if (Array.isArray(band) && !(band[0] < band[1]))
        issues.push({ ...(child(item, 'band')?.pos ?? item.pos), path: `${path}.band`, value: band, message: `the band ${JSON.stringify(band)} has no width; allowed: [low, high] with low below high (the distance divides by the width)` });
      p = {
        name,
        description: str(child(item, 'description')) ?? `${metric}${per ? ` / ${per}` : ''}`,
        value: per ? (m) => m(metric) / m(per) : (m) => m(metric),
        aggregate: (str(child(item, 'aggregate')) as Aggregate | undefined) ?? 'mean',
        lo: band[0],
        hi: band[1],
        shipped: false,
      };
    }
    if (!p) continue;
    if (out.some((q) => q.name === p.name))
      issues.push({ ...item.pos, path, value: p.name, message: `the pattern ${JSON.stringify(p.name)} is listed twice; allowed: each pattern once` });
    out.push(p);
  }
  return out;
}

/**
 * A calibration file by path, or a shipped one by name from any folder, as scenarios and experiments
 * are named: `drenthe` is scenarios/calibrations/drenthe.yaml when no file `drenthe` exists here.
 * @example
 * calibrationPath('drenthe'); // '<project>/scenarios/calibrations/drenthe.yaml'
 */
export function calibrationPath(ref: string): string {
  if (existsSync(ref) || !/^[A-Za-z0-9_.-]+$/.test(ref)) return resolve(ref);
  for (const ext of ['.yaml', '.yml', '.json']) {
    const shipped = join(calibrationsDir(), `${ref}${ext}`);
    if (existsSync(shipped)) return shipped;
  }
  return resolve(ref);
}

/**
 * Reads and checks a calibration file (a path, or a shipped file by name: calibrationPath).
 * @throws ScenarioError listing every problem (file:line:column)
 */
export function loadCalibrationFile(path: string, data: NationalData): CalibrationSpec {
  const file = calibrationPath(path);
  const issues: ScenarioIssue[] = [];
  const read = readTree(file);
  issues.push(...read.issues);
  const fail = () => new ScenarioError(sortIssues(issues));
  if (!read.tree) throw fail();
  const schema = calibrationSchema();
  const checker = new SchemaChecker(schema);
  if (read.tree.kind !== 'map')
    issues.push({ ...read.tree.pos, path: '', value: undefined, message: `is not a calibration file: its top level is not a mapping; allowed: ${checker.describe(schema)}` });
  const tree = read.tree.kind === 'map' ? (checker.check(read.tree, schema, '') as MapNode | undefined) : undefined;
  issues.push(...checker.issues);
  if (!tree) throw fail();
  const parameters = readParameters(child(tree, 'parameters'), issues);
  const patterns = readPatterns(child(read.tree, 'patterns'), issues);
  const ref = str(child(tree, 'scenario'));
  const scenarioNode = child(tree, 'scenario');
  const loaded = ref && scenarioNode ? loadScenarioRef(ref, dirname(file), data, issues, scenarioNode.pos, 'scenario', file) : undefined;
  if (issues.length > 0 || !loaded?.input) throw fail();
  const D = CALIBRATION_DEFAULTS;
  const particles = num(child(tree, 'particles'), D.particles);
  return {
    file,
    name: str(child(tree, 'name')) ?? file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/, ''),
    description: str(child(tree, 'description')) ?? '',
    scenarioRef: ref as string,
    input: loaded.input,
    files: [file, ...loaded.files],
    seed: num(child(tree, 'seed'), D.seed),
    replicates: num(child(tree, 'replicates'), D.replicates),
    particles,
    generations: num(child(tree, 'generations'), D.generations),
    quantile: num(child(tree, 'quantile'), D.quantile),
    minAcceptance: num(child(tree, 'min-acceptance'), D.minAcceptance),
    minEpsilon: num(child(tree, 'min-epsilon'), D.minEpsilon),
    maxSimulations: num(child(tree, 'max-simulations'), D.simulationsPerParticle * particles),
    parameters,
    patterns,
  };
}
