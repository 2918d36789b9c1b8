import { createContext, useContext } from 'react';

/** The CSP nonce of this response; only the server knows it, the browser renders with ''. */
const NonceContext = createContext<string>('');

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
