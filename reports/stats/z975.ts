/**
 * The 97.5% quantile of the standard normal distribution, for two-sided 95% intervals.
 * A mathematical constant; simple-statistics' `probit(0.975)` gives 1.9572 (its inverse-erf
 * approximation is off in the third decimal), which would shift every interval.
 */
export const Z975 = 1.959963984540054;
