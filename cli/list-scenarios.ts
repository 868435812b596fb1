/** `regiosim scenarios`: the shipped scenarios and experiments, each with its research questions and description. */
import type { CommandModule } from 'yargs';
import { displayPath } from '../scenarios/issues.js';
import { listLibrary } from '../scenarios/library-index.js';
import { BUILT_IN } from '../scenarios/load.js';
import { libraryDir } from '../scenarios/refs.js';
import { regiosimCommand } from '../workers/command-line.js';
import { COMMANDS } from './command-list.js';

/** The listing as text. */
export function scenariosListing(): string {
  const entries = listLibrary();
  const width = Math.max(...entries.map((e) => e.name.length), ...Object.keys(BUILT_IN).map((n) => n.length));
  const qWidth = Math.max(...entries.map((e) => e.questions.join(' ').length));
  const row = (name: string, questions: string, description: string) =>
    `  ${name.padEnd(width)}  ${questions.padEnd(qWidth)}  ${description}`;
  const lines: string[] = [];
  for (const kind of ['scenario', 'experiment'] as const) {
    const how = `${regiosimCommand()} ${kind === 'scenario' ? 'run' : 'batch'} <name>`;
    lines.push(`${kind === 'scenario' ? 'Scenarios' : 'Experiments'} in ${displayPath(libraryDir(kind))}/ (${how}):`);
    for (const e of entries.filter((x) => x.kind === kind))
      lines.push(row(e.name, e.questions.join(' '), e.description));
    lines.push('');
  }
  lines.push('Built-in scenarios (no file):');
  for (const [name, description] of Object.entries(BUILT_IN)) lines.push(row(name, '', description));
  return `${lines.join('\n')}\n`;
}

export const scenariosCommandModule: CommandModule = {
  ...COMMANDS.scenarios,
  handler: () => {
    process.stdout.write(scenariosListing());
  },
};
