/**
 * Expands an experiment file (already checked against its schema) into an ExperimentPlan: loads each
 * scenario, checks the baseline, and crosses the scenarios with the sweeps into plan points.
 */
import { dirname } from 'node:path';
import { ModelInputError } from '../sim/model-input.js';
import { checkInput } from './cross-checks.js';
import type { NationalData } from '../sim/region-data.js';
import { readDesign } from './design-block.js';
import { designPoints, type Exploration, withExploration } from './design-build.js';
import { readMechanism } from './mechanism-block.js';
import { readOutcomes } from './outcome-block.js';
import { didYouMean, type Position, type ScenarioIssue, showValue } from './issues.js';
import { suggest } from './names.js';
import type { ExperimentPlan, ExperimentScenario, PlanPoint } from './plan.js';
import { modelMessage } from './scenario-build.js';
import { loadScenarioRef, nameFromFile } from './scenario-load.js';
import { applySetting, pointId, sweepAxes, sweepLabel, sweepSettings, sweepTooBig } from './sweeps.js';
import { child, type MapNode, type TreeNode, toPlain } from './yaml-tree.js';

/**
 * Loads the scenarios an experiment lists; names must be distinct because point ids use them.
 * `namedBy`: the experiment file, whose folder tree confines the paths it names.
 */
export function loadScenarios(
  refs: Array<{ ref: string; at: Position; path: string }>,
  baseDir: string,
  data: NationalData,
  issues: ScenarioIssue[],
  files: Set<string>,
  namedBy?: string,
): ExperimentScenario[] {
  const out: ExperimentScenario[] = [];
  for (const r of refs) {
    const loaded = loadScenarioRef(r.ref, baseDir, data, issues, r.at, r.path, namedBy);
    for (const f of loaded.files) files.add(f);
    if (!loaded.input) continue;
    const twin = out.find((s) => s.input.name === loaded.input?.name);
    if (twin) {
      issues.push({
        ...r.at,
        path: r.path,
        value: r.ref,
        message: `has the same name "${twin.input.name}" as ${twin.path} (${showValue(twin.ref)}); allowed: scenarios with distinct names (set name: in one of the files)`,
      });
    } else out.push({ ...r, input: loaded.input });
  }
  return out;
}

/**
 * The baseline's scenario name; `written` may be a scenario name or the reference as listed.
 * `failed` are references that did not load (already reported).
 */
export function baselineName(
  written: string | undefined,
  scenarios: ExperimentScenario[],
  at: Position,
  issues: ScenarioIssue[],
  failed: string[] = [],
): string | undefined {
  if (written === undefined) return failed.length ? undefined : scenarios[0]?.input.name;
  const found = scenarios.find((s) => s.input.name === written || s.ref === written);
  if (found) return found.input.name;
  const loaded = scenarios.map((s) => s.input.name);
  // While some references fail, a baseline is reported only when it looks like a misspelt loaded one.
  if (failed.length > 0 && suggest(written, loaded) === undefined) return undefined;
  const names = [...loaded, ...failed.map(nameFromFile)];
  issues.push({
    ...at,
    path: 'baseline',
    value: written,
    message: `${showValue(written)} is not one of the scenarios; allowed: ${names.join(', ')}${didYouMean(suggest(written, names))}`,
  });
  return undefined;
}

/** The plan of an experiment file, or undefined after pushing its problems to `issues`. */
export function buildExperiment(
  path: string,
  tree: MapNode,
  defaultName: string,
  data: NationalData,
  issues: ScenarioIssue[],
): ExperimentPlan | undefined {
  const before = issues.length;
  const files = new Set([path]);
  const list = child(tree, 'scenarios');
  const refs =
    list?.kind === 'seq'
      ? list.items.map((item, k) => ({ ref: String(toPlain(item)), at: item.pos, path: `scenarios[${k}]` }))
      : [];
  const scenarios = loadScenarios(refs, dirname(path), data, issues, files, path);
  const baselineNode = child(tree, 'baseline');
  const failed = refs.filter((r) => !scenarios.some((s) => s.ref === r.ref)).map((r) => r.ref);
  const baseline = baselineNode
    ? baselineName(String(toPlain(baselineNode)), scenarios, baselineNode.pos, issues, failed)
    : undefined;
  // A design block samples the points instead of sweeping them (scenarios/design-*.ts).
  const seedNode = child(tree, 'seed');
  const { design, policies } = readDesign(tree, Number(seedNode ? toPlain(seedNode) : 0), refs.length, issues, {
    path,
    files,
  });
  const designed = design ? designPoints(scenarios, design, policies, issues) : undefined;
  const exploration: Exploration | undefined = designed?.exploration;
  const axes = design ? [] : sweepAxes(child(tree, 'sweeps'), issues);
  const points: PlanPoint[] = designed?.points ?? [];
  // Counted before the sweeps are crossed: a 1000 × 1000 × 101 sweep must not be built to be refused.
  const tooBig = !design && sweepTooBig(child(tree, 'sweeps'), axes, scenarios.length, issues);
  for (const s of design || tooBig ? [] : scenarios) {
    for (const setting of sweepSettings(axes)) {
      const id = pointId(s.input.name, setting);
      const input = applySetting(s.input, setting);
      try {
        checkInput(input);
      } catch (e) {
        if (!(e instanceof ModelInputError)) throw e;
        const at = setting[0]?.axis.entry.value.pos ?? s.at;
        for (const i of e.issues)
          issues.push({
            ...at,
            path: setting.length ? 'sweeps' : s.path,
            value: id,
            message: `point ${id}: ${i.path}: ${modelMessage(i.value, i.message)}`,
          });
        continue;
      }
      points.push({
        id,
        scenario: s.input.name,
        sweep: Object.fromEntries(setting.map(({ axis, value }) => [axis.name, sweepLabel(value)])),
        input,
      });
    }
  }
  const mechanism = readMechanism(
    tree,
    scenarios.map((s) => s.input.name),
    baseline,
    issues,
  );
  // Outcomes are checked against the points: their years, regions and sweep columns.
  const outcomes = readOutcomes(tree, points, issues);
  if (issues.length > before || baseline === undefined) return undefined;
  const text = (key: string) => {
    const node: TreeNode | undefined = child(tree, key);
    return node?.kind === 'scalar' ? String(node.value) : undefined;
  };
  return withExploration(
    {
      name: text('name') ?? defaultName,
      description: text('description') ?? '',
      baseline,
      masterSeed: Number(text('seed')),
      replicates: Number(text('replicates')),
      points,
      sourceFiles: [...files],
      ...(mechanism ? { mechanism } : {}),
      ...(outcomes ? { outcomes } : {}),
    },
    exploration,
  );
}
