/** The requests words; merged into the pages' dictionaries by lib/i18n/index.ts. */
export const requestsEn = {} as const satisfies Record<string, string>;

export const requestsRu: Record<keyof typeof requestsEn, string> = {};
