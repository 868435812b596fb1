/**
 * The error scenario discovery throws for data it cannot use (no case of interest, a missing
 * input value, mismatched lengths) or bad options; the message says what was expected.
 * @example throw new DiscoveryError('no case of interest: PRIM needs at least one')
 */
export class DiscoveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscoveryError';
  }
}
