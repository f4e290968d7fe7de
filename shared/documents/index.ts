export * from './document-type.js';
export * from './extracted-field.js';
export * from './extracted-document.js';
export * from './field-names.js';
export * from './page-regions.js';
