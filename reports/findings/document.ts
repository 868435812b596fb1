/**
 * docs/FINDINGS.md from the claims and their numbers: per research question the experiments and
 * the commands that repeat them, a forest plot, a table of contrasts with the articles' expectation
 * and the robustness verdict, then each claim with its mechanism and its value at both ends of every
 * assumption it rests on. Every sentence that states a result is built from the numbers.
 */
import { PARAMETERS, type ParameterName } from '../../sim/parameters.js';
import { metricStyle } from '../metrics.js';
import { formatDuration } from '../../workers/progress.js';
import { type Claim, RQ_TITLES, type RQ } from './claims.js';
import type { BatchResult } from './experiments.js';
import { writeForest } from './figure.js';
import { dNum, dShare, mNum, mShare, num, type Stat } from './format.js';
import { outcomeLabel } from './labels.js';
import type { ClaimNumbers } from './robustness.js';
import { articleVerdict, endVerdict, robustnessVerdict } from './verdict.js';

export interface DocumentInput {
  claims: Claim[];
  experiments: Map<string, BatchResult>;
  numbers: Map<string, ClaimNumbers>;
  /** Seconds and runs of the generated robustness plans, over all experiments. */
  robustness: { runs: number; seconds: number; replicates: number };
  figuresDir: string;
  seconds: number;
  threads: number;
  reused: boolean;
  version: string;
}

/** A difference in the claim's own unit: percentage points for shares. */
function diff(metric: string, d: Stat): string {
  const style = metricStyle(metric);
  if (style.share) return dShare(d);
  return dNum(d, digitsFor(d), '');
}
function level(metric: string, s: Stat): string {
  const style = metricStyle(metric);
  // A t-interval of a bounded share can leave [0, 1]; the share itself cannot.
  const clip = (x: number) => (style.bounded ? Math.min(1, Math.max(0, x)) : x);
  if (style.share) return mShare({ mean: s.mean, ciLow: clip(s.ciLow), ciHigh: clip(s.ciHigh) });
  return mNum(s, digitsFor(s), '');
}
/** Enough digits to show the interval: 2 significant digits of its half-width. */
function digitsFor(d: Stat): number {
  const half = Math.abs(d.ciHigh - d.ciLow) / 2;
  if (!Number.isFinite(half) || half === 0) return 2;
  return Math.max(0, Math.min(4, 1 - Math.floor(Math.log10(half))));
}

const unitOf = (metric: string) => (metricStyle(metric).share ? 'pp' : metricStyle(metric).unit);

function experimentLine(e: BatchResult): string {
  return `\`${e.name}.yaml\` (master seed ${e.plan.masterSeed}, ${e.plan.points.length} points × ${e.plan.replicates} runs)`;
}
function command(e: BatchResult): string {
  return `npx regiosim batch scenarios/experiments/${e.name}.yaml --runs ${e.plan.replicates} --out out/${e.name}`;
}

function driverText(name: string): string {
  const p = PARAMETERS[name as ParameterName];
  return `\`${name}\` (${p.description.replace(/\.$/, '')}; ${p.min} to ${p.max} ${p.unit})`;
}

const VERDICT_TEXT = {
  agrees: 'the model agrees',
  disagrees: '**the model disagrees**',
  'not distinguishable': 'the model cannot tell (the interval holds zero)',
  'no expectation': '',
};

function claimSection(c: Claim, n: ClaimNumbers, L: (s?: string) => void): void {
  L(`#### ${c.label}`);
  L();
  const also = n.also.map((a) => `${outcomeLabel(a.metric)} ${diff(a.metric, a.d)}`).join('; ');
  L(
    `- **Result.** ${outcomeLabel(c.metric)}: ${level(c.metric, n.base)} at the baseline, ${level(c.metric, n.variant)} in the variant; paired difference ${diff(c.metric, n.main)} (${unitOf(c.metric)}, ${n.main.pairs} pairs).${also ? ` Also: ${also}.` : ''}`,
  );
  L(`- **Mechanism.** ${c.mechanism}`);
  if (c.expectation) {
    const v = articleVerdict(c.expectation.sign, n.main);
    L(`- **Articles.** ${c.expectation.text} Against this, ${VERDICT_TEXT[v]}.`);
  }
  if (n.checks.length === 0) {
    L("- **Assumptions.** Not re-run at the ends of its assumptions (see the RQ's lead contrast).");
  } else {
    L('- **At both ends of the assumptions it rests on** (same seeds, everything else as above):');
    L();
    L('  | Assumption | Low end | Difference there | High end | Difference there | Verdict |');
    L('  |---|---|---|---|---|---|');
    for (const k of n.checks) {
      const ends = [endVerdict(n.main, k.atLow), endVerdict(n.main, k.atHigh)];
      const verdict = ends[0] === ends[1] ? ends[0] : `${ends[0]} / ${ends[1]}`;
      L(
        `  | ${driverText(k.driver)} | ${k.low} | ${diff(c.metric, k.atLow)} | ${k.high} | ${diff(c.metric, k.atHigh)} | ${verdict} |`,
      );
    }
  }
  L();
}

function robustnessWord(n: ClaimNumbers): string {
  return robustnessVerdict(n.checks.flatMap((k) => [endVerdict(n.main, k.atLow), endVerdict(n.main, k.atHigh)]));
}

export async function findingsDocument(input: DocumentInput): Promise<string> {
  const out: string[] = [];
  const L = (s = ''): void => {
    out.push(s);
  };
  const { claims, experiments, numbers } = input;
  const get = (c: Claim) => numbers.get(c.id)!;
  const mainRuns = [...experiments.values()].reduce((s, e) => s + e.runs, 0);

  L('# Findings: the research questions answered with regiosim');
  L();
  L(
    '<!-- Generated by `npm run findings` (scripts/findings.ts, reports/findings/) from the shipped experiments; do not edit by hand. -->',
  );
  L();
  L(
    `This document answers the research questions RQ1-RQ7 ([ODD section 1.1](ODD.md#11-purpose); they come from the design brief, MODEL.md, which is not part of this repository) with model v2 (docs/ODD.md) and the experiments shipped in \`scenarios/experiments/\`. Each answer is a declared contrast (\`reports/findings/claims.ts\`): what is compared, on which outcome, the mechanism in the model that produces it, what the Platform31 articles expect, and the assumption-tagged parameters it rests on. \`npm run findings\` fills in every number from fresh batches on the experiments' own master seeds: ${experiments.size} experiments, ${num(mainRuns)} runs, and ${num(input.robustness.runs)} runs more at the ends of the assumptions; the batches took ${formatDuration(input.seconds)} on ${input.threads} threads.`,
  );
  L();
  L(
    '**How to read the numbers.** A level is the mean over the runs of one point with its 95% interval in brackets. A difference is paired: each run of the variant minus the run of the baseline with the same seed (same crises, quarrels, entrants), averaged, with its 95% t-interval (`reports/stats/paired-difference.ts`). Differences of shares are in percentage points (pp). "The model cannot tell" means the interval holds zero at this number of runs: no evidence either way, not evidence of no effect. Progress is dwellings made ready as a share of what a fully staffed region would have made ready by then. Unless a sweep says otherwise, runs use high labour scarcity and the registry defaults (the [parameter table](ODD.md#parameters)) as calibrated in docs/CALIBRATION.md.',
  );
  L();
  L(
    `**Assumptions.** For every claim that names its drivers, the same contrast is re-run with each driver at the bottom and at the top of its registry range (${input.robustness.replicates} runs per point, the experiment's seeds). *holds*: the difference keeps its sign and stays distinguishable; *fades*: it is no longer distinguishable from zero; *reverses*: it changes sign; *appears*: a difference the default does not show becomes distinguishable. A claim is *robust* only if it holds at every end.`,
  );
  L();

  // ---- at a glance
  L('## The answers at a glance');
  L();
  L('| RQ | Contrast | Outcome | Difference [95% CI] | Articles | Model vs articles | Assumptions |');
  L('|---|---|---|---|---|---|---|');
  for (const c of claims) {
    const n = get(c);
    const expected = c.expectation
      ? c.expectation.sign > 0
        ? 'up'
        : c.expectation.sign < 0
          ? 'down'
          : 'no effect'
      : '–';
    const verdict = articleVerdict(c.expectation?.sign, n.main);
    L(
      `| ${c.rq} | ${c.label} | ${outcomeLabel(c.metric)} | ${diff(c.metric, n.main)} | ${expected} | ${verdict === 'no expectation' ? '–' : verdict} | ${robustnessWord(n)} |`,
    );
  }
  L();

  // ---- per research question
  const rqs = [...new Set(claims.map((c) => c.rq))] as RQ[];
  for (const rq of rqs) {
    const own = claims.filter((c) => c.rq === rq);
    const names = [...new Set(own.map((c) => c.experiment))];
    L(`## ${RQ_TITLES[rq]}`);
    L();
    L(
      `**Experiments.** ${names.map((e) => experimentLine(experiments.get(e)!)).join('; ')}. To repeat (then \`npx regiosim report out/<name>\` for every chart and table):`,
    );
    L();
    L('```sh');
    for (const e of names) L(command(experiments.get(e)!));
    L('```');
    L();
    const source = `regiosim ${input.version} · ${names.map((e) => experimentLine(experiments.get(e)!).replace(/`/g, '')).join('; ')} · CBS Gebieden in Nederland 2024, CC BY 4.0`;
    const figure = await writeForest(
      `findings-${rq.toLowerCase()}`,
      RQ_TITLES[rq],
      own.map((c) => ({ claim: c, d: get(c).main })),
      source,
      input.figuresDir,
    );
    L(`![${rq}](${figure})`);
    L();
    for (const c of own) claimSection(c, get(c), L);
  }

  // ---- agreement with the sources
  L('## Where the model agrees with the source articles, and where it does not');
  L();
  L('Computed from the contrasts above that carry an expectation from the articles.');
  L();
  const withExpectation = claims.filter((c) => c.expectation);
  for (const v of ['agrees', 'disagrees', 'not distinguishable'] as const) {
    const rows = withExpectation.filter((c) => articleVerdict(c.expectation!.sign, get(c).main) === v);
    L(
      `**${v === 'agrees' ? 'Agrees' : v === 'disagrees' ? 'Disagrees' : 'Cannot tell'}** (${rows.length} of ${withExpectation.length}):`,
    );
    L();
    if (rows.length === 0) L('- none');
    for (const c of rows)
      L(
        `- ${c.label} (${c.rq}): ${c.expectation!.text} Model: ${diff(c.metric, get(c).main)} on ${outcomeLabel(c.metric).toLowerCase()}.`,
      );
    L();
  }
  L(
    'Where the model disagrees, the mechanism named with the claim is why; the assumption table shows whether the disagreement rests on an uncalibrated parameter. Such rows are the first candidates for an empirical check, not evidence against the articles.',
  );
  L();
  L('## Claims of the v1 findings that are no longer made');
  L();
  L(
    'The mechanism review of model v1 (December 2026) showed several v1 answers to be artefacts of bookkeeping; model v2 removed the artefacts, and these claims are not carried over. Each question is asked again above, and the answer is whatever the v2 numbers say.',
  );
  L();
  for (const line of V1_ARTEFACTS) L(`- ${line}`);
  L();

  // ---- regeneration
  L('## Regeneration');
  L();
  L(
    `\`npm run findings\` builds the project, runs the experiments through the batch engine (\`workers/engine.ts\`, ${input.threads} worker threads, runs.csv only) into \`out/findings/<experiment>/\`, then one generated plan per experiment with the robustness points (\`out/findings/robustness-<experiment>/\`), and rewrites this file and \`docs/figures/findings-rq*.svg\`. \`--reuse\` skips batches that are complete. Replicate i keeps its seed whatever the number of replicates, so the first runs of each batch are the shipped experiment's.`,
  );
  L();
  L('| Experiment | Points × replicates | Runs | Seconds |');
  L('|---|---|---|---|');
  for (const e of experiments.values())
    L(`| \`${e.name}\` | ${e.plan.points.length} × ${e.plan.replicates} | ${num(e.runs)} | ${num(e.seconds)} |`);
  L(`| robustness plans | | ${num(input.robustness.runs)} | ${num(input.robustness.seconds)} |`);
  L();
  return out.join('\n');
}

const V1_ARTEFACTS = [
  '"Without a sponsor no pool survives": every unsponsored v1 pool died in month 11 because fees were set on zero staff at founding.',
  '"A multi-domain scope keeps members and pools alive whatever the demand": other-domain income protected the reserve whatever its size.',
  '"Framing does not matter": framing never reached staying in v1.',
  '"Counting knowledge received keeps members": knowledge was worth about 5% of hours; the effect came from counting others\' hours.',
  '"The cost of central push is autonomy aversion": it came from one not-invented-here multiplier on hours.',
  '"Trust-building alone does not keep members": no trust variable reached staying in v1.',
  '"Late joiners follow success": the success signal was nearly constant; late joining was conformity.',
  '"Pool local staff too": about half came from local knowledge that travelled between municipalities.',
  '"The extra risk of a big start": it came from the number of founders, not the size of the team.',
];
