/**
 * Deterministic elementary functions: the same bits in Node and in every browser for the same
 * arguments, unlike the built-in Math functions, whose last bits differ between engine versions.
 * Each uses only IEEE-754 basic operations (+, -, *, /, sqrt), which every engine rounds the same.
 */
export { asin } from './asin.js';
export { cos } from './cos.js';
export { exp } from './exp.js';
export { log } from './log.js';
export { pow } from './pow.js';
export { sin } from './sin.js';
