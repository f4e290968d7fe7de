export * from './timings.js';
export * from './inspect-file.js';
export * from './read-pages.js';
export * from './read-file.js';
export * from './page-rasters.js';
