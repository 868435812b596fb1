export { type BandPoint, band } from './band.js';
export { type Description, describe } from './describe.js';
export { type PairedDifference, pairedDifference } from './paired-difference.js';
export { tQuantile975 } from './t-quantile.js';
export { type Proportion, wilson } from './wilson.js';
export { type PairedShareDifference, pairedShareDifference } from './paired-share.js';
