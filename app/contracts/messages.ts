/** Messages of the contracts area, merged into the catalogues in app/i18n. */
export const fi = {} as const;

export const en: Record<keyof typeof fi, string> = {};
