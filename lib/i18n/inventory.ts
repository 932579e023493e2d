/** The inventory words; merged into the pages' dictionaries by lib/i18n/index.ts. */
export const inventoryEn = {} as const satisfies Record<string, string>;

export const inventoryRu: Record<keyof typeof inventoryEn, string> = {};
