import { useState } from 'preact/hooks';
import { agreementHeader, agreementSections } from '@/lib/contract/agreement';
import { LoadingDocument, PrintableDocument } from './PrintableDocument';
import { contractNotices, useSavedContract } from './useSavedContract';

/** The online-work agreement a client reads and signs, from the saved contract defaults. */
export function AgreementPage() {
  const loaded = useSavedContract();
  // Only for this printout: which platform changes from client to client, so it is not saved.
  const [platformName, setPlatformName] = useState('');
  if (!loaded) return <LoadingDocument />;

  const contract = loaded.value;
  const header = agreementHeader(contract);
  return (
    <PrintableDocument
      testId="agreement"
      title={header.title}
      byline={header.byline}
      sections={agreementSections(contract, { platformName })}
      intro="The agreement for your clients to read and sign, filled in from your saved contract defaults."
      notices={contractNotices(loaded)}
      controls={
        <div class="toolbar-field">
          <label for="platform-name">Platform you meet this client on (optional)</label>
          <p class="field-help" id="platform-name-help">
            For example “Zoom for Healthcare”. Printed in the section about the platform; not saved. Left empty, the agreement says
            you will confirm it in writing.
          </p>
          <input
            id="platform-name"
            name="platformName"
            type="text"
            autoComplete="off"
            aria-describedby="platform-name-help"
            value={platformName}
            onInput={(event) => setPlatformName(event.currentTarget.value)}
          />
        </div>
      }
    >
      <section class="signatures" aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">Agreed by</h2>
        <p>Please read this agreement, ask me about anything that is unclear, and keep a copy for yourself.</p>
        <div class="signature-grid">
          <div>Client’s name</div>
          <div>Client’s signature</div>
          <div>Date</div>
          <div>Therapist’s name{contract.therapist.name ? `: ${contract.therapist.name}` : ''}</div>
          <div>Therapist’s signature</div>
          <div>Date</div>
        </div>
      </section>
    </PrintableDocument>
  );
}
