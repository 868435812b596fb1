/**
 * `regiosim validate <file...>`: checks scenario and experiment files (the kind is decided by
 * content) and prints every problem, one line each, or one OK line per valid file.
 */
import type { Argv, CommandModule } from 'yargs';
import { loadNationalData } from '../data/load.js';
import { checkFile, formatIssue } from '../scenarios/load.js';
import { COMMANDS } from './command-list.js';

/** Checks the files and writes the report to `out`; returns the exit code (0 all valid, 2 any problem). */
export function validateCommand(files: string[], out: NodeJS.WritableStream = process.stdout): number {
  const data = loadNationalData();
  // A problem in a file that several others extend is printed once.
  const printed = new Set<string>();
  let badFiles = 0;
  for (const file of files) {
    const check = checkFile(file, data);
    if (check.issues.length === 0) out.write(`${check.file}: OK (${check.summary})\n`);
    else badFiles++;
    for (const line of check.issues.map(formatIssue)) {
      if (!printed.has(line)) out.write(`${line}\n`);
      printed.add(line);
    }
  }
  if (badFiles === 0) return 0;
  const n = printed.size;
  out.write(
    `${n} problem${n === 1 ? '' : 's'}; ${badFiles} of ${files.length} file${files.length === 1 ? '' : 's'} invalid\n`,
  );
  return 2;
}

export const validateCommandModule: CommandModule = {
  ...COMMANDS.validate,
  builder: (y: Argv) =>
    y.positional('files', {
      type: 'string',
      array: true,
      describe: 'scenario or experiment files (YAML/JSON), library names or built-ins',
    }),
  handler: (a) => {
    process.exitCode = validateCommand((a as unknown as { files: string[] }).files);
  },
};
