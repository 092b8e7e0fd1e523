import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadText } from './download';
import { ErrorNotice } from './ErrorNotice';
import { useVault, type ClientSummary, type VaultFailure } from './vault-api';

/**
 * One client's notes as a plain Markdown file, for a records request or a handover. The file is
 * not encrypted, so the warning comes first and the download needs a second, deliberate click.
 */
export function MarkdownExport({ client, onClose }: { client: ClientSummary; onClose: () => void }) {
  const api = useVault();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<VaultFailure>();
  const [done, setDone] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const download = async () => {
    setBusy(true);
    setError(undefined);
    const result = await api.exportClientMarkdown(client.id);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    downloadText(result.value.fileName, result.value.text, 'text/markdown;charset=utf-8');
    setDone(result.value.fileName);
  };

  return (
    <section class="notes-danger" aria-labelledby="markdown-heading" data-testid="markdown-export">
      <h3 id="markdown-heading" tabIndex={-1} ref={headingRef}>
        Export {client.label}’s notes as a readable file
      </h3>
      <div class="notes-warning" id="markdown-warning">
        <p>
          <strong>This file is NOT encrypted.</strong> Anyone who can open it — on this computer, in your Downloads folder, in a
          cloud-synced folder or an email — can read every note for this client.
        </p>
        <p>Save it only somewhere you control, share it only through a secure channel, and delete it when you no longer need it.</p>
      </div>
      <label class="check-label">
        <input autoComplete="off"
          type="checkbox"
          name="markdownUnderstood"
          checked={understood}
          aria-describedby="markdown-warning"
          onChange={(event) => setUnderstood(event.currentTarget.checked)}
        />
        I understand this file will not be protected.
      </label>
      <ErrorNotice error={error} />
      <p role="status">{done ? `Downloaded ${done}. Remember: it is not encrypted.` : ''}</p>
      <div class="notes-actions">
        <button
          type="button"
          class="danger"
          data-testid="confirm-export-markdown"
          disabled={!understood || busy}
          onClick={() => void download()}
        >
          {busy ? 'Preparing…' : 'Download unencrypted file'}
        </button>
        <button type="button" onClick={onClose}>
          {done ? 'Done' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
