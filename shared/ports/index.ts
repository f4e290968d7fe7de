export * from './blob-store.js';
export * from './document-repository.js';
export * from './case-repository.js';
export * from './work-queue.js';
export * from './clock.js';
export * from './enterprise-register.js';
export * from './textract-jobs.js';
export * from './parameter-source.js';
