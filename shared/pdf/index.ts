export * from './errors.js';
export * from './pdf-file.js';
export * from './read-pdf.js';
