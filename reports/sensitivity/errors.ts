/**
 * The error the sensitivity analyses throw for outputs that do not fit the design (wrong count,
 * missing values) or bad options; the message says what was expected.
 * @example throw new SensitivityError('expected 5120 outputs (Saltelli rows), got 5119')
 */
export class SensitivityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SensitivityError';
  }
}
