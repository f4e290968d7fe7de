export * from './in-memory-blob-store.js';
export * from './in-memory-document-repository.js';
export * from './in-memory-case-repository.js';
export * from './in-memory-work-queue.js';
export * from './fixed-clock.js';
export * from './in-memory-enterprise-register.js';
export * from './factories.js';
