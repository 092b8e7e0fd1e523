import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PageShell } from '@/components/PageShell';
import { CreateVault } from './CreateVault';
import { createDraftFlushers, DraftFlushContext } from './drafts';
import { ErrorNotice } from './ErrorNotice';
import { describeCounts, describeSkipped, ImportBackup } from './ImportBackup';
import { BackupReminder } from './BackupReminder';
import { askToKeepStorage, persistenceText, storageKept, type Persistence } from './storage-persistence';
import { UnlockVault } from './UnlockVault';
import { guardApi, VaultContext, type LockReason, type VaultApi, type VaultFailure, type VaultState } from './vault-api';
import { Workspace } from './Workspace';

const TITLE = 'Session notes';
const LEDE = 'Encrypted on this device, under a passphrase only you know.';

type View = { kind: 'loading' } | { kind: 'failed'; error: VaultFailure } | { kind: VaultState; restoring?: boolean };

/**
 * The notes page (also the Chrome side panel and the Firefox sidebar). It shows exactly one of:
 * set up, locked, or the unlocked workspace. Locking, from here or from anywhere else (auto-lock,
 * another window), drops the workspace at once, so no note text stays on screen or in the DOM.
 */
export function NotesPage({ api: rawApi }: { api: VaultApi }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [autoLockMinutes, setAutoLockMinutes] = useState<number>();
  const [lockError, setLockError] = useState<VaultFailure>();
  const [locking, setLocking] = useState(false);
  const [notice, setNotice] = useState('');
  // Whether the browser keeps the notes through storage pressure: asked on create and unlock.
  const [persistence, setPersistence] = useState<Persistence>();
  useEffect(() => {
    void storageKept().then(setPersistence);
  }, []);
  const flushers = useMemo(createDraftFlushers, []);
  // Which client was open, so unlocking brings the therapist back to it (an opaque id, nothing readable).
  const lastClient = useRef<string>();
  const mainRef = useRef<HTMLDivElement>(null);
  const rememberClient = useCallback((id: string | undefined) => {
    lastClient.current = id;
  }, []);

  const [lockReason, setLockReason] = useState<LockReason | 'unknown'>();

  const showLocked = useCallback((reason?: LockReason) => {
    setLocking(false);
    setNotice('');
    setLockReason(reason ?? 'unknown');
    setView((current) => (current.kind === 'unlocked' ? { kind: 'locked' } : current));
  }, []);

  const [storageProblem, setStorageProblem] = useState<VaultFailure>();
  const api = useMemo(
    () => guardApi(rawApi, { onLockedAnswer: () => showLocked(), onStorageProblem: setStorageProblem }),
    [rawApi, showLocked],
  );

  // notes.html#restore (the welcome page's "Restore a backup") opens the restore view, once.
  const restoreAsked = useRef(location.hash === '#restore');
  const refresh = useCallback(async () => {
    const result = await api.vaultStatus();
    if (!result.ok) {
      setView({ kind: 'failed', error: result.error });
      return;
    }
    setAutoLockMinutes(result.value.autoLockMinutes);
    setView({ kind: result.value.state, restoring: result.value.state === 'none' && restoreAsked.current });
    restoreAsked.current = false;
  }, [api]);

  useEffect(() => {
    void refresh();
    return api.onVaultLocked(showLocked);
  }, [api, refresh, showLocked]);

  // Move focus to the new state's heading, so keyboard and screen-reader users land in it.
  useEffect(() => {
    if (view.kind === 'loading') return;
    const heading = mainRef.current?.querySelector<HTMLElement>('[data-autofocus-target]');
    if (heading && !mainRef.current?.contains(document.activeElement)) heading.focus();
  }, [view.kind]);

  const lockNow = async () => {
    setLocking(true);
    setLockError(undefined);
    // Keep whatever is being typed as a draft before the key goes away.
    await flushers.flushAll();
    const result = await api.lockVault();
    if (!result.ok) {
      setLocking(false);
      setLockError(result.error);
      return;
    }
    showLocked('user');
  };

  const state: VaultState | undefined = view.kind === 'none' || view.kind === 'locked' || view.kind === 'unlocked' ? view.kind : undefined;
  const restoring = view.kind === 'none' && view.restoring === true;

  return (
    <VaultContext.Provider value={api}>
      <DraftFlushContext.Provider value={flushers}>
        <PageShell title={TITLE} lede={LEDE}>
          {state && (
            <div class="vault-bar" data-state={state}>
              <p class="vault-state" data-testid="vault-state" data-state={state}>
                <span class="vault-dot" aria-hidden="true" />
                {state === 'unlocked' ? 'Unlocked' : state === 'locked' ? 'Locked' : 'Not set up yet'}
                {state === 'unlocked' && autoLockMinutes !== undefined && autoLockMinutes > 0 && (
                  <span class="vault-autolock" data-testid="auto-lock">
                    {' '}
                    · Locks after {autoLockMinutes} {autoLockMinutes === 1 ? 'minute' : 'minutes'} without activity
                  </span>
                )}
              </p>
              {state === 'unlocked' && (
                <button type="button" class="primary" data-testid="lock" disabled={locking} onClick={() => void lockNow()}>
                  {locking ? 'Locking…' : 'Lock now'}
                </button>
              )}
            </div>
          )}
          <div class="storage-problem">
            <ErrorNotice error={storageProblem} prominent testId="storage-problem" onDismiss={() => setStorageProblem(undefined)} />
          </div>
          <ErrorNotice error={lockError} />
          {state === 'unlocked' && persistence && (
            <p class="notes-persistence" data-testid="storage-persistence" data-persistence={persistence}>
              {persistenceText(persistence)}
            </p>
          )}
          {(state === 'unlocked' || state === 'locked') && <BackupReminder unlocked={state === 'unlocked'} />}
          <p role="status" class="notes-status notes-ok">
            {notice}
          </p>
          <div ref={mainRef}>
            {view.kind === 'loading' && <p class="notes-empty">Opening your notes…</p>}
            {view.kind === 'failed' && (
              <>
                <ErrorNotice error={view.error} />
                <button type="button" onClick={() => void refresh()}>
                  Try again
                </button>
              </>
            )}
            {restoring && (
              <section id="restore" class="notes-card" aria-labelledby="restore-heading">
                <h2 id="restore-heading" tabIndex={-1} data-autofocus-target>
                  Restore from an encrypted backup
                </h2>
                <p>
                  Bring your clients and notes over from another computer or browser. After restoring, your notes open with the
                  passphrase the backup was made with.
                </p>
                <ImportBackup
                  onImported={(counts) => {
                    setNotice(
                      `Restored ${describeCounts(counts)}. Your notes now open with the passphrase this backup was made with. ${describeSkipped(counts)}`.trim(),
                    );
                    void refresh();
                  }}
                />
                <p>
                  <button type="button" class="link-button" onClick={() => setView({ kind: 'none' })}>
                    ← Back to setting up a new vault
                  </button>
                </p>
              </section>
            )}
            {state === 'none' && !restoring && (
              <CreateVault
                onCreated={() => {
                  setNotice('Your notes vault is ready and unlocked.');
                  void askToKeepStorage().then(setPersistence);
                  void refresh();
                }}
                onRestore={() => setView({ kind: 'none', restoring: true })}
              />
            )}
            {state === 'locked' && !restoring && (
              <UnlockVault
                notice={lockNotice(lockReason, autoLockMinutes)}
                onUnlocked={() => {
                  setLockReason(undefined);
                  void askToKeepStorage().then(setPersistence);
                  setNotice('');
                  void refresh();
                }}
              />
            )}
            {state === 'unlocked' && (
              <Workspace
                resumeClientId={lastClient.current}
                onClientOpened={rememberClient}
              />
            )}
          </div>
        </PageShell>
      </DraftFlushContext.Provider>
    </VaultContext.Provider>
  );
}

/** Why the notes locked by themselves, in the therapist's terms; nothing for a lock they chose. */
function lockNotice(reason: LockReason | 'unknown' | undefined, autoLockMinutes: number | undefined): string | undefined {
  switch (reason) {
    case 'inactivity':
      return autoLockMinutes
        ? `Your notes locked after ${autoLockMinutes} ${autoLockMinutes === 1 ? 'minute' : 'minutes'} without activity.`
        : 'Your notes locked after a while without activity.';
    case 'screen-share':
      return 'Your notes locked because screen sharing started, so they cannot appear on a shared screen.';
    case 'screen-locked':
      return 'Your notes locked because your computer’s screen locked.';
    case 'computer-idle':
      return 'Your notes locked because nobody had used this computer’s keyboard or mouse for a few minutes.';
    case 'windows-closed':
      return 'Your notes locked when the last browser window closed.';
    case 'unknown':
      return 'Your notes were locked.';
    default:
      return undefined;
  }
}
