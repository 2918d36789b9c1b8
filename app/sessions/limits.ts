/** Limits the forms show and the domain enforces. */

/** Contracts agree on 45–90 minutes; the bounds leave room for a long opening session. */
export const minSessionMinutes = 15;
export const maxSessionMinutes = 480;

/** "Every 3 weeks, 10 times": at most every 12th week, at most a year of weekly sessions. */
export const seriesLimits = { maxEveryWeeks: 12, maxCount: 52 } as const;
