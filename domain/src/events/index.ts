export * from './catalogue.ts';
export * from './domain-event.ts';
export * from './material-uploaded.upcasters.ts';
export * from './stream-names.ts';
export * from './upcasting.ts';
