/** The settings table: one row per key, its value parsed by its own schema where it is read (lib/settings.ts and the modules named there). */
import type { PrivacyDb } from './db';

type Settings = Pick<PrivacyDb, 'settings'>;

/** The stored value of one setting, unparsed: the caller parses it with the setting's schema. */
export async function readSetting(db: Settings, key: string): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

export async function writeSetting(db: Settings, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
