import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from './ErrorNotice';
import { excerptAround, formatDateTime, plural, toDate } from './format';
import { TagList } from './NoteList';
import { useVault, type ClientSummary, type NoteView, type VaultFailure } from './vault-api';

const SEARCH_PAUSE_MS = 250;

/** Search every client's notes (decrypted in the background, never sent anywhere). */
export function SearchPanel(props: { clients: ClientSummary[]; onOpen: (note: NoteView) => void }) {
  const { clients, onOpen } = props;
  const api = useVault();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; notes: NoteView[] }>();
  const [error, setError] = useState<VaultFailure>();
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const wanted = query.trim();
    if (!wanted) {
      latest.current++;
      setResults(undefined);
      setError(undefined);
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      const ticket = ++latest.current;
      void api.searchNotes(wanted).then((result) => {
        if (ticket !== latest.current) return; // a newer search is on its way
        setSearching(false);
        if (result.ok) {
          setError(undefined);
          setResults({ query: wanted, notes: result.value });
        } else {
          setError(result.error);
          setResults(undefined);
        }
      });
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [api, query]);

  const labelOf = (clientId: string) => clients.find((c) => c.id === clientId)?.label ?? 'Unknown client';

  return (
    <section class="search" aria-labelledby="search-label" role="search">
      <label id="search-label" for="notes-search">
        Search all notes
      </label>
      <div class="search-row">
        <input
          id="notes-search"
          name="search"
          type="search"
          autoComplete="off"
          spellcheck={false}
          value={query}
          aria-describedby="search-summary"
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
          }}
        />
        {query && (
          <button type="button" onClick={() => setQuery('')}>
            Clear
          </button>
        )}
      </div>
      <p id="search-summary" role="status" class="notes-status">
        {!query.trim()
          ? ''
          : searching
            ? 'Searching…'
            : results
              ? results.notes.length === 0
                ? `No notes contain “${results.query}”.`
                : `${plural(results.notes.length, 'note')} found.`
              : ''}
      </p>
      <ErrorNotice error={error} />
      {results && results.notes.length > 0 && (
        <ul class="note-list search-results" data-testid="search-results">
          {results.notes.map((note) => {
            const excerpt = excerptAround(note.body, results.query);
            return (
              <li key={note.id} class="note-item" data-testid="note-item" data-note-id={note.id}>
                <p class="note-meta">
                  <strong>{labelOf(note.clientId)}</strong> ·{' '}
                  <time dateTime={toDate(note.updatedAt)?.toISOString()}>{formatDateTime(note.updatedAt)}</time>
                </p>
                <p class="note-body">
                  {excerpt.before}
                  {excerpt.match && <mark>{excerpt.match}</mark>}
                  {excerpt.after}
                </p>
                <TagList tags={note.tags} />
                <div class="notes-actions compact">
                  <button type="button" data-testid="open-note" onClick={() => onOpen(note)}>
                    Open {labelOf(note.clientId)}’s note
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
