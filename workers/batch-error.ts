/** A problem the user must fix (wrong folder, other plan): reported plainly, exit code 2. */
export class BatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchError';
  }
}
