/**
 * The picture of where the data goes (issue 16), loaded after the panel's first paint: drawn from
 * lib/panel/flow.ts, with an accessible name and, beside it, the same in words.
 */
import { buildFlow, FLOW_WORDS, wrapWords, type DataFlow as Flow } from '@/lib/panel/flow';
import type { Flag } from '@/lib/policy';
import { useI18n } from '../common/i18n';
import { Section, SectionRef } from './Section';
import type { Lang } from '@/lib/vocabulary';

const W = 720;
const LINE = 14;
const PAD = 8;
const GAP = 8;
// Columns; labels are cut to fit at about 6.5 px a character (SVG text does not wrap).
const COL = {
  account: { x: 2, w: 110 },
  widgets: { x: 140, w: 150 },
  ingroup: { x: 318, w: 104 },
  recipients: { x: 470, w: 248 },
};

function words(lang: Lang): (key: keyof typeof FLOW_WORDS, params?: Record<string, string | number>) => string {
  return (key, params) =>
    FLOW_WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

function Box({
  x,
  y,
  w,
  lines,
  kind,
}: {
  x: number;
  y: number;
  w: number;
  lines: string[];
  kind: string;
}): preact.JSX.Element {
  const h = lines.length * LINE + PAD * 2;
  return (
    <g class={`flow-box flow-${kind}`}>
      <rect x={x} y={y} width={w} height={h} rx={4} />
      {lines.map((line, i) => (
        <text key={i} x={x + PAD} y={y + PAD + LINE * (i + 1) - 3}>
          {line}
        </text>
      ))}
    </g>
  );
}

function Badge({ x, y, flags }: { x: number; y: number; flags: readonly Flag[] }): preact.JSX.Element | null {
  if (flags.length === 0) return null;
  return (
    <g class="flow-flag">
      <circle cx={x} cy={y} r={flags.length > 1 ? 11 : 8} />
      <text x={x} y={y + 4} text-anchor="middle">
        {flags.length > 1 ? `!${flags.length}` : '!'}
      </text>
    </g>
  );
}

function Picture({ flow, lang }: { flow: Flow; lang: Lang }): preact.JSX.Element {
  const w = words(lang);
  const boxes = flow.recipients.map((r) => wrapWords(`${r.label} ${r.section}`, 33));
  const heights = boxes.map((lines) => lines.length * LINE + PAD * 2);
  const height = heights.reduce((sum, h) => sum + h + GAP, GAP);
  const tops = heights.map((_, i) => GAP + heights.slice(0, i).reduce((sum, h) => sum + h + GAP, 0));
  const mid = height / 2;
  const shown = flow.widgets.slice(0, 4).flatMap((name) => wrapWords(name, 20).slice(0, 2));
  const widgetLines = [
    w('widgets'),
    ...(flow.widgets.length === 0 ? [w('noWidgets')] : shown),
    ...(flow.widgets.length > 4 ? [w('more', { count: flow.widgets.length - 4 })] : []),
  ];
  const boxTop = (lines: number): number => mid - (lines * LINE + PAD * 2) / 2;
  const account = wrapWords(w('account'), 14);
  const from = COL.ingroup.x + COL.ingroup.w;
  const to = COL.recipients.x;
  return (
    <svg
      class="flow-svg"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-labelledby="flow-title"
      aria-describedby="flow-text"
    >
      <title id="flow-title">{w('heading')}</title>
      <defs>
        <marker
          id="flow-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" class="flow-head" />
        </marker>
      </defs>
      <g class="flow-lines">
        <line
          x1={COL.account.x + COL.account.w}
          y1={mid}
          x2={COL.widgets.x - 2}
          y2={mid}
          marker-end="url(#flow-arrow)"
        />
        <line
          x1={COL.widgets.x + COL.widgets.w}
          y1={mid}
          x2={COL.ingroup.x - 2}
          y2={mid}
          marker-end="url(#flow-arrow)"
        />
        {flow.recipients.map((r, i) => {
          const y = (tops[i] ?? 0) + (heights[i] ?? 0) / 2;
          const bend = (from + to) / 2;
          return (
            <path
              key={r.id}
              d={`M${from},${mid} C${bend},${mid} ${bend},${y} ${to - 2},${y}`}
              marker-end="url(#flow-arrow)"
            />
          );
        })}
      </g>
      <Box x={COL.account.x} y={boxTop(account.length)} w={COL.account.w} lines={account} kind="account" />
      <Box x={COL.widgets.x} y={boxTop(widgetLines.length)} w={COL.widgets.w} lines={widgetLines} kind="widgets" />
      <Box x={COL.ingroup.x} y={boxTop(1)} w={COL.ingroup.w} lines={[w('ingroup')]} kind="ingroup" />
      {flow.recipients.map((r, i) => (
        <Box
          key={r.id}
          x={COL.recipients.x}
          y={tops[i] ?? 0}
          w={COL.recipients.w}
          lines={boxes[i] ?? []}
          kind="recipient"
        />
      ))}
      <Badge x={(COL.widgets.x + COL.widgets.w + COL.ingroup.x) / 2} y={mid} flags={flow.collection.flags} />
      {flow.recipients.map((r, i) => (
        <Badge key={r.id} x={to - 14} y={(tops[i] ?? 0) + (heights[i] ?? 0) / 2} flags={r.flags} />
      ))}
    </svg>
  );
}

/** Account → widgets → Ingroup LLC → recipients and transfers, each flag on its arrow; then the same in words. */
export function DataFlow({ widgets }: { widgets: readonly string[] }): preact.JSX.Element {
  const { lang } = useI18n();
  const w = words(lang);
  const flow = buildFlow(widgets, lang);
  const flagWords = (flags: readonly Flag[]): string =>
    flags.map((f) => ` — ${w('flag', { title: f.title[lang] })}`).join('');
  return (
    <Section id="flow" title={w('heading')}>
      <p class="muted">{w('intro')}</p>
      <figure class="flow">
        <Picture flow={flow} lang={lang} />
        <figcaption>
          <h3 class="flow-text-heading">{w('textHeading')}</h3>
          <ul id="flow-text" class="flow-text">
            <li>
              {w('collects', { widgets: widgets.length ? widgets.join(', ') : w('noWidgets') })}
              {flagWords(flow.collection.flags)}
            </li>
            {flow.recipients.map((r) => (
              <li key={r.id}>
                {w('to', { recipient: r.label })} <SectionRef section={r.section} />
                {flagWords(r.flags)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
    </Section>
  );
}
