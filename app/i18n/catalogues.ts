import type { Catalogue } from './catalogue';
import { en } from './en';
import { fi } from './fi';

/**
 * Every message in both languages: what the server and the tests translate with. The
 * browser build puts catalogues.browser.ts in this module's place (vite.config.ts): a page
 * there loads only the messages its routes use, in its own language.
 */
export const catalogues: Record<'fi' | 'en', Catalogue> = { fi, en };
