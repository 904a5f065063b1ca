// The template language: {{field}}, {{field | filter}}, {{#if}}/{{#unless}}/{{else}}, table rows with {{#each}}.
export * from './declension';
export * from './document';
export { fillTemplate, TemplateError } from './fill';
export { FILTER_NAMES } from './filters';
export * from './russianDate';
export * from './value';
