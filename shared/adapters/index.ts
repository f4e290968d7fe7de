export * from './aws-clients.js';
export * from './table-design.js';
export * from './dynamodb-errors.js';
export * from './dynamodb-document-repository.js';
export * from './dynamodb-case-repository.js';
export * from './s3-errors.js';
export * from './s3-blob-store.js';
export * from './dynamodb-enterprise-register.js';
