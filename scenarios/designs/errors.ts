/**
 * The error every design function throws for a bad factor list or option, with a message that
 * names the factor or option and what is allowed.
 * @example throw new DesignError('factor "x": min 3 is not below max 1')
 */
export class DesignError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DesignError';
  }
}
