/**
 * The report (scenario changes, maps of batches without a municipalities table) and `run --from`
 * need the scenarios' full model inputs, which the manifest records as SHA-256 hashes. They come
 * from the plan the batch kept in inputs/points.json (workers/provenance.ts), or, for batches made
 * before it, are rebuilt from the recorded arguments with the batch command's own plan builder; either
 * is accepted only if every hash matches, so nothing shows a scenario other than the one the batch ran.
 */
import { buildPlan } from '../../scenarios/build-plan.js';
import { sha256Text } from '../../store/manifest.js';
import { loadNationalData } from '../../data/load.js';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import type { BatchInfo } from '../read/manifest.js';
import { changedOriginals, keptInputsNote, readKeptPlan } from '../../workers/provenance.js';

export interface RecoveredPlan {
  plan?: ExperimentPlan;
  /** Set when the plan came from the batch's kept inputs because the original files moved or changed. */
  note?: string;
  /** Why there is no plan, when there is none. */
  reason?: string;
}

/** Checks that a plan's inputs are the ones the manifest hashed. */
export function checkPlanAgainstManifest(plan: ExperimentPlan, info: BatchInfo): string | undefined {
  const hashes = new Map(info.inputs.map((i) => [i.name, i.sha256]));
  for (const mp of info.points) {
    const p = plan.points.find((q) => q.id === mp.id);
    if (!p) return `point ${mp.id} is not in the rebuilt plan`;
    const want = hashes.get(`model-input:${mp.id}`);
    if (!want) return `manifest.json has no hash of the input of ${mp.id}`;
    if (sha256Text(JSON.stringify(p.input)) !== want)
      return `the scenario ${mp.scenario} rebuilt today differs from the one the batch ran (its files or the model's defaults changed)`;
  }
  return undefined;
}

export function recoverPlan(info: BatchInfo): RecoveredPlan {
  // The plan the batch kept (workers/provenance.ts), checked against the manifest's hashes.
  const kept = readKeptPlan(info.dir);
  if (kept && checkPlanAgainstManifest(kept, info) === undefined) {
    const changed = changedOriginals(info.dir);
    return changed.length
      ? { plan: kept, note: keptInputsNote(info.dir, 'the original files moved or changed') }
      : { plan: kept };
  }
  const refs = info.arguments.refs;
  if (!Array.isArray(refs) || !refs.every((r) => typeof r === 'string'))
    return { reason: 'manifest.json does not record the scenario references (arguments.refs)' };
  let plan: ExperimentPlan;
  try {
    plan = buildPlan(refs as string[], loadNationalData(), {
      replicates: info.replicates,
      masterSeed: info.masterSeed,
    }).plan;
  } catch (e) {
    return {
      reason: `the scenarios ${refs.join(', ')} could not be read again (${(e as Error).message.split('\n')[0]})`,
    };
  }
  const problem = checkPlanAgainstManifest(plan, info);
  return problem ? { reason: problem } : { plan };
}
