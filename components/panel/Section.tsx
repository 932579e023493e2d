import type { ComponentChildren } from 'preact';

/** A titled part of the panel; the heading names the region for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }): preact.JSX.Element {
  return (
    <section aria-labelledby={`${id}-heading`} class="panel-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** The policy section a statement comes from, e.g. «§3.3». */
export function SectionRef({ section }: { section: string }): preact.JSX.Element {
  return <span class="section-ref">{section}</span>;
}
