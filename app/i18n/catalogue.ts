import { type fi } from './fi';

export type MessageKey = keyof typeof fi;
/** Every language must translate every key: a missing one is a type error and a test failure. */
export type Catalogue = Record<MessageKey, string>;
/**
 * Keys whose message chooses its words by a number (`{count, plural, …}`): translating one
 * without its parameters is a type error, since the message could not pick a form.
 */
export type PluralKey = {
  [K in MessageKey]: (typeof fi)[K] extends `${string}, plural,${string}` ? K : never;
}[MessageKey];
