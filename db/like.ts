/** A LIKE pattern that matches `text` anywhere, taking any % or _ in it literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
