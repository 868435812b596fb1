/**
 * A problem the user can fix (a folder that is not a batch, a missing font, an invalid chart spec):
 * the CLI prints its message without a stack trace and exits 2.
 */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}
