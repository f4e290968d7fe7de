export * from './errors.js';
export * from './roster.js';
export * from './matching.js';
export * from './certificate-claims.js';
export * from './batch.js';
export * from './report.js';
