import { useRef, useState } from 'preact/hooks';
import type { Contract } from '@/lib/contract/schema';
import { renderTemplateById } from '@/lib/contract/templates';
import { silenceStatus } from '@/lib/reminders/silence';
import { silenceFlag } from '@/lib/reminders/wording';
import { copyText } from './copy-text';
import type { ClientSummary } from './vault-api';

/**
 * A client past the silence period the contract sets: how long it has been, and the contract's
 * "checking in" message, filled in and ready to copy. "Heard from them today" clears it.
 */
export function SilenceFlag({ client, contract }: { client: ClientSummary; contract: Contract }) {
  const [copied, setCopied] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const status = silenceStatus(client.lastHeardFrom, contract.silenceFollowUpDays, Date.now());
  if (status.state !== 'overdue') return null;
  const template = renderTemplateById('silenceConcern', contract);

  const copy = async () => {
    const how = await copyText(template.text, textRef.current);
    setCopied(how === 'copied' ? 'Copied. Paste it into your message to the client.' : 'Selected: press Ctrl+C (or ⌘C) to copy it.');
  };

  return (
    <section class="notes-warning silence-flag" data-testid="silence-flag" aria-labelledby="silence-flag-heading">
      <h3 id="silence-flag-heading">{silenceFlag(status.daysSilent, contract.silenceFollowUpDays)}</h3>
      <p class="field-help" id="silence-template-help">
        Your “{template.title}” message, filled in from your contract. It does not name the client. When they reply, press
        “Heard from them today”.
      </p>
      <textarea autoComplete="off"
        ref={textRef}
        id="silence-template"
        name="silenceTemplate"
        data-testid="silence-template"
        aria-label={template.title}
        aria-describedby="silence-template-help"
        readOnly
        rows={8}
        value={template.text}
      />
      <div class="notes-actions">
        <button type="button" data-testid="copy-silence-template" onClick={() => void copy()}>
          Copy message
        </button>
        <span role="status" class="notes-status notes-ok">
          {copied}
        </span>
      </div>
    </section>
  );
}
