export * from './aws-clients.js';
export * from './table-design.js';
