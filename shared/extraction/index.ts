export * from './errors.js';
export * from './resident-id.js';
export * from './credit-code.js';
export * from './certificate-number.js';
