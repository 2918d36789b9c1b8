import { type fi } from './fi';

export type MessageKey = keyof typeof fi;
/** Every language must translate every key: a missing one is a type error and a test failure. */
export type Catalogue = Record<MessageKey, string>;
