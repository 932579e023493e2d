/**
 * Whatever amoCRM or Ingroup's endpoint sends in a text field, the panel shows it as text
 * (DESIGN §8): no element, attribute or URL comes from the data, and the text is shown verbatim.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/amocrm/snapshot';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import type { Catalog } from '@/lib/catalog/schema';
import { buildInventory, collected } from '@/lib/panel/inventory';
import { buildMatrix } from '@/lib/panel/matrix';
import type { PanelModel } from '@/lib/panel/model-schema';
import { I18nProvider } from '@/components/common/i18n';
import { AccountHeader } from '@/components/panel/AccountHeader';
import { Inventory } from '@/components/panel/Inventory';
import type { Lang } from '@/lib/vocabulary';

const PAYLOADS: Array<[string, string]> = [
  ['a script element', '<script>document.title="pwned"</script>'],
  ['an image with onerror', '<img src=x onerror="document.title=\'pwned\'">'],
  ['a javascript: URL', 'javascript:alert(document.domain)'],
  ['an attribute break-out into SVG', '"><svg onload=alert(1)>'],
  ['an iframe with srcdoc', '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'],
  ['a link to a javascript: URL', '<a href="javascript:alert(1)">click</a>'],
  ['a template-literal and entity mix', '${alert(1)} &lt;b&gt; &#60;i&#62; {{constructor.constructor("alert(1)")()}}'],
  ['a right-to-left override', 'Анна\u202Egnp.exe\u202C Смирнова'],
  ['zero-width and bidi marks', '\u200Badmin\u200F@\u2066example\u2069.com'],
  ['a very long string', `${'Ромашка '.repeat(1_500)}<b>end</b>`],
];

const BENIGN = 'Ромашка';
const CODE = 'ingroup_demo_autotasks';

function snapshotWith(text: string, code: string = CODE): Snapshot {
  return {
    host: 'xss.amocrm.ru',
    fetchedAt: Date.parse('2026-03-02T09:00:00Z'),
    account: { id: 26457513, name: text, subdomain: text, country: text },
    admin: { id: 7002002, name: text, email: text, phone: text, isAdmin: true },
    adminUnavailable: null,
    userCount: 12,
    widgets: [{ id: 1, code, version: text, rating: null }],
    widgetTotal: 40,
  };
}

/** The endpoint's catalog can carry the payload too: in the widget's code and both names. */
function catalogWith(text: string, code: string = CODE): PanelModel['catalog'] {
  const [first] = BUNDLED_CATALOG.widgets;
  const catalog: Catalog = { ...BUNDLED_CATALOG, widgets: [{ ...first!, code, name: { ru: text, en: text } }] };
  return { catalog, source: 'endpoint', fetchedAt: 0 };
}

function renderPanelPieces(text: string, lang: Lang, code?: string): Element {
  const snapshot = snapshotWith(text, code);
  const catalog = catalogWith(text, code);
  // The page's own widget list can carry it too, as a declared name.
  const declared = [{ code: code ?? CODE, name: text, supportEmail: 'support@ingru.ru', supportLink: null }];
  const evidence = { host: 'demo.amocrm.ru', declared, declaredAt: 0, observed: [] };
  const inventory = buildInventory({
    snapshot,
    catalog: catalog.catalog,
    source: catalog.source,
    evidence,
    marks: [],
    lang,
  });
  const matrix = buildMatrix(inventory, (keys) => collected(keys, snapshot, lang));
  const { container } = render(
    <I18nProvider lang={lang}>
      <AccountHeader snapshot={snapshot} refreshing={false} onRefresh={() => undefined} facts />
      <Inventory host="demo.amocrm.ru" snapshot={snapshot} catalog={catalog} inventory={inventory} matrix={matrix} />
    </I18nProvider>,
  );
  return container;
}

/** The shape of the rendered tree: tag names in document order. */
function shape(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((el) => el.tagName.toLowerCase());
}

function attributes(root: Element): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
}

/** Elements whose own text nodes, joined, are exactly `text`. */
function elementsShowing(root: Element, text: string): Element[] {
  return [...root.querySelectorAll('*')].filter(
    (el) =>
      [...el.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent)
        .join('') === text,
  );
}

afterEach(() => {
  cleanup();
  document.title = '';
});

describe.each(['ru', 'en'] as const)('the panel pieces in %s', (lang) => {
  const baseline = (): { tags: string[]; attrs: string[] } => {
    const root = renderPanelPieces(BENIGN, lang);
    const result = { tags: shape(root), attrs: attributes(root) };
    cleanup();
    return result;
  };

  it('render the benign fixture with every field in place (the control case)', () => {
    const root = renderPanelPieces(BENIGN, lang);
    // Account name, subdomain (header and table), admin name, email, phone, and the widget's name.
    expect(elementsShowing(root, BENIGN).length).toBeGreaterThanOrEqual(6);
    expect(root.querySelectorAll('th[data-widget]')).toHaveLength(1);
  });

  it.each(PAYLOADS)('show %s as inert text', (_label, payload) => {
    const expected = baseline();
    const root = renderPanelPieces(payload, lang);
    expect(shape(root)).toEqual(expected.tags);
    expect(attributes(root)).toEqual(expected.attrs);
    expect(root.querySelectorAll('script, img, svg, iframe, a, object, embed, style, link')).toHaveLength(0);
    expect(attributes(root).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(elementsShowing(root, payload).length).toBeGreaterThanOrEqual(6);
    expect(document.title).not.toBe('pwned');
  });

  it.each(PAYLOADS)('keep a widget code carrying %s as text, also inside an attribute', (_label, payload) => {
    const root = renderPanelPieces(BENIGN, lang, payload);
    expect(root.querySelectorAll('script, img, svg, iframe, a')).toHaveLength(0);
    const codes = [...root.querySelectorAll('code')].map((el) => el.textContent);
    expect(codes).toContain(payload);
    const column = root.querySelector('th[data-widget]');
    expect(column?.getAttribute('data-widget')).toBe(payload);
  });
});
