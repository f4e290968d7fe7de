export * from './email-record.js';
export * from './errors.js';
export * from './read-email.js';
export * from './take-in-email.js';
