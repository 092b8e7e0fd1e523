import type { ComponentChildren } from 'preact';

/** The frame every extension page shares: a heading, a one-line purpose (the popup has no room for one), then the page. */
export function PageShell(props: { title: string; lede?: string; children?: ComponentChildren }) {
  return (
    <main>
      <h1>{props.title}</h1>
      {props.lede && <p class="lede">{props.lede}</p>}
      {props.children}
    </main>
  );
}
