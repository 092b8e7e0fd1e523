import './page-errors';
import { render, type ComponentChild } from 'preact';
import './page.css';

/** Renders a page's root component into #app; every extension page starts here. */
export function mountPage(app: ComponentChild): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('Anteroom page is missing its #app element');
  render(app, root);
}
