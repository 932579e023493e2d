/** What the account's pages tell the background, and the administrator's marks (lib/attribution/). */
import { PageReportSchema, wantsPageReport } from '../attribution/evidence';
import { readEvidence, readPageWidgets, recordEvidence, setMark } from '../store/evidence';
import type { PrivacyDb } from '../store/db';
import type { MessageOf, ReplyOf } from '../messages';
import { recordAccountSeen } from '../store/accounts';
import type { CoreDeps } from './deps';
import { countIngroup, launcherCount } from './snapshot';

/** The MAIN-world script's report, parsed: its widget list, or null when it gave none that reads. */
function widgetsOf(report: string | null): ReturnType<typeof readPageWidgets> | null {
  if (report === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(report);
  } catch {
    return null;
  }
  const parsed = PageReportSchema.safeParse(raw);
  return parsed.success ? readPageWidgets(parsed.data.widgets) : null;
}

/** Recounts the launcher's number from what is kept, without asking amoCRM (null when never read). */
async function recount(deps: CoreDeps, db: PrivacyDb, host: string): Promise<number | null> {
  const account = await db.accounts.get(host);
  if (!account?.installed) return account?.ingroupCount ?? null;
  const ingroupCount = await countIngroup(
    deps,
    host,
    account.installed.map((code) => ({ code })),
  );
  await db.accounts.update(host, { ingroupCount });
  return ingroupCount;
}

/**
 * An amoCRM page loaded: the account is remembered, the launcher gets its number (from one cached
 * widgets read through the tab), and the page is asked for its widget list when the one kept is old.
 */
export async function pageSeen(deps: CoreDeps, host: string, tabId: number | undefined): Promise<ReplyOf<'page/seen'>> {
  const { db, now } = deps;
  const account = await recordAccountSeen(db, host, now());
  const report = wantsPageReport(await readEvidence(db, host), now());
  if (tabId === undefined) return { ingroupCount: account.ingroupCount ?? null, report };
  try {
    return { ingroupCount: await launcherCount(deps, host, tabId), report };
  } catch (error) {
    // Signed out, not loaded yet, rate limited: the launcher works without a count.
    console.warn('[ingroup-privacy] launcher count', error);
    return { ingroupCount: account.ingroupCount ?? null, report };
  }
}

export async function recordPageEvidence(
  deps: CoreDeps,
  message: MessageOf<'page/evidence'>,
): Promise<ReplyOf<'page/evidence'>> {
  const { host, report, traffic } = message;
  await recordEvidence(deps.db, host, widgetsOf(report), traffic, deps.now());
  return { ingroupCount: await recount(deps, deps.db, host) };
}

export async function markWidget(deps: CoreDeps, message: MessageOf<'widget/mark'>): Promise<ReplyOf<'widget/mark'>> {
  const { host, code, mark } = message;
  await setMark(deps.db, host, code, mark, deps.now());
  await recount(deps, deps.db, host);
  return { mark };
}
