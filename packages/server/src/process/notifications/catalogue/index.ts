import type { Language } from '@collectkit/sdk';
import { da } from './da.js';
import { en } from './en.js';
import { fi } from './fi.js';
import { nb } from './nb.js';
import { sv } from './sv.js';
import type { MessageCatalogue } from './types.js';

export type { MessageCatalogue, MessageFacts } from './types.js';

export const CATALOGUES: Readonly<Record<Language, MessageCatalogue>> = { da, sv, nb, fi, en };
