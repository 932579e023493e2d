/**
 * The panel's summary (issue 16): one verdict and four figures, each derived from what the
 * sections below show — never stored.
 */
import type { Evidence } from '../attribution/attribute';
import { isFinal } from '../requests/record';
import type { RequestView } from '../requests/view';
import type { DataMatrix } from './matrix';

export type EvidenceKind = Evidence['kind'];

export interface PanelSummary {
  widgets: number;
  /** How many widgets rest on each kind of evidence as their strongest, strongest kind first. */
  sureness: Array<{ kind: EvidenceKind; count: number }>;
  /** Data items Ingroup's widgets hold from this account (matrix rows). */
  dataItems: number;
  /** Problems the policy has (its flags); null until the policy's part of the panel has loaded. */
  problems: number | null;
  /** Requests not yet completed or rejected (a failed one is still open: it needs the email route). */
  openRequests: number;
  overdue: number;
  /** The earliest legal due date among the open requests (YYYY-MM-DD), or null. */
  nextDue: string | null;
  /** What the verdict line says. */
  verdict: 'overdue' | 'holds' | 'none';
}

const STRENGTH: readonly EvidenceKind[] = ['catalog', 'declared', 'traffic', 'admin'];

export function summarize(
  matrix: DataMatrix | null,
  views: ReadonlyArray<Pick<RequestView, 'state' | 'overdue' | 'dueDate'>>,
  problems: number | null,
): PanelSummary {
  const widgets = matrix?.widgets ?? [];
  const sureness = STRENGTH.map((kind) => ({
    kind,
    count: widgets.filter((w) => w.evidence[0]?.kind === kind).length,
  })).filter((s) => s.count > 0);
  const open = views.filter((v) => !isFinal(v.state.status));
  const overdue = open.filter((v) => v.overdue).length;
  const due = open.flatMap((v) => (v.dueDate ? [v.dueDate] : [])).sort();
  return {
    widgets: widgets.length,
    sureness,
    dataItems: matrix?.rows.length ?? 0,
    problems,
    openRequests: open.length,
    overdue,
    nextDue: due[0] ?? null,
    verdict: overdue > 0 ? 'overdue' : widgets.length > 0 ? 'holds' : 'none',
  };
}
