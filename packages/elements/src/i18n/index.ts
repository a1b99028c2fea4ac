export { LocalizeController } from './localize-controller.js';
export { catalogueFor, catalogueLanguage, intlLocale, type CatalogueLanguage, type Messages } from './catalogue.js';
