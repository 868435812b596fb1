/**
 * The findings as declared contrasts (in the EMA Workbench spirit: what is compared, on which
 * outcome, why the model produces it, what the articles expect, and which assumption-tagged
 * parameters it rests on). The document fills in every number; nothing here states a result.
 */

export type RQ = 'RQ1' | 'RQ2' | 'RQ3' | 'RQ4' | 'RQ5' | 'RQ6' | 'RQ7';

export interface PointRef {
  scenario: string;
  sweep?: Record<string, string | number>;
  /** Parameter overrides: the contrast is then run apart from the experiment's batch. */
  parameters?: Record<string, number>;
}

export interface Claim {
  id: string;
  rq: RQ;
  experiment: string;
  label: string;
  baseline: PointRef;
  variant: PointRef;
  /** The outcome the claim is about; robustness is checked on it. */
  metric: string;
  /** Further outcomes shown beside it. */
  also?: string[];
  /** How the model produces the contrast (its mechanisms, not its result). */
  mechanism: string;
  /** The articles' expectation on `metric`: +1 up, −1 down, 0 no effect expected. */
  expectation?: { text: string; sign: 1 | -1 | 0 };
  /** Assumption-tagged parameters the contrast rests on, re-run at both ends of their range. */
  drivers: string[];
}

const high = { scarcity: 'high' };
const MEMBERS = 'memberShareMean';

const rq1: Claim[] = [
  ...(['low', 'medium', 'high', 'extreme'] as const).map(
    (level): Claim => ({
      id: `rq1-small-vs-none-${level}`,
      rq: 'RQ1',
      experiment: 'rq1-start-size-by-scarcity',
      label: `Start small (3 founders, team of 4) vs no pool, ${level} scarcity`,
      baseline: { scenario: 'drenthe-none', sweep: { scarcity: level } },
      variant: { scenario: 'drenthe-start-small', sweep: { scarcity: level } },
      metric: 'progress2050',
      also: ['progress2030', 'staffOwnEnd'],
      mechanism:
        "The pool hires from the same labour market as its members; it adds capacity where it turns fractions of need into whole posts (indivisibility), draws people who would not take a municipal job (variety, a province employer) and brokers knowledge; it moves capacity where it recruits members' own staff.",
      drivers: level === 'high' ? ['poolOutsideFillPerMonth', 'specialismCoverageScale'] : [],
    }),
  ),
  ...(['low', 'medium', 'high', 'extreme'] as const).map(
    (level): Claim => ({
      id: `rq1-big-vs-small-${level}`,
      rq: 'RQ1',
      experiment: 'rq1-start-size-by-scarcity',
      label: `Start big (most of the region, team of 12) vs start small, ${level} scarcity`,
      baseline: { scenario: 'drenthe-start-small', sweep: { scarcity: level } },
      variant: { scenario: 'drenthe-start-big', sweep: { scarcity: level } },
      metric: MEMBERS,
      also: ['progress2050', 'poolSurvived', 'poolExits'],
      mechanism:
        'A big start puts many members and a big team in at once: members leave when requests go unserved (trust in the pool falls two to four times faster than it grows) and stay when the team can serve them (specialism coverage, fewer unmet requests); a small start adds members only as willing late joiners.',
      expectation: {
        text: 'Seed 2025: starting small looks less risky; under persistent structural shortage the risk of starting big is limited.',
        sign: -1,
      },
      drivers: level === 'high' ? ['trustLossRatio', 'stayPoolTrustWeight'] : [],
    }),
  ),
  {
    id: 'rq1-team',
    rq: 'RQ1',
    experiment: 'rq1-founders-vs-team',
    label: 'Big team (12) vs small team (4), both with 3 founders, high scarcity',
    baseline: { scenario: 'drenthe-start-small', sweep: high },
    variant: { scenario: 'drenthe-few-founders-big-team', sweep: high },
    metric: MEMBERS,
    also: ['progress2050', 'poolExits', 'trustInPoolEnd'],
    mechanism:
      'A bigger team serves more requests (fewer unserved months, so trust in the pool grows), covers more specialisms (specialism coverage) and spreads the fixed overhead; it costs more in fees and is harder to fill under scarcity.',
    expectation: {
      text: 'Seed 2025: a team too small in scale cannot deliver; "do not make it too small" (D7).',
      sign: 1,
    },
    drivers: ['specialismCoverageScale', 'trustLossRatio'],
  },
  {
    id: 'rq1-founders',
    rq: 'RQ1',
    experiment: 'rq1-founders-vs-team',
    label: 'Many founders vs 3 founders, both with a team of 4, high scarcity',
    baseline: { scenario: 'drenthe-start-small', sweep: high },
    variant: { scenario: 'drenthe-many-founders-small-team', sweep: high },
    metric: MEMBERS,
    also: ['progress2050', 'poolExits', 'trustInPoolEnd'],
    mechanism:
      'More founders share the same small team: more requests wait, trust in the pool falls and less willing founders leave at their first renewal; fewer founders leave room for late joiners who chose to come.',
    expectation: {
      text: 'Seed 2025: starting with the willing few is less risky than starting with everyone.',
      sign: -1,
    },
    drivers: ['trustLossRatio', 'stayPoolTrustWeight'],
  },
];

const rq2: Claim[] = [
  ...([0.2, 0.4, 0.6] as const).map(
    (aversion): Claim => ({
      id: `rq2-push-${aversion}`,
      rq: 'RQ2',
      experiment: 'rq2-governance-drenthe',
      label: `Central push vs demand-pull, Drenthe, autonomy aversion ${aversion}`,
      baseline: { scenario: 'drenthe-flexteam', sweep: { autonomyAversionMean: aversion } },
      variant: { scenario: 'drenthe-central-push', sweep: { autonomyAversionMean: aversion } },
      metric: MEMBERS,
      also: ['progress2050', 'legitimacyEnd', 'poolExits'],
      mechanism:
        'Push raises the ownership cost (autonomy aversion × formality, in the join and the stay utility, never adapted away), lowers legitimacy (the council did not ask for the work) and starts trust lower (a start wrapped in rules); it also assigns staff by regional priority without waiting for requests, which can raise output.',
      expectation: {
        text: 'Both articles: work pushed from the centre is not owned; demand-pull (the Drenthe menu card) keeps members.',
        sign: -1,
      },
      drivers: aversion === 0.4 ? ['autonomyWeight', 'legitimacyPenaltyPush'] : [],
    }),
  ),
  {
    id: 'rq2-push-progress',
    rq: 'RQ2',
    experiment: 'rq2-governance-drenthe',
    label: 'Central push vs demand-pull, Drenthe, autonomy aversion 0.4: progress',
    baseline: { scenario: 'drenthe-flexteam', sweep: { autonomyAversionMean: 0.4 } },
    variant: { scenario: 'drenthe-central-push', sweep: { autonomyAversionMean: 0.4 } },
    metric: 'progress2050',
    also: ['progress2030', 'ftePoolMean'],
    mechanism:
      'Progress moves with the pool capacity that reaches members: push serves the largest relative backlog first and asks no minimum request, but loses members (and so fee income and the reason to grow the team).',
    drivers: ['autonomyWeight', 'formalityCentralPush'],
  },
  {
    id: 'rq2-drechtsteden',
    rq: 'RQ2',
    experiment: 'rq2-governance-drechtsteden',
    label: 'Regional director (push) vs demand-pull, Drechtsteden',
    baseline: { scenario: 'drechtsteden-demand-pull' },
    variant: { scenario: 'drechtsteden-regioregisseur' },
    metric: MEMBERS,
    also: ['progress2050', 'legitimacyEnd'],
    mechanism:
      'As in Drenthe: ownership cost and legitimacy against targeted allocation, in a region of 7 with a shared history.',
    expectation: { text: 'Both articles: ownership matters more than central steering.', sign: -1 },
    drivers: [],
  },
];

const rq3: Claim[] = [
  {
    id: 'rq3-history',
    rq: 'RQ3',
    experiment: 'rq3-trust-history-autonomy',
    label: 'Bad shared history between neighbours vs the Drenthe default, aversion 0.4',
    baseline: { scenario: 'drenthe-flexteam', sweep: { autonomyAversionMean: 0.4 } },
    variant: { scenario: 'drenthe-quarrel-history', sweep: { autonomyAversionMean: 0.4 } },
    metric: MEMBERS,
    also: ['trustAmongMembersEnd', 'poolExits'],
    mechanism:
      "Shared history sets the trust prior between municipalities (and the join utility's history term); trust in co-members enters the stay utility, and deep negative history cannot be talked out.",
    expectation: { text: 'Seed 2025: collaboration builds on trust and good earlier experience.', sign: -1 },
    drivers: ['trustHistoryWeight', 'stayMemberTrustWeight'],
  },
  {
    id: 'rq3-aversion',
    rq: 'RQ3',
    experiment: 'rq3-trust-history-autonomy',
    label: 'Autonomy aversion 0.7 vs 0.2 (Drenthe, demand-pull)',
    baseline: { scenario: 'drenthe-flexteam', sweep: { autonomyAversionMean: 0.2 } },
    variant: { scenario: 'drenthe-flexteam', sweep: { autonomyAversionMean: 0.7 } },
    metric: MEMBERS,
    also: ['poolExits', 'progress2050'],
    mechanism:
      'Aversion raises the ownership cost in joining and staying, scaled by formality (low under demand-pull).',
    expectation: { text: 'Both articles: municipalities guard their autonomy; it holds collaboration back.', sign: -1 },
    drivers: ['autonomyWeight', 'formalityDemandPull'],
  },
  {
    id: 'rq3-refuser',
    rq: 'RQ3',
    experiment: 'rq3-trust-history-autonomy',
    label: 'The largest municipality refuses vs the Drenthe default, aversion 0.4',
    baseline: { scenario: 'drenthe-flexteam', sweep: { autonomyAversionMean: 0.4 } },
    variant: { scenario: 'drenthe-largest-refuses', sweep: { autonomyAversionMean: 0.4 } },
    metric: 'progress2050',
    also: [MEMBERS, 'poolStaffMean'],
    mechanism: 'Without the largest member the pool has less fee income and demand; the refuser keeps its own staff.',
    drivers: [],
  },
  {
    id: 'rq3-success',
    rq: 'RQ3',
    experiment: 'rq1-start-size-by-scarcity',
    label: 'Late joiners follow success: success weight 3 vs 0 (start small, high scarcity)',
    baseline: { scenario: 'drenthe-start-small', sweep: high, parameters: { successWeight: 0 } },
    variant: { scenario: 'drenthe-start-small', sweep: high, parameters: { successWeight: 3 } },
    // The count of late joiners saturates (in Drenthe every non-founder joins in the end), so the
    // claim is on how fast they come: the mean member share over the run.
    metric: MEMBERS,
    also: ['poolLateJoiners', 'poolExits'],
    mechanism:
      "Non-members see the members' mean net benefit over the last year (the success signal, which moves with what the pool delivers) and weigh it in the join utility; conformity with neighbours acts beside it.",
    expectation: {
      text: 'The design brief (section 3.7) and both articles: late joiners follow visible success.',
      sign: 1,
    },
    drivers: ['satisfactionScale'],
  },
  {
    id: 'rq3-quarrels',
    rq: 'RQ3',
    experiment: 'recall-and-talk-it-out',
    label: 'Frequent quarrels (0.03 per pair-year) vs rare ones (0.005)',
    baseline: { scenario: 'drenthe-flexteam', sweep: { quarrelPerPairPerYear: 0.005 } },
    variant: { scenario: 'drenthe-flexteam', sweep: { quarrelPerPairPerYear: 0.03 } },
    metric: MEMBERS,
    also: ['trustAmongMembersEnd', 'poolExits'],
    mechanism:
      'A quarrel cuts dyadic trust and, while unresolved, weighs on staying (stayQuarrelPenalty) for both members.',
    expectation: {
      text: 'Seed 2025: interpersonal quarrels between administrators can break a collaboration.',
      sign: -1,
    },
    drivers: ['stayQuarrelPenalty', 'quarrelTrustDrop'],
  },
  {
    id: 'rq3-talk',
    rq: 'RQ3',
    experiment: 'recall-and-talk-it-out',
    label: 'Talk it out vs not, frequent quarrels (0.03)',
    baseline: { scenario: 'drenthe-flexteam', sweep: { quarrelPerPairPerYear: 0.03 } },
    variant: { scenario: 'drenthe-talk-it-out', sweep: { quarrelPerPairPerYear: 0.03 } },
    metric: MEMBERS,
    also: ['trustAmongMembersEnd', 'poolExits'],
    mechanism: 'Talking it out resolves quarrels faster, except where history is deeply negative.',
    expectation: { text: 'Seed 2025: talking it out helps, unless history is deeply negative.', sign: 1 },
    drivers: ['talkItOutResolvePerMonth', 'stayQuarrelPenalty'],
  },
  {
    id: 'rq3-recall',
    rq: 'RQ3',
    experiment: 'recall-and-talk-it-out',
    label: 'Crisis recall forbidden vs allowed (quarrels 0.012)',
    baseline: { scenario: 'drenthe-flexteam', sweep: { quarrelPerPairPerYear: 0.012 } },
    variant: { scenario: 'drenthe-recall-forbidden', sweep: { quarrelPerPairPerYear: 0.012 } },
    metric: 'trustAmongMembersEnd',
    also: [MEMBERS, 'progress2050'],
    mechanism:
      'A member in crisis may pull pool staff home; members left unserved then blame it (dyadic trust) and the pool (institutional trust), and both enter the stay utility. Recalled staff no longer count as use.',
    expectation: { text: 'Seed 2025: pulling shared staff home in a local crisis damages trust.', sign: 1 },
    drivers: ['crisisRecallShare', 'stayMemberTrustWeight'],
  },
];

const rq4: Claim[] = [
  {
    id: 'rq4-local',
    rq: 'RQ4',
    experiment: 'rq4-what-to-pool',
    label: 'Pool local staff too vs specialists and process staff only',
    baseline: { scenario: 'drenthe-flexteam' },
    variant: { scenario: 'drenthe-pool-local' },
    metric: 'progress2050',
    also: [MEMBERS, 'legitimacyEnd', 'knowledgeLocalEnd'],
    mechanism:
      'Pooled local staff add capacity where local work is short, but an outsider works at the local-fit floor until the pool has learned that place (its local knowledge does not travel), and outsiders doing local work cost legitimacy with residents.',
    expectation: {
      text: 'Seed 2025: specialist and process knowledge pool well; local field knowledge does not.',
      sign: -1,
    },
    drivers: ['localFitFloor', 'residentCostWeight'],
  },
  {
    id: 'rq4-specialists',
    rq: 'RQ4',
    experiment: 'rq4-what-to-pool',
    label: 'Pool specialists only vs specialists and process staff',
    baseline: { scenario: 'drenthe-flexteam' },
    variant: { scenario: 'drenthe-pool-specialists' },
    metric: 'progress2050',
    also: [MEMBERS],
    mechanism:
      'Process staff are the role in shortest supply in execution (Drenthe D5); specialists gain most from team coverage.',
    drivers: ['specialismCoverageScale'],
  },
];

const premium = { consultantPremium: 1.8 };
const rq5: Claim[] = [
  {
    id: 'rq5-knowledge',
    rq: 'RQ5',
    experiment: 'rq5-pool-vs-consultants',
    label: 'Flexpool vs no pool: knowledge retained in the region',
    baseline: { scenario: 'drenthe-none', sweep: premium },
    variant: { scenario: 'drenthe-flexteam', sweep: premium },
    metric: 'knowledgeRetainedEnd',
    also: ['externalSpendShare', 'costPerDwelling'],
    mechanism:
      "Pool staff leave a larger share of what their work teaches in the member (poolTransfer against consultantTransfer), the pool keeps a collective memory, and brokerage opens co-members' knowledge; consultants take most of theirs with them.",
    expectation: {
      text: 'Both articles and WRR 2023: hiring externals lets knowledge leave; pooling keeps it.',
      sign: 1,
    },
    drivers: ['poolTransfer', 'brokeragePerMonth'],
  },
  {
    id: 'rq5-external',
    rq: 'RQ5',
    experiment: 'rq5-pool-vs-consultants',
    label: 'Flexpool vs no pool: external share of spending',
    baseline: { scenario: 'drenthe-none', sweep: premium },
    variant: { scenario: 'drenthe-flexteam', sweep: premium },
    metric: 'externalSpendShare',
    also: ['fteConsultantsMean', 'costPerDwelling'],
    mechanism:
      'Members ask the pool before consultants are ordered for what is left; fees are not counted as external spending.',
    expectation: { text: 'Both articles: a pool reduces dependence on consultants.', sign: -1 },
    drivers: ['consultantScarcityMarkup', 'maxRequestFte'],
  },
  {
    id: 'rq5-light',
    rq: 'RQ5',
    experiment: 'rq5-pool-vs-consultants',
    label: 'Joint procurement (light) vs no pool: knowledge retained',
    baseline: { scenario: 'drenthe-none', sweep: premium },
    variant: { scenario: 'drenthe-light', sweep: premium },
    metric: 'knowledgeRetainedEnd',
    also: ['costPerDwelling', 'externalSpendShare'],
    mechanism:
      'Joint procurement lowers consultant prices but the knowledge still leaves with them; only brokerage adds.',
    expectation: {
      text: 'The design brief (section 2): joint procurement lowers the price, knowledge still leaves.',
      sign: 0,
    },
    drivers: [],
  },
];

const sponsor5 = { sponsorYears: 5 };
const rq6: Claim[] = [
  {
    id: 'rq6-framing',
    rq: 'RQ6',
    experiment: 'rq6-framing-funding-scope',
    label: 'Efficiency framing vs knowledge-and-talent framing',
    baseline: { scenario: 'drenthe-flexteam', sweep: sponsor5 },
    variant: { scenario: 'drenthe-efficiency-framing', sweep: sponsor5 },
    metric: MEMBERS,
    also: ['poolSurvived', 'progress2050', 'poolExits'],
    mechanism:
      'Efficiency framing promises a saving on pool hours against consultants (efficiencyPromise); a member whose realised saving falls short is disappointed and that weighs on staying; under it knowledge counts less when members evaluate broadly.',
    expectation: {
      text: 'Seed 2023: an efficiency frame raises expectations that are not met; a knowledge-and-talent frame lasts.',
      sign: -1,
    },
    drivers: ['disappointmentWeight', 'efficiencyPromise'],
  },
  {
    id: 'rq6-broad',
    rq: 'RQ6',
    experiment: 'rq6-framing-funding-scope',
    label: 'Broad evaluation (knowledge and regional value count) vs narrow',
    baseline: { scenario: 'drenthe-flexteam', sweep: sponsor5 },
    variant: { scenario: 'drenthe-broad-evaluation', sweep: sponsor5 },
    metric: MEMBERS,
    also: ['poolExits', 'poolSurvived'],
    mechanism:
      "Under broad evaluation knowledge received (valued at knowledgeValueFactor) and a share of others' value count in the net benefit.",
    expectation: {
      text: 'D7: avoid evaluating the pool transactionally; shared value exceeds the assignments.',
      sign: 1,
    },
    drivers: ['knowledgeValueFactor', 'regionalValueWeight'],
  },
  {
    id: 'rq6-sponsor',
    rq: 'RQ6',
    experiment: 'rq6-framing-funding-scope',
    label: 'No sponsor vs 5 sponsor years',
    baseline: { scenario: 'drenthe-flexteam', sweep: sponsor5 },
    variant: { scenario: 'drenthe-flexteam', sweep: { sponsorYears: 0 } },
    metric: MEMBERS,
    also: ['poolSurvived', 'poolStaffMean', 'progress2050'],
    mechanism:
      'Without a sponsor members pay the planned team from the start (higher fees against the same service) and the team is recruited through vacancies instead of being in post at founding.',
    expectation: {
      text: 'Seed 2023: the SpUk and province money makes the start possible; D7: 3-5 years rather than 2.',
      sign: -1,
    },
    drivers: ['joinFeeWeight', 'satisfactionScale'],
  },
  {
    id: 'rq6-multi',
    rq: 'RQ6',
    experiment: 'rq6-framing-funding-scope',
    label: 'Multi-domain scope vs heat only (Drenthe)',
    baseline: { scenario: 'drenthe-flexteam', sweep: sponsor5 },
    variant: { scenario: 'drenthe-multi-domain', sweep: sponsor5 },
    metric: MEMBERS,
    also: ['poolUtilisationMean', 'poolStaffMean', 'progress2050'],
    mechanism:
      'Other domains use idle pool time (process staff fully, specialists partly) and pay for it at the usage price; it only acts when members leave capacity idle.',
    expectation: {
      text: 'Seed 2025: a wider scope uses process skills across domains and steadies the pool.',
      sign: 1,
    },
    drivers: ['multiDomainDemand', 'crossDomainSpecialistShare'],
  },
  {
    id: 'rq6-multi-twente',
    rq: 'RQ6',
    experiment: 'rq6-province-team',
    label: 'Multi-domain vs heat only, Twente expert team, 3 sponsor years',
    baseline: { scenario: 'twente-expert-team', sweep: { sponsorYears: 3, scope: 'heat' } },
    variant: { scenario: 'twente-expert-team', sweep: { sponsorYears: 3, scope: 'multi' } },
    metric: MEMBERS,
    also: ['poolUtilisationMean', 'poolSurvived'],
    mechanism: 'As above, in a region where members ask less of the pool.',
    expectation: { text: 'Seed 2025: a wider scope steadies the pool.', sign: 1 },
    drivers: [],
  },
];

const rq7: Claim[] = [
  {
    id: 'rq7-small',
    rq: 'RQ7',
    experiment: 'rq7-small-vs-large',
    label: 'Flexteam vs no pool: small municipalities (< 50,000)',
    baseline: { scenario: 'drenthe-none' },
    variant: { scenario: 'drenthe-flexteam' },
    metric: 'progressSmall2050',
    also: ['progressSmall2030'],
    mechanism:
      'Small municipalities have fractional needs they cannot fill with a post (indivisibility), single specialists who cover few specialisms, and ask the pool for whole tasks; the pool recruits in the pond where large municipalities hold most staff.',
    expectation: { text: 'Seed 2023: the small municipalities, where the shortage bites hardest, gain most.', sign: 1 },
    drivers: ['minPostFte', 'soleSpecialistCoverage'],
  },
  {
    id: 'rq7-large',
    rq: 'RQ7',
    experiment: 'rq7-small-vs-large',
    label: 'Flexteam vs no pool: large municipalities (≥ 50,000)',
    baseline: { scenario: 'drenthe-none' },
    variant: { scenario: 'drenthe-flexteam' },
    metric: 'progressLarge2050',
    also: ['progressLarge2030'],
    mechanism:
      'Large municipalities ask the pool too, but lose staff to it (variety, a province employer) in a shared pond.',
    drivers: ['varietyWeight', 'breadthWeight'],
  },
  {
    id: 'rq7-small-first',
    rq: 'RQ7',
    experiment: 'rq7-small-vs-large',
    label: 'Small-first allocation vs first come first served: small municipalities',
    baseline: { scenario: 'drenthe-flexteam' },
    variant: { scenario: 'drenthe-small-first' },
    metric: 'progressSmall2050',
    also: ['progressLarge2050', MEMBERS],
    mechanism: 'When requests exceed capacity, the smallest members are served first.',
    drivers: [],
  },
  {
    id: 'rq7-national',
    rq: 'RQ7',
    experiment: 'national',
    label: 'A flexpool in every RES region vs none, the whole country',
    baseline: { scenario: 'national-none' },
    variant: { scenario: 'national-flexpools' },
    metric: 'progress2050',
    also: ['staffOwnEnd', 'fteConsultantsMean', 'ftePoolMean', 'progressSmall2050', 'progressLarge2050'],
    mechanism:
      'Nationally there is one labour market: capacity a pool creates (whole posts from fractions, people who would have left the sector) adds up; capacity it moves from members and neighbours does not.',
    expectation: { text: 'Seed 2023: pooling scarce staff helps the region as a whole.', sign: 1 },
    drivers: [],
  },
];

export const CLAIMS: Claim[] = [...rq1, ...rq2, ...rq3, ...rq4, ...rq5, ...rq6, ...rq7];

export const RQ_TITLES: Record<RQ, string> = {
  RQ1: 'RQ1: start small or start big, under each level of labour scarcity',
  RQ2: 'RQ2: demand-pull or central push',
  RQ3: 'RQ3: trust, shared history and autonomy aversion: who joins, who stays, do late joiners follow success?',
  RQ4: 'RQ4: what to pool',
  RQ5: 'RQ5: pooling or hiring externals',
  RQ6: 'RQ6: framing, funding and scope',
  RQ7: 'RQ7: who benefits, small or large municipalities?',
};
