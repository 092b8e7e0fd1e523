import { useState } from 'preact/hooks';
import { ErrorNotice } from './ErrorNotice';
import { formatDate, plural } from './format';
import { useVault, type LeftOutView, type VaultFailure } from './vault-api';

const KIND_WORD: Record<LeftOutView['kind'], string> = { client: 'A client', note: 'A note', session: 'A session' };

/** One left-out record in the words the page already uses: kind, client label, date. Never its contents. */
export function describeLeftOut(record: LeftOutView): string {
  const whose = record.kind === 'client' ? '' : record.clientLabel ? ` of ${record.clientLabel}` : '';
  const when = record.at === undefined ? '' : record.kind === 'session' ? ` held on ${formatDate(record.at)}` : ` last saved on ${formatDate(record.at)}`;
  const what = `${KIND_WORD[record.kind]}${whose}${when}`;
  switch (record.reason) {
    case 'damaged':
      return `${what} fails its integrity check and cannot be opened.`;
    case 'client-left-out':
      return `${what}, whose client’s own record is left out (above).`;
    default:
      return `${what} was saved by another version of Anteroom in a form this one cannot restore; if you also use a newer Anteroom, it may read it.`;
  }
}

/**
 * After a backup download: the records it could not include, so a restore of it would not bring
 * them back, and what the therapist can do. A note or a session can be deleted from here, since
 * a damaged or unreadable record is not in any list to delete it from.
 */
export function BackupLeftOut({ leftOut }: { leftOut: LeftOutView[] }) {
  const api = useVault();
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<VaultFailure>();
  /** The record whose Delete was pressed once: a second, explicit press deletes it. */
  const [asking, setAsking] = useState<string>();
  if (leftOut.length === 0) return null;

  const remove = async (record: LeftOutView) => {
    setError(undefined);
    const result = record.kind === 'note' ? await api.deleteNote(record.id) : await api.deleteSession(record.clientId, record.id);
    setAsking(undefined);
    if (!result.ok) return setError(result.error);
    setDeleted(new Set([...deleted, record.id]));
  };

  return (
    <div class="notes-warning" role="status" data-testid="export-left-out">
      <p>
        <strong>
          {plural(leftOut.length, 'record')} {leftOut.length === 1 ? 'is' : 'are'} not in this backup,
        </strong>{' '}
        because a restore would refuse {leftOut.length === 1 ? 'it' : 'them'}. Everything else is in the file, and the file restores.
      </p>
      <ul>
        {leftOut.map((record) => (
          <li key={`${record.kind}/${record.id}`} data-testid="export-left-out-item">
            {describeLeftOut(record)}{' '}
            {record.kind !== 'client' &&
              (deleted.has(record.id) ? (
                <span class="notes-ok">Deleted.</span>
              ) : asking === record.id ? (
                <>
                  <button type="button" class="danger" data-testid="export-left-out-confirm" onClick={() => void remove(record)}>
                    Delete it for good
                  </button>{' '}
                  <button type="button" onClick={() => setAsking(undefined)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" data-testid="export-left-out-delete" onClick={() => setAsking(record.id)}>
                  Delete this {record.kind}…
                </button>
              ))}
          </li>
        ))}
      </ul>
      <p>
        {leftOut.length === 1 ? 'It stays' : 'They stay'} in your notes here, unchanged. If an older backup holds a good copy, keep that
        backup. If you do not need {leftOut.length === 1 ? 'it' : 'them'}, delete {leftOut.length === 1 ? 'it' : 'them'}
, so that your next backup holds everything.
      </p>
      <ErrorNotice error={error} />
    </div>
  );
}
