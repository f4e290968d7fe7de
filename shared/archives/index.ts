export * from './errors.js';
export * from './limits.js';
export * from './entry-names.js';
export * from './expand-zip.js';
export * from './store-archive.js';
