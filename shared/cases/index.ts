export * from './document-record.js';
export * from './review-case.js';
export * from './findings.js';
