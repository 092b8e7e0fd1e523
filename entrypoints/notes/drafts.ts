import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { useVault, type VaultFailure } from './vault-api';

/** Typing pauses this long before the draft is written (encrypted) to the vault. */
export const DRAFT_IDLE_MS = 1000;
/**
 * Steady typing never pauses: it is written at least this often anyway, so a lock that comes
 * without warning (a screen share starting, the screen locking) loses at most these seconds.
 */
export const DRAFT_MAX_WAIT_MS = 3000;

/**
 * Open editors register how to write their pending draft now, so "Lock now" can save typed
 * text before the key goes away.
 */
export interface DraftFlushers {
  register(flush: () => Promise<void>): () => void;
  flushAll(): Promise<void>;
}

export function createDraftFlushers(): DraftFlushers {
  const flushers = new Set<() => Promise<void>>();
  return {
    register(flush) {
      flushers.add(flush);
      return () => flushers.delete(flush);
    },
    async flushAll() {
      await Promise.all([...flushers].map((flush) => flush()));
    },
  };
}

export const DraftFlushContext = createContext<DraftFlushers>(createDraftFlushers());

export type DraftState = 'clean' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * Keeps the editor's text in the vault as a draft: written after a second without typing (and at
 * least every three seconds while typing goes on), at once when the page is hidden or closed,
 * when the editor closes and before a manual lock.
 */
export function useDraftAutosave(clientId: string, noteId: string | undefined, version?: string) {
  const api = useVault();
  const flushers = useContext(DraftFlushContext);
  const [state, setState] = useState<DraftState>('clean');
  const [error, setError] = useState<VaultFailure>();
  const pending = useRef<{ body: string; noteId: string | undefined; version: string | undefined } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  /** Started by the first keystroke after a write; not pushed back by the ones after it. */
  const deadline = useRef<ReturnType<typeof setTimeout>>();
  const target = useRef({ clientId, noteId, version });
  target.current = { clientId, noteId, version };

  const stopTimers = () => {
    clearTimeout(timer.current);
    clearTimeout(deadline.current);
    deadline.current = undefined;
  };

  const flush = useCallback(async () => {
    stopTimers();
    const draft = pending.current;
    if (!draft) return;
    pending.current = null;
    setState('saving');
    const result = await api.saveDraft(target.current.clientId, draft.noteId, draft.body, draft.version);
    if (result.ok) {
      // Newer typing may have arrived while this one was being written.
      setState(pending.current ? 'pending' : 'saved');
      setError(undefined);
    } else {
      setState('failed');
      setError(result.error);
      // Keep the text queued so the next pause tries again.
      pending.current ??= draft;
    }
  }, [api]);

  const changed = useCallback(
    (body: string) => {
      pending.current = { body, noteId: target.current.noteId, version: target.current.version };
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DRAFT_IDLE_MS);
      deadline.current ??= setTimeout(() => void flush(), DRAFT_MAX_WAIT_MS);
    },
    [flush],
  );

  /** Forget the pending draft (after a save, or when the therapist discards it). */
  const forget = useCallback(() => {
    stopTimers();
    pending.current = null;
    setState('clean');
    setError(undefined);
  }, []);

  useEffect(() => {
    const unregister = flushers.register(flush);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flushers, flush]);

  return { state, error, changed, flush, forget };
}
