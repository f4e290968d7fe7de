export * from './mask.js';
export * from './logger.js';
