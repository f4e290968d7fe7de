export * from './errors.js';
export * from './inspect-image.js';
export * from './normalise-for-ocr.js';
export * from './page-quad.js';
