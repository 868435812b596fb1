/**
 * Faults of the machine rather than the input (disk full, no permission, a path that is a file):
 * turned into one plain sentence for the user, with what to do, instead of a stack trace.
 */

/** A problem with an output folder the user can fix (wrong kind, a file regiosim did not write, locked). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/**
 * A file regiosim reads from a folder is not what it should be: a FIFO, a device, too large, not
 * JSON, not a line-based CSV file. Said without quoting the file; handled like an OutputError.
 */
export class InputFileError extends OutputError {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

const FS_CODES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'the path is a folder, not a file',
  EEXIST: 'the path already exists',
  ENOENT: 'no such file or folder',
  EMFILE: 'too many open files',
  EIO: 'an input/output error of the disk',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'a loop of symbolic links',
  ETXTBSY: 'the file is in use',
};

/** True for a file-system error (an Error with one of the codes above). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code! in FS_CODES;
}

/** "writing X: the disk is full (ENOSPC)" for a file-system error; the message for anything else. */
export function describeFault(e: unknown): string {
  if (!isFsError(e)) return e instanceof Error ? e.message : String(e);
  const where = e.path ? `${e.syscall === 'open' || e.syscall === 'mkdir' ? 'creating' : 'writing'} ${e.path}: ` : '';
  return `${where}${FS_CODES[e.code!]} (${e.code})`;
}

/**
 * The plain message for an output problem or a file-system fault (`regiosim <command>: ...`), or
 * undefined for anything else (a bug, which keeps its stack trace).
 */
export function faultMessage(command: string, e: unknown, after = ''): string | undefined {
  if (e instanceof OutputError) return `regiosim ${command}: ${e.message}\n`;
  if (!isFsError(e)) return undefined;
  return `regiosim ${command}: ${describeFault(e)}${after ? `; ${after}` : ''}\n`;
}
