/**
 * Importing a ledger export (DESIGN §6): validate, verify, merge without duplicates.
 *
 * The design choice, kept simple and honest: the local ledger is append-only, so an imported
 * event is never spliced into the local chain under its own id and hash — that would mean
 * rewriting the links of events already recorded here. Each new event of the file is appended
 * instead as a local event with `method: 'import'`, keeping the original's timestamp, account,
 * admin, purpose, state, policy and extension version, and naming the original in
 * `importedFrom {id, hash, method}` (always the first recording, for events that were themselves
 * imported). Its own hash then chains it locally, and the original remains checkable against the
 * exported file. Duplicates are recognised by the original's id, so importing the same file twice
 * (or a file that contains this ledger's own events) adds nothing.
 *
 * A file that is not JSON, not a ledger export, holds a malformed event or a broken chain changes
 * nothing, and the result says why. So does an event dated after the import (beyond
 * `FUTURE_SLACK_MS` for clocks a little apart): a choice cannot have been made in the future, and
 * one dated 9999 would otherwise outrank every later choice. New events are appended in one step, ordered by timestamp then
 * id, whatever the file's order. That step also updates the choices in force (./choices.ts) for
 * the accounts and purposes it touched: an imported event replaces a choice only if it is later.
 */
import type { z } from 'zod/mini';
import type { PrivacyDb } from '../store/db';
import { AppError, toWire, type ErrorCode, type ErrorParams, type WireError } from '../errors';
import { describeIssue, issueWords } from '../issue-words';
import { verifyChain } from './verify';
import { LedgerEventSchema, type LedgerEvent } from './event';
import { LEDGER_FILE_FORMAT, LEDGER_FILE_VERSION, LedgerFileEnvelope } from './file';
import { allEvents, appendConsents, type ConsentInput } from './ledger';

/** How far after the import an event may be dated: two browsers' clocks a little apart. */
export const FUTURE_SLACK_MS = 5 * 60_000;

export interface ImportRejection {
  /** The event's position in the file, -1 for the file itself. */
  index: number;
  /** Why, as the one error type's wire form: a `ledger/…` code the pages word, and English for logs. */
  error: WireError;
}

export interface ImportResult {
  added: number;
  duplicates: number;
  /** Why nothing was imported. */
  rejected: ImportRejection[];
}

function refused(index: number, code: ErrorCode, reason: string, params: ErrorParams = {}): ImportResult {
  return { added: 0, duplicates: 0, rejected: [{ index, error: toWire(new AppError(code, reason, params)) }] };
}

/** A failed parse's first issue: zod fails a parse only with at least one (`issues.length ? failure : success`). */
function firstIssueOf(error: z.core.$ZodError): z.core.$ZodIssue {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a failed safeParse has at least one issue
  return error.issues[0]!;
}

function firstIssue(error: z.core.$ZodError): string {
  return describeIssue(firstIssueOf(error));
}

function envelopeProblem(raw: unknown, error: z.core.$ZodError): ImportResult {
  // JSON.parse gives objects and arrays, which are Objects, or null and other primitives, which are not.
  const fields: Record<string, unknown> = raw instanceof Object ? (raw as Record<string, unknown>) : {};
  const { format, version } = fields;
  if (format !== LEDGER_FILE_FORMAT) {
    return refused(
      -1,
      'ledger/not_export',
      `This file is not an Ingroup privacy ledger export (expected "format": "${LEDGER_FILE_FORMAT}"). Nothing was imported.`,
    );
  }
  if (version !== LEDGER_FILE_VERSION) {
    return refused(
      -1,
      'ledger/other_version',
      `This ledger export is version ${JSON.stringify(version)}; this extension reads version ${LEDGER_FILE_VERSION}. Update the extension, then import again. Nothing was imported.`,
      { version: JSON.stringify(version) ?? 'undefined', reads: LEDGER_FILE_VERSION },
    );
  }
  return refused(
    -1,
    'ledger/incomplete',
    `The ledger export is incomplete (${firstIssue(error)}). Nothing was imported.`,
    { where: firstPath(error) },
  );
}

/** Where in the file the first problem is (`events.3.state`), for the pages' words. */
function firstPath(error: z.core.$ZodError): string {
  return firstIssueOf(error).path.map(String).join('.');
}

/** Oldest first; events of the same instant by id. */
function chronological(a: LedgerEvent, b: LedgerEvent): number {
  const apart = Date.parse(a.timestamp) - Date.parse(b.timestamp);
  if (apart !== 0) return apart;
  // Stryker disable next-line EqualityOperator: a verified file's ids are distinct (verifyChain refuses a duplicate), so < and <= agree
  return a.id < b.id ? -1 : 1;
}

export async function importLedger(db: PrivacyDb, text: string, now: number = Date.now()): Promise<ImportResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refused(-1, 'ledger/not_json', `The file is not valid JSON (${detail}). Nothing was imported.`);
  }

  const envelope = LedgerFileEnvelope.safeParse(raw, { error: issueWords });
  if (!envelope.success) return envelopeProblem(raw, envelope.error);

  const events: LedgerEvent[] = [];
  for (const [index, item] of envelope.data.events.entries()) {
    const parsed = LedgerEventSchema.safeParse(item, { error: issueWords });
    if (!parsed.success) {
      return refused(
        index,
        'ledger/event_malformed',
        `Event #${index + 1} in the file is malformed (${firstIssue(parsed.error)}). Nothing was imported.`,
        {
          n: index + 1,
          where: firstPath(parsed.error),
        },
      );
    }
    // `seq` is local to the browser that exported the file; its chain is checked in file order.
    const { seq: _seq, ...event } = parsed.data;
    events.push(event);
  }

  const verdict = await verifyChain(events);
  if (!verdict.ok) {
    return refused(
      verdict.index,
      'ledger/chain_broken',
      `${verdict.message} The file was changed after it was exported. Nothing was imported.`,
      verdict.params,
    );
  }

  const future = events.findIndex((e) => Date.parse(e.timestamp) > now + FUTURE_SLACK_MS);
  const dated = events[future];
  if (dated) {
    return refused(
      future,
      'ledger/future',
      `Event #${future + 1} in the file is dated ${dated.timestamp}, after this import (${new Date(now).toISOString()}): no choice can have been made in the future — the clock of the browser that recorded it was probably wrong. Nothing was imported.`,
      { n: future + 1, timestamp: dated.timestamp },
    );
  }

  const known = new Set<string>();
  for (const local of await allEvents(db)) {
    known.add(local.id);
    if (local.importedFrom) known.add(local.importedFrom.id);
  }
  const fresh = events
    .filter((e) => !known.has(e.id) && !(e.importedFrom && known.has(e.importedFrom.id)))
    .sort(chronological);

  const inputs: ConsentInput[] = fresh.map((e) => ({
    account: e.account,
    adminUserId: e.adminUserId,
    purpose: e.purpose,
    state: e.state,
    method: 'import',
    policy: e.policy,
    extensionVersion: e.extensionVersion,
    timestamp: e.timestamp,
    importedFrom: e.importedFrom ?? { id: e.id, hash: e.hash, method: e.method },
  }));
  await appendConsents(db, inputs);
  return { added: inputs.length, duplicates: events.length - inputs.length, rejected: [] };
}
