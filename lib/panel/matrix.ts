/**
 * Widgets × data as one table (issue 16): a row per data item with this account's value shown
 * once, a column per installed Ingroup widget, and in each cell where the claim comes from —
 * declared by Ingroup's catalog or by the policy's §1, and/or observed in the page's traffic to
 * the hosts that widget was seen calling.
 */
import type { CollectedValue, IngroupWidgetView, Inventory } from './inventory';

export interface MatrixCell {
  /** Who declares that the widget collects the item: its catalog entry, the policy's §1 list, or nobody. */
  declared: 'catalog' | 'policy' | null;
  /** The item's value was seen in the addresses of this widget's requests to Ingroup's hosts. */
  observed: boolean;
}

export interface MatrixRow extends CollectedValue {
  /** One cell per widget, in the order of `DataMatrix.widgets`. */
  cells: MatrixCell[];
}

export interface DataMatrix {
  widgets: IngroupWidgetView[];
  rows: MatrixRow[];
}

/**
 * The rows in the order the widgets name them (the policy's §1 order first), then any item seen in
 * a widget's traffic that nothing declares (`describe` gives its label and value); each value once.
 */
export function buildMatrix(
  inventory: Pick<Inventory, 'widgets' | 'observed'>,
  describe: (keys: string[]) => CollectedValue[],
): DataMatrix {
  const { widgets } = inventory;
  const items = new Map<string, CollectedValue>();
  for (const widget of widgets)
    for (const item of widget.collected) if (!items.has(item.key)) items.set(item.key, item);
  const observedBy = widgets.map((widget) => {
    const hosts = new Set(widget.evidence.flatMap((e) => (e.kind === 'traffic' ? e.hosts : [])));
    return new Set<string>(inventory.observed.filter((o) => hosts.has(o.host)).flatMap((o) => o.values));
  });
  const undeclared = [...new Set(observedBy.flatMap((keys) => [...keys]))].filter((key) => !items.has(key));
  for (const item of describe(undeclared)) items.set(item.key, item);
  const rows = [...items.values()].map((item) => ({
    ...item,
    cells: widgets.map((widget, i) => ({
      declared: widget.collected.some((c) => c.key === item.key) ? widget.collectsFrom : null,
      observed: observedBy[i]?.has(item.key) ?? false,
    })),
  }));
  return { widgets, rows };
}
