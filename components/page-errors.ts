import { messageFor } from '@/lib/error-messages';

/**
 * Shows an uncaught error on an extension page instead of failing silently: a therapist should
 * know when a page stopped working. Imported first by every page (see mount.tsx), so it is
 * listening before the page's own modules run. The end-to-end tests read the same notice in
 * Firefox, where the test driver cannot see errors in extension pages.
 */
function showError(message: string): void {
  let notice = document.querySelector<HTMLElement>('[data-testid=page-error]');
  if (!notice) {
    notice = document.createElement('div');
    notice.setAttribute('role', 'alert');
    notice.dataset.testid = 'page-error';
    notice.style.cssText = 'margin:1rem;padding:0.75rem 1rem;border:2px solid currentColor;border-radius:8px';
    const lead = document.createElement('p');
    lead.textContent = messageFor('page-crashed');
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Technical details';
    details.append(summary);
    notice.append(lead, details);
    document.body.prepend(notice);
  }
  const line = document.createElement('pre');
  line.textContent = message;
  notice.querySelector('details')?.append(line);
}

window.addEventListener('error', (event) => showError(event.message || String(event.error)));
window.addEventListener('unhandledrejection', (event) => showError(`Unhandled: ${String(event.reason)}`));
