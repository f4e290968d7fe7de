export * from './ocr-page.js';
export * from './ocr-engine.js';
