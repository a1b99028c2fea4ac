export { LocalizeController } from './localize-controller.js';
export { catalogueFor, catalogueLanguage, intlLocale, isCatalogueLoaded, loadCatalogue, type CatalogueLanguage, type Messages } from './catalogue.js';
