export * from './limits.js';
export * from './sniff.js';
export * from './errors.js';
export * from './failure.js';
export * from './validate.js';
