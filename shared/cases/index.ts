export * from './document-record.js';
export * from './review-case.js';
export * from './errors.js';
export * from './recovery-record.js';
export * from './recovery.js';
export * from './findings.js';
export * from './case-id.js';
export * from './evidence.js';
