/** The consent words; merged into the pages' dictionaries by lib/i18n/index.ts. */
export const consentEn = {} as const satisfies Record<string, string>;

export const consentRu: Record<keyof typeof consentEn, string> = {};
