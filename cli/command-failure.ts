/**
 * How a command ends on an error it caught: one plain line on stderr and an exit code, the same for
 * every command. Errors that are not faults or of the command's own kinds are bugs and are thrown
 * on, to cli/errors.ts (internal error; the stack with --debug).
 */
import { faultMessage, OutputError } from '../store/errors.js';

// biome-ignore lint/suspicious/noExplicitAny: constructors of any error class
type ErrorClass = abstract new (...args: any[]) => Error;

/**
 * Writes the message for `e` and returns the exit code: 2 for a refused output folder or an error
 * of one of `known` (the user can fix it), 1 for a file-system fault (disk full, no permission),
 * with `faultHint` after the fault's description.
 * @example process.exitCode = commandFailure('report', e, [ReportError], 'no half-written file was left')
 */
export function commandFailure(command: string, e: unknown, known: ErrorClass[], faultHint = ''): number {
  const fault = faultMessage(command, e, faultHint);
  if (fault) {
    process.stderr.write(fault);
    return e instanceof OutputError ? 2 : 1;
  }
  if (!known.some((kind) => e instanceof kind)) throw e;
  process.stderr.write(`regiosim ${command}: ${(e as Error).message}\n`);
  return 2;
}
