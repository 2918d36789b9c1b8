export declare const stampFile: string;
/** A hash of the build's sources, run from the project root. */
export declare function sourceStamp(root?: string): string;
/** True when build/ holds a complete build of the current sources. */
export declare function buildIsCurrent(root?: string): boolean;
