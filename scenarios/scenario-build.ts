/**
 * Builds the model input from a merged, schema-checked scenario tree: resolves the region and the
 * municipality names used in founders, refusers and history, turns scarcity and horizon into model
 * values, and runs the model's own consistency check with its problems mapped back to file lines.
 */
import {
  type HistoryOverride,
  type ModelInput,
  ModelInputError,
  resolveLevers,
  resolveParameters,
} from '../sim/model-input.js';
import { SCARCITY_LEVELS, type ScarcityLevel } from '../sim/parameters.js';
import type { NationalData } from '../sim/region-data.js';
import { checkInput } from './cross-checks.js';
import { DEFAULT_HORIZON_MONTHS, DEFAULT_START_YEAR } from './default.js';
import { type ScenarioIssue, showValue } from './issues.js';
import { municipalityIndex, type NameIndex } from './names.js';
import type { RegionSelection } from './region.js';
import { selectRegion } from './region-spec.js';
import { getSchemas } from './scenario-read.js';
import { SchemaChecker } from './schema-check.js';
import { child, hasPath, type MapNode, positionOf, type TreeNode, toPlain } from './yaml-tree.js';

type MunicipalityIndex = ReturnType<typeof municipalityIndex>;

/** The model input of a scenario, or undefined after pushing every problem found to `issues`. */
export function buildScenario(
  tree: MapNode,
  defaultName: string,
  data: NationalData,
  issues: ScenarioIssue[],
): ModelInput | undefined {
  const before = issues.length;
  const regionNode = child(tree, 'region');
  let region: RegionSelection | undefined;
  if (regionNode) region = selectRegion(regionNode, data, issues);
  else if (!issues.some((i) => i.path === 'region' || i.path.startsWith('region.'))) {
    const schema = getSchemas().scenario;
    const allowed = new SchemaChecker(schema).describe(schema.properties?.region ?? {});
    issues.push({
      ...tree.pos,
      path: 'region',
      value: undefined,
      message: `is missing (in this file and the files it extends); allowed: ${allowed}`,
    });
  }

  const levers = toPlain(child(tree, 'levers') ?? emptyMap(tree)) as Record<string, unknown>;
  const { scarcity, ...parameters } = toPlain(child(tree, 'uncertainties') ?? emptyMap(tree)) as Record<
    string,
    unknown
  >;
  if (scarcity !== undefined) parameters.supplyRatio = SCARCITY_LEVELS[scarcity as ScarcityLevel];
  const { startYear, horizonMonths } = horizonOf(child(tree, 'horizon'), issues);

  let historyOverrides: HistoryOverride[] = [];
  let refusers: string[] = [];
  if (region) {
    const index = municipalityIndex(region.municipalities, 'municipality of the region');
    const founders = child(child(tree, 'levers'), 'founders');
    if (founders) levers.founders = codesOf(founders, 'levers.founders', index, issues);
    const refuserNode = child(tree, 'refusers');
    if (refuserNode) refusers = codesOf(refuserNode, 'refusers', index, issues);
    const historyNode = child(tree, 'history');
    if (historyNode) historyOverrides = historyOf(historyNode, index, issues);
    checkFoundersRefuse(refuserNode, (levers.founders as string[] | undefined) ?? [], index, issues);
  }
  if (issues.length > before || !region) return undefined;

  const name = child(tree, 'name');
  try {
    const input: ModelInput = {
      name: name?.kind === 'scalar' ? String(name.value) : defaultName,
      ...region,
      levers: resolveLevers(levers),
      parameters: resolveParameters(parameters),
      startYear,
      horizonMonths,
      historyOverrides,
      refusers,
    };
    checkInput(input);
    return input;
  } catch (e) {
    if (!(e instanceof ModelInputError)) throw e;
    issues.push(...modelIssues(e, tree));
    return undefined;
  }
}

/** Problems the model's own checks found, placed at the file line of the value they are about. */
export function modelIssues(error: ModelInputError, tree: TreeNode): ScenarioIssue[] {
  return error.issues.map((i) => {
    const path = i.path.replace(/^parameters\./, 'uncertainties.').replace(/^horizonMonths$/, 'horizon');
    // A default value the file does not write: point at the related field that makes it wrong.
    if (i.near && !hasPath(tree, path))
      return {
        ...positionOf(tree, i.near),
        path,
        value: i.value,
        message: `${modelMessage(i.value, i.message)} (${path} is not set in the file: ${showValue(i.value)} is its default)`,
      };
    return { ...positionOf(tree, path), path, value: i.value, message: modelMessage(i.value, i.message) };
  });
}

/** A model check's message in the shape of the others: the value, then what is allowed. */
export function modelMessage(value: unknown, message: string): string {
  if (message.startsWith('allowed')) return `${showValue(value)} is not allowed; ${message}`;
  if (message.includes('allowed: ')) return message;
  return `${showValue(value)} is not allowed; allowed: ${message}`;
}

function emptyMap(tree: MapNode): MapNode {
  return { kind: 'map', pos: tree.pos, entries: [] };
}

function horizonOf(node: TreeNode | undefined, issues: ScenarioIssue[]): { startYear: number; horizonMonths: number } {
  if (node?.kind === 'scalar') return { startYear: DEFAULT_START_YEAR, horizonMonths: Number(node.value) };
  if (node?.kind === 'map') {
    const start = Number(toPlain(child(node, 'startYear') as TreeNode));
    const endNode = child(node, 'endYear') as TreeNode;
    const end = Number(toPlain(endNode));
    if (end < start) {
      issues.push({
        ...endNode.pos,
        path: 'horizon.endYear',
        value: end,
        message: `${end} is before startYear ${start}; allowed: ${start} to ${start + 99}`,
      });
    } else if ((end - start + 1) * 12 > 1200) {
      issues.push({
        ...endNode.pos,
        path: 'horizon.endYear',
        value: end,
        message: `${end} makes the horizon longer than 100 years; allowed: ${start} to ${start + 99}`,
      });
    }
    return { startYear: start, horizonMonths: (end - start + 1) * 12 };
  }
  return { startYear: DEFAULT_START_YEAR, horizonMonths: DEFAULT_HORIZON_MONTHS };
}

/** CBS codes for a list of codes or names, each of which must be in the region. */
function codesOf(list: TreeNode, path: string, index: MunicipalityIndex, issues: ScenarioIssue[]): string[] {
  if (list.kind !== 'seq') return [];
  const codes: string[] = [];
  list.items.forEach((item, k) => {
    const code = codeOf(item, `${path}[${k}]`, index, issues);
    if (code === undefined) return;
    if (codes.includes(code)) {
      issues.push({
        ...item.pos,
        path: `${path}[${k}]`,
        value: toPlain(item),
        message: `${code} is listed twice (by code and name); allowed: each municipality once`,
      });
    } else codes.push(code);
  });
  return codes;
}

function codeOf(
  node: TreeNode,
  path: string,
  index: NameIndex<{ code: string; name: string }>,
  issues: ScenarioIssue[],
): string | undefined {
  const written = String(toPlain(node));
  const found = index.find(written);
  if (!found) issues.push({ ...node.pos, path, value: written, message: index.unknown(written) });
  return found?.code;
}

/** A founder cannot also be a municipality that never joins. */
function checkFoundersRefuse(
  refusers: TreeNode | undefined,
  founders: string[],
  index: MunicipalityIndex,
  issues: ScenarioIssue[],
): void {
  if (refusers?.kind !== 'seq') return;
  refusers.items.forEach((item, k) => {
    const m = index.find(String(toPlain(item)));
    if (m && founders.includes(m.code)) {
      issues.push({
        ...item.pos,
        path: `refusers[${k}]`,
        value: toPlain(item),
        message: `${m.name} (${m.code}) is also a founder (levers.founders); allowed: a municipality that is not a founder`,
      });
    }
  });
}

function historyOf(list: TreeNode, index: MunicipalityIndex, issues: ScenarioIssue[]): HistoryOverride[] {
  if (list.kind !== 'seq') return [];
  const out: HistoryOverride[] = [];
  const pairs = new Set<string>();
  list.items.forEach((item, k) => {
    const path = `history[${k}]`;
    const aNode = child(item, 'a') as TreeNode;
    const bNode = child(item, 'b') as TreeNode;
    const a = codeOf(aNode, `${path}.a`, index, issues);
    const b = codeOf(bNode, `${path}.b`, index, issues);
    if (a === undefined || b === undefined) return;
    const pair = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b) {
      issues.push({
        ...bNode.pos,
        path: `${path}.b`,
        value: toPlain(bNode),
        message: `${b} is the same municipality as a; allowed: two different municipalities`,
      });
    } else if (pairs.has(pair)) {
      issues.push({
        ...item.pos,
        path,
        value: toPlain(item),
        message: `the pair ${a}, ${b} is listed twice; allowed: each pair once`,
      });
    } else {
      pairs.add(pair);
      out.push({ a, b, value: Number(toPlain(child(item, 'value') as TreeNode)) });
    }
  });
  return out;
}
