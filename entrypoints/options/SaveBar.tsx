import type { SaveStatus } from './useContractForm';

function statusText(status: SaveStatus, generalErrors: string[]): string {
  switch (status.state) {
    case 'loading':
      return 'Loading your settings…';
    case 'defaults':
      return 'Not saved yet: these are Anteroom’s suggested settings. Change what you need, then save.';
    case 'saved': {
      const when = status.at ? ` at ${status.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}` : '';
      const where = status.syncRefused
        ? ' Saved on this computer; the browser refused the sync copy (sync is off or full), so other computers do not have this change.'
        : '';
      return `All changes saved${when}.${where}`;
    }
    case 'unsaved':
      return 'You have unsaved changes.';
    case 'saving':
      return 'Saving…';
    case 'invalid': {
      const count = status.count === 1 ? '1 setting needs' : `${status.count} settings need`;
      return `Not saved: ${count} fixing. Each one is marked ⚠ with a message beside it. ${generalErrors.join(' ')}`.trim();
    }
    case 'error':
      return 'Not saved: the browser refused to store your settings. Try again; if it keeps happening, export them to a file so nothing is lost.';
  }
}

/** The save button and what happened to the last save, kept in view at the bottom of the form. */
export function SaveBar({ status, generalErrors }: { status: SaveStatus; generalErrors: string[] }) {
  return (
    <div class="save-bar">
      <button type="submit" class="primary" data-testid="save">
        Save settings
      </button>
      <p data-testid="save-status" role="status" data-state={status.state} tabIndex={-1} id="save-status">
        {statusText(status, generalErrors)}
      </p>
    </div>
  );
}
