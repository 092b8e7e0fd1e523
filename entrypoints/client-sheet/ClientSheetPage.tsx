import { agreementHeader, clientPreparationSections } from '@/lib/contract/agreement';
import { LoadingDocument, PrintableDocument } from '../agreement/PrintableDocument';
import { contractNotices, useSavedContract } from '../agreement/useSavedContract';

/** A one-page guide that helps a client get ready for online sessions, from the saved contract. */
export function ClientSheetPage() {
  const loaded = useSavedContract();
  if (!loaded) return <LoadingDocument />;
  return (
    <PrintableDocument
      testId="client-sheet"
      title="Getting ready for our online sessions"
      byline={agreementHeader(loaded.value).byline}
      sections={clientPreparationSections(loaded.value)}
      intro="A one-page guide for your clients, filled in from your saved contract defaults. Give it to them with the agreement."
      notices={contractNotices(loaded)}
    />
  );
}
