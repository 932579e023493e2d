/** Evidence from the account's pages and the administrator's marks (lib/attribution/). */
import { PageReportSchema } from '../attribution/evidence';
import { readPageWidgets, recordEvidence, setMark } from '../store/evidence';
import type { PrivacyDb } from '../store/db';
import type { Handlers } from './router';
import { countIngroup, type RefreshDeps } from './snapshot';

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
async function recount(deps: RefreshDeps, db: PrivacyDb, host: string): Promise<number | null> {
  const account = await db.accounts.get(host);
  if (!account?.installed) return account?.ingroupCount ?? null;
  const ingroupCount = await countIngroup(deps, host, account.installed.map((code) => ({ code })));
  await db.accounts.update(host, { ingroupCount });
  return ingroupCount;
}

export function evidenceHandlers(deps: RefreshDeps): Pick<Handlers, 'page/evidence' | 'widget/mark'> {
  const { db, now } = deps;
  return {
    'page/evidence': async ({ host, report, traffic }) => {
      await recordEvidence(db, host, widgetsOf(report), traffic, now());
      return { ingroupCount: await recount(deps, db, host) };
    },
    'widget/mark': async ({ host, code, mark }) => {
      await setMark(db, host, code, mark, now());
      await recount(deps, db, host);
      return { mark };
    },
  };
}
