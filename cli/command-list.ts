/**
 * The command line's commands: name, usage and one-line description. Pure data, so cli/regiosim.ts
 * can list every command in --help while loading only the module of the command that is run.
 */
export const COMMANDS = {
  run: {
    command: 'run [scenario]',
    describe:
      'Run one simulation (default: RES Drenthe, flexpool, high scarcity) and write summary.json, series.csv, manifest.json',
  },
  batch: {
    command: 'batch [scenarios..]',
    describe:
      'Run many seeded runs of one or more scenarios on worker threads; write runs.csv, series.csv, manifest.json',
  },
  validate: {
    command: 'validate <files..>',
    describe:
      'Check scenario and experiment files; print every problem with file, line, field, value and what is allowed',
  },
  scenarios: {
    command: 'scenarios',
    describe: 'List the shipped scenarios and experiments with the research questions they serve',
  },
  report: {
    command: 'report <batch-dir>',
    describe: 'Statistics, charts (Vega-Lite, SVG, PNG) and a self-contained report.html for a batch folder',
  },
  compare: {
    command: 'compare <scenarios..>',
    describe: 'Run scenarios on shared seeds (the first is the baseline) and write the report, in one step',
  },
  explore: {
    command: 'explore <experiment>',
    describe:
      'Run an experiment that samples its points (design: block) and write the sample (design.csv) next to runs.csv',
  },
  sensitivity: {
    command: 'sensitivity <batch-dir>',
    describe: 'Morris or Sobol sensitivity (with bootstrap intervals and a convergence verdict) of an explore batch',
  },
  discover: {
    command: 'discover <batch-dir>',
    describe: 'Scenario discovery (PRIM boxes, coverage-density trade-off, feature scores) on an explore batch',
  },
  robustness: {
    command: 'robustness <batch-dir>',
    describe:
      'Robustness of the policies of an explore batch across its futures: regret, satisficing, percentiles, non-dominated set',
  },
  merge: {
    command: 'merge <dirs..>',
    describe:
      'Merge the shard folders of one batch (regiosim batch --shard i/n) into one folder, identical to the batch run on one machine',
  },
  slurm: {
    command: 'slurm [scenarios..]',
    describe:
      'Write (and --submit) a SLURM job array of batch shards plus a merge job; --status and --resubmit for failed shards',
  },
  calibrate: {
    command: 'calibrate <file>',
    describe:
      'Calibrate parameters against target patterns by approximate Bayesian computation (ABC population Monte Carlo)',
  },
  page: {
    command: 'page',
    describe:
      'Write the interactive what-if page: one self-contained HTML file that runs paired batches in the browser',
  },
} as const satisfies Record<string, { command: string; describe: string }>;

export type CommandName = keyof typeof COMMANDS;
