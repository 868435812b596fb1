/**
 * How the report names and formats outcomes: a label, a unit for axis titles and a d3 format.
 * The meanings stay in sim/summary.ts (SUMMARY_METRICS) and sim/outputs.ts (REGION_SERIES); this
 * only adds what a reader of a chart needs.
 */
import type { OutcomeSpec } from '../scenarios/outcomes.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { humanise } from './labels.js';

export interface MetricStyle {
  label: string;
  /** Unit for axis titles: "% of the full-pace target", "EUR", "FTE". */
  unit: string;
  /** d3 format for tables and tooltips; shares use percent formats. */
  format: string;
  /** d3 format for axes, without precision so vega picks it from the tick step (no "25% 25% 26%"). */
  axisFormat: string;
  /** True for values shown as percentages. */
  share: boolean;
  /** True when values cannot leave [0, 1] (a t-interval of few runs can; tables cut it there). */
  bounded: boolean;
}

const BOUNDED =
  /^(progress|capacityShare|membershipShare|memberShare|poolSurvived|poolFounded|poolUtilisation|externalSpendShare)/;

/** The outcomes shown in the report's table, distributions and forest plot, in this order. */
export const KEY_METRICS = [
  'progress2030',
  'progress2050',
  'membershipShareEnd',
  'poolSurvived',
  'capacitySharePool',
  'gapFteEnd',
  'costPerDwelling',
  'knowledgeRetainedEnd',
  'equityGap2030',
] as const;

const STYLES: Record<string, Omit<MetricStyle, 'bounded'>> = {
  progress2030: {
    label: 'Progress by end 2030',
    unit: '% of the full-pace target',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  progress2050: {
    label: 'Progress by end 2050',
    unit: '% of the full-pace target',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  progressSmall2030: {
    label: 'Progress 2030, small municipalities',
    unit: '% of target',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  progressLarge2030: {
    label: 'Progress 2030, large municipalities',
    unit: '% of target',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  progressSmall2050: {
    label: 'Progress 2050, small municipalities',
    unit: '% of target',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  progressLarge2050: {
    label: 'Progress 2050, large municipalities',
    unit: '% of target',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  membershipShareEnd: {
    label: 'Pool members at the end',
    unit: '% of municipalities in pool areas',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  poolSurvived: {
    label: 'Founded pools alive at the end',
    unit: '% of founded pools',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  poolFounded: { label: 'Pool founded', unit: '% of runs', format: '.0%', share: true, axisFormat: '%' },
  poolsFormed: { label: 'Pools founded', unit: 'pools per run', format: ',.2f', share: false, axisFormat: ',f' },
  poolLifetimeMonths: { label: 'Pool lifetime', unit: 'months', format: ',.0f', share: false, axisFormat: ',f' },
  poolMembersEnd: {
    label: 'Number of pool members at the end',
    unit: 'municipalities',
    format: ',.1f',
    share: false,
    axisFormat: ',f',
  },
  dwellingsReadyEnd: {
    label: 'Dwellings made ready by the end',
    unit: 'dwellings',
    format: ',.0f',
    share: false,
    axisFormat: ',f',
  },
  capacitySharePool: {
    label: 'Capacity from the pool',
    unit: '% of FTE-months',
    format: '.1%',
    share: true,
    axisFormat: '%',
  },
  capacityShareOwn: {
    label: 'Capacity from own staff',
    unit: '% of FTE-months',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  capacityShareConsultants: {
    label: 'Capacity from consultants',
    unit: '% of FTE-months',
    format: '.0%',
    share: true,
    axisFormat: '%',
  },
  gapFteEnd: { label: 'Staff gap at the end', unit: 'FTE', format: ',.1f', share: false, axisFormat: ',f' },
  costPerDwelling: {
    label: 'Cost per dwelling made ready',
    unit: 'EUR',
    format: ',.0f',
    share: false,
    axisFormat: ',f',
  },
  knowledgeRetainedEnd: {
    label: 'Knowledge retained at the end',
    unit: 'knowledge units',
    format: ',.0f',
    share: false,
    axisFormat: ',f',
  },
  memberShareMean: {
    label: 'Pool members, mean over the run',
    unit: '% of municipalities in pool areas',
    format: '.1%',
    share: true,
    axisFormat: '%',
  },
  poolExits: { label: 'Exits by members', unit: 'exits per run', format: ',.2f', share: false, axisFormat: ',f' },
  poolLateJoiners: {
    label: 'Late joiners',
    unit: 'municipalities per run',
    format: ',.2f',
    share: false,
    axisFormat: ',f',
  },
  trustAmongMembersEnd: {
    label: 'Trust among members at the end',
    unit: 'trust [0, 1]',
    format: '.3f',
    share: false,
    axisFormat: ',f',
  },
  trustInPoolEnd: {
    label: 'Trust of members in their pool at the end',
    unit: 'trust [0, 1]',
    format: '.3f',
    share: false,
    axisFormat: ',f',
  },
  legitimacyEnd: {
    label: 'Legitimacy of membership at the end',
    unit: 'legitimacy [0, 1]',
    format: '.3f',
    share: false,
    axisFormat: ',f',
  },
  externalSpendShare: {
    label: 'Consultant share of staff spending',
    unit: '% of salaries and consultants',
    format: '.1%',
    share: true,
    axisFormat: '%',
  },
  equityGap2030: {
    label: 'Progress gap large − small, 2030',
    unit: 'difference in % of target',
    format: '.1%',
    share: true,
    axisFormat: '%',
  },
};

/** Styles of the batch's outcome columns (declared labels and units), set when a report is built. */
let outcomeStyles = new Map<string, MetricStyle>();

/** A unit or series that reads as a share: formatted as a percentage. */
const SHARE_WORDS = /%|share|progress|utilisation|Survived/i;

/**
 * Registers the labels and units of a batch's outcomes (manifest plan.outcomes) for every chart and
 * table of this report; a metric declared under its own name keeps its format with the new label.
 */
export function setOutcomeStyles(outcomes: readonly OutcomeSpec[]): void {
  outcomeStyles = new Map();
  for (const o of outcomes) {
    const base = o.source.kind === 'metric' ? metricStyle(o.source.metric) : undefined;
    // The horizon's defaults that are metrics keep the report's own labels.
    if (base && !o.declared && o.columns.length === 0) continue;
    const crossing = o.time?.kind === 'window' && o.time.stat === 'firstCrossing';
    const share =
      base?.share ?? (!crossing && o.source.kind === 'series' && SHARE_WORDS.test(`${o.source.series} ${o.unit}`));
    const areas = o.source.kind === 'series' && o.columns.length > 1 ? o.source.areas : [];
    const columns = o.columns.length ? o.columns : [o.source.kind === 'metric' ? o.source.metric : o.name];
    columns.forEach((c, i) => {
      outcomeStyles.set(c, {
        label: areas.length ? `${o.label}, ${areas[i]}` : o.label,
        unit: o.unit,
        format: base?.format ?? (share ? '.1%' : ',.3~f'),
        axisFormat: base?.axisFormat ?? (share ? '%' : ',f'),
        share,
        bounded:
          base?.bounded ?? (share && o.source.kind === 'series' && /progress|Share|utilisation/.test(o.source.series)),
      });
    });
  }
}

/** Style of any summary metric or outcome column: declared outcomes, the table above, else a unit read off its description. */
export function metricStyle(name: string): MetricStyle {
  const declared = outcomeStyles.get(name);
  if (declared) return declared;
  const known = STYLES[name];
  if (known) return { ...known, bounded: BOUNDED.test(name) };
  const description: string = (SUMMARY_METRICS as Record<string, string>)[name] ?? name;
  const unit = /, (EUR|months|units)\b/.exec(description)?.[1];
  const share = /share|Share|progress|Ratio|ratio|utilisation|Survived/.test(name) && !/PerYear/.test(name);
  return {
    label: humanise(name),
    unit:
      unit === 'units' ? 'knowledge units' : (unit ?? (share ? 'share' : /PerYear$/.test(name) ? 'per year' : 'count')),
    format: share ? '.1%' : unit === 'EUR' ? ',.0f' : ',.3~f',
    axisFormat: share ? '%' : ',f',
    share,
    bounded: BOUNDED.test(name),
  };
}

/** Label with unit for an axis title: "Cost per dwelling made ready (EUR)". */
export function axisTitle(name: string): string {
  const s = metricStyle(name);
  return `${s.label} (${s.unit})`;
}
