/** The element each extension page renders into: the `<div id="app">` of its HTML. */
export function appRoot(doc: Document = document): HTMLElement {
  const root = doc.getElementById('app');
  if (!root) throw new Error(`${doc.location.pathname} has no #app element to render into.`);
  return root;
}
