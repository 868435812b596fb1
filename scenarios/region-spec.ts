/**
 * Turns the `region:` of a scenario file (already checked against the schema) into the chosen
 * municipalities, their adjacency and pool areas, reporting unknown names with suggestions.
 */
import type { NationalData } from '../sim/region-data.js';
import type { ScenarioIssue } from './issues.js';
import { municipalityIndex, provinceIndex, resIndex } from './names.js';
import { customRegion, provinceRegion, type RegionSelection, resRegion, wholeCountry } from './region.js';
import { type SyntheticSpec, syntheticRegion } from './synthetic.js';
import { child, type TreeNode, toPlain } from './yaml-tree.js';

/** The region, or undefined after pushing the reasons to `issues`. */
export function selectRegion(node: TreeNode, data: NationalData, issues: ScenarioIssue[]): RegionSelection | undefined {
  const problem = (at: TreeNode, path: string, message: string): undefined => {
    issues.push({ ...at.pos, path, value: toPlain(at), message });
    return undefined;
  };
  if (node.kind === 'scalar' && node.value === 'national') return wholeCountry(data);

  const res = child(node, 'res');
  if (res?.kind === 'scalar') {
    const found = resIndex(data).find(String(res.value));
    return found ? resRegion(data, found.code) : problem(res, 'region.res', resIndex(data).unknown(String(res.value)));
  }

  const province = child(node, 'province');
  if (province?.kind === 'scalar') {
    const index = provinceIndex(data);
    const found = index.find(String(province.value));
    return found
      ? provinceRegion(data, found.code)
      : problem(province, 'region.province', index.unknown(String(province.value)));
  }

  const list = child(node, 'municipalities');
  if (list?.kind === 'seq') {
    const index = municipalityIndex(data.municipalities);
    const codes: string[] = [];
    const before = issues.length;
    list.items.forEach((item, k) => {
      const m = index.find(String(toPlain(item)));
      if (!m) problem(item, `region.municipalities[${k}]`, index.unknown(String(toPlain(item))));
      else if (codes.includes(m.code))
        problem(
          item,
          `region.municipalities[${k}]`,
          `${m.name} (${m.code}) is listed twice; allowed: each municipality once`,
        );
      else codes.push(m.code);
    });
    return issues.length === before ? customRegion(data, codes, 'custom region') : undefined;
  }

  const synthetic = child(node, 'synthetic');
  if (synthetic?.kind === 'map') {
    const spec = toPlain(synthetic) as SyntheticSpec;
    if (!Array.isArray(spec.sizes) && spec.municipalities === undefined) {
      return problem(
        synthetic,
        'region.synthetic.municipalities',
        'is missing; allowed: 1 to 400 municipalities (needed with a size distribution)',
      );
    }
    if (Array.isArray(spec.sizes) && spec.municipalities !== undefined && spec.municipalities !== spec.sizes.length) {
      const count = child(synthetic, 'municipalities') as TreeNode;
      return problem(
        count,
        'region.synthetic.municipalities',
        `${spec.municipalities} does not match the ${spec.sizes.length} sizes listed; allowed: ${spec.sizes.length}, or leave it out`,
      );
    }
    return syntheticRegion(spec);
  }
  // Anything else was already reported by the schema check.
  return undefined;
}
