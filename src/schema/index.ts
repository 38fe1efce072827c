/** @module schema: zod schemas for everything that crosses a boundary; types come from z.infer. */
export * from './faq.js';
export * from './city.js';
export * from './dialog.js';
export * from './store.js';
export * from './template.js';
export * from './richmenu.js';
export * from './env.js';
export * from './segment.js';
export * from './notice.js';
export * from './broadcast.js';
export * from './admin.js';
export * from './classes.js';
export * from './question-log.js';
