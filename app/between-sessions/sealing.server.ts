/**
 * Where the supervisee's own texts are sealed: each context names the row, so a value copied
 * to another row or table does not open (docs/decisions/006). Key rotation uses the same
 * names (app/security/key-rotation.server.ts).
 */
export const markCommentContext = (markId: string) => `action-mark:${markId}:comment`;
export const reflectionContext = (reflectionId: string) => `reflection:${reflectionId}`;
export const requestContext = (requestId: string) => `session-request:${requestId}`;
