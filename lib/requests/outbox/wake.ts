/** When the background should wake the outbox next: the soonest send or status poll due. */
import type { PrivacyDb } from '../../store/db';
import { nextPollAt, nextSendAt } from './rows';

/** The soonest time anything (a send or a status poll) is due — what the background's alarm is set for. */
export async function nextWakeAt(db: PrivacyDb, base?: string): Promise<number | null> {
  const times = (await Promise.all([nextSendAt(db, base), nextPollAt(db)])).filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}
