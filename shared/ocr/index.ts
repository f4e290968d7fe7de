export * from './ocr-page.js';
export * from './ocr-engine.js';
export * from './errors.js';
export * from './paddle-models.js';
export * from './paddle-ocr-engine.js';
export * from './raster.js';
export * from './create-ocr-engine.js';
export * from './paddle-ocr-worker-pool.js';
