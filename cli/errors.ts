/**
 * The CLI's last word on an error: a plain message and a non-zero exit for anything a user can
 * cause (bad files, bad options, a folder that cannot be written), and a short "internal error"
 * note for a bug. Stack traces only with --debug: they help a developer and frighten a researcher.
 */
import { DataError } from '../data/load.js';
import { ReportError } from '../reports/errors.js';
// From scenarios/issues.ts, not the loaders: every command imports this module at start-up.
import { DesignFileError, formatIssue, PlanRefError, ScenarioError } from '../scenarios/issues.js';
import { ModelInputError } from '../sim/model-input.js';
import { OutputError } from '../store/errors.js';
import { BatchError } from '../workers/batch-error.js';
import { UsageError } from './options.js';

const ERRNO: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EEXIST: 'a file of that name is in the way',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ELOOP: 'a loop of symbolic links',
  EIO: 'an input/output error of the disk',
};

/** The message and exit code for an error; `debug` adds the stack. */
export function describeError(error: unknown, debug: boolean): { text: string; code: number } {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  const plain = (text: string) => ({ text: `${text}${stack}\n`, code: 2 });
  if (error instanceof ScenarioError)
    return plain(`regiosim: invalid scenario\n${error.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
  if (error instanceof ModelInputError)
    return plain(`regiosim: invalid input\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  if (error instanceof DataError) return plain(`regiosim: data error: ${error.message}`);
  if (
    error instanceof UsageError ||
    error instanceof BatchError ||
    error instanceof PlanRefError ||
    error instanceof DesignFileError ||
    error instanceof OutputError ||
    error instanceof ReportError
  )
    return plain(`regiosim: ${error.message}`);
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && Object.hasOwn(ERRNO, e.code) && typeof e.syscall === 'string') {
    const what = e.path ? ` ${e.path}` : '';
    return plain(`regiosim: cannot ${verb(e.syscall)}${what}: ${ERRNO[e.code]}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  const hint = debug ? '' : ' (run again with --debug for the stack trace)';
  return { text: `regiosim: internal error: ${message.split('\n')[0]}${hint}${stack}\n`, code: 1 };
}

function verb(syscall: string): string {
  if (/^(mkdir)/.test(syscall)) return 'create the folder';
  if (/^(write|rename|copyfile|unlink|rm)/.test(syscall)) return 'write';
  if (/^(read|stat|lstat|scandir|opendir)/.test(syscall)) return 'read';
  return syscall;
}
