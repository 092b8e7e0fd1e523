import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { loadContract, saveContract, watchContract } from '@/lib/contract/storage-item';
import {
  customPlatform,
  originPatternFor,
  parseCustomHost,
  readCustomPlatforms,
  type CustomPlatform,
} from '@/lib/rules/custom-platform';

type Draft = Omit<CustomPlatform, 'host' | 'addedOn'> & { address: string };

const EMPTY: Draft = {
  address: '',
  subdomains: false,
  name: '',
  kind: 'video',
  e2ee: 'none',
  baa: 'unknown',
  adFundedOwner: false,
  presenceExposure: false,
  publicFacing: false,
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The custom-platforms editor on the options page. Adding asks the browser for permission on
 * that one site, at that moment (the click is the user gesture permissions.request needs);
 * deleting gives the permission back. The background registers the content script from the
 * saved list (lib/background/custom-scripts.ts).
 */
export function CustomPlatforms() {
  const [list, setList] = useState<CustomPlatform[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadContract().then((loaded) => setList(readCustomPlatforms(loaded.value.customPlatforms)));
    return watchContract((loaded) => setList(readCustomPlatforms(loaded.value.customPlatforms)));
  }, []);

  const saveList = async (next: CustomPlatform[]) => {
    const loaded = await loadContract();
    const result = await saveContract({ ...loaded.value, customPlatforms: next });
    if (!result.ok) throw new Error(Object.values(result.errors)[0] ?? 'The settings could not be saved.');
    setList(next);
  };

  const add = (event: Event) => {
    event.preventDefault();
    setStatus('');
    // Validate synchronously: permissions.request must be the first thing the click does.
    const host = parseCustomHost(draft.address);
    const { address: _typed, ...facts } = draft;
    const parsed = host.ok ? v.safeParse(customPlatform, { ...facts, host: host.host, addedOn: today() }) : undefined;
    const nextErrors: Record<string, string> = {};
    if (!host.ok) nextErrors.address = host.error;
    if (parsed && !parsed.success) {
      for (const issue of parsed.issues) nextErrors[String(issue.path?.[0]?.key ?? 'name')] = issue.message;
    }
    if (!draft.name.trim()) nextErrors.name = 'Give the platform a name.';
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0 || !parsed?.success) return;
    const entry = parsed.output;
    void browser.permissions.request({ origins: [originPatternFor(entry)] }).then(
      async (granted) => {
        if (!granted) {
          setStatus(`Nothing was added: Anteroom needs your permission to show its check on ${entry.host}.`);
          return;
        }
        try {
          await saveList([...list.filter((c) => c.host !== entry.host), entry]);
          setDraft(EMPTY);
          setStatus(`Added ${entry.name}. Anteroom now checks ${entry.host}.`);
        } catch (error) {
          setStatus(`Nothing was added: ${(error as Error).message}`);
        }
      },
      (error: Error) => setStatus(`Nothing was added: ${error.message}`),
    );
  };

  const remove = async (entry: CustomPlatform) => {
    if (!window.confirm(`Stop checking ${entry.host} and give back Anteroom's permission for it?`)) return;
    try {
      await saveList(list.filter((c) => c.host !== entry.host));
      await browser.permissions.remove({ origins: [originPatternFor(entry)] }).catch(() => false);
      setStatus(`Removed ${entry.name}.`);
    } catch (error) {
      setStatus(`Could not remove it: ${(error as Error).message}`);
    }
  };

  const field = (key: keyof Draft) => ({
    id: `custom-${key}`,
    name: `custom-${key}`,
    'aria-invalid': errors[key] ? ('true' as const) : undefined,
    'aria-describedby': errors[key] ? `custom-${key}-error` : `custom-${key}-help`,
  });
  const error = (key: string) =>
    errors[key] ? (
      <p id={`custom-${key}-error`} class="field-error" role="alert">
        {errors[key]}
      </p>
    ) : null;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  return (
    <div data-testid="custom-platforms">
      <p>
        Add a site the catalogue does not know — a self-hosted Jitsi, your clinic’s telehealth — and what you know about it.
        Anteroom will ask your browser for permission on that one site, then judge it like any other platform.
      </p>
      {list.length > 0 ? (
        <ul data-testid="custom-platform-list">
          {list.map((entry) => (
            <li key={entry.host} data-host={entry.host}>
              <strong>{entry.name}</strong> — {entry.subdomains ? '*.' : ''}
              {entry.host} ({entry.kind}, added {entry.addedOn}){' '}
              <button type="button" data-testid={`custom-remove-${entry.host}`} onClick={() => void remove(entry)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No custom platforms yet.</p>
      )}
      <form onSubmit={add} data-testid="custom-platform-form" noValidate>
        <label for="custom-address">Site address</label>
        <input autoComplete="off" {...field('address')} value={draft.address} placeholder="meet.myclinic.org" onInput={(e) => set('address', e.currentTarget.value)} />
        <p id="custom-address-help" class="help">One site, for example meet.myclinic.org or a pasted meeting link.</p>
        {error('address')}
        <label>
          <input autoComplete="off" type="checkbox" name="custom-subdomains" checked={draft.subdomains} onChange={(e) => set('subdomains', e.currentTarget.checked)} />{' '}
          Also its sub-domains
        </label>
        <label for="custom-name">Name</label>
        <input autoComplete="off" {...field('name')} value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />
        <p id="custom-name-help" class="help">How you call it, for example “Clinic telehealth”.</p>
        {error('name')}
        <label for="custom-kind">Kind</label>
        <select autoComplete="off" {...field('kind')} value={draft.kind} onChange={(e) => set('kind', e.currentTarget.value as Draft['kind'])}>
          <option value="video">Video or voice calls</option>
          <option value="webmail">Webmail</option>
        </select>
        <p id="custom-kind-help" class="help">Decides which check runs on the site.</p>
        <label for="custom-e2ee">End-to-end encryption</label>
        <select autoComplete="off" {...field('e2ee')} value={draft.e2ee} onChange={(e) => set('e2ee', e.currentTarget.value as Draft['e2ee'])}>
          <option value="default">Always on</option>
          <option value="optional">Can be turned on</option>
          <option value="between-own-users">Only between its own users</option>
          <option value="none">No, or I don’t know</option>
        </select>
        <p id="custom-e2ee-help" class="help">End to end means only you and your client can read or hear it, not the provider.</p>
        <label for="custom-baa">Will the provider sign a BAA (HIPAA)?</label>
        <select autoComplete="off" {...field('baa')} value={draft.baa} onChange={(e) => set('baa', e.currentTarget.value as Draft['baa'])}>
          <option value="yes">Yes</option>
          <option value="paid-plans">On paid plans</option>
          <option value="no">No</option>
          <option value="unknown">I don’t know</option>
        </select>
        <p id="custom-baa-help" class="help">Matters if you practise under HIPAA.</p>
        <label>
          <input autoComplete="off" type="checkbox" name="custom-adFundedOwner" checked={draft.adFundedOwner} onChange={(e) => set('adFundedOwner', e.currentTarget.checked)} /> Its owner earns
          from advertising
        </label>
        <label>
          <input autoComplete="off" type="checkbox" name="custom-presenceExposure" checked={draft.presenceExposure} onChange={(e) => set('presenceExposure', e.currentTarget.checked)} /> It shows
          others when you are online or were last seen
        </label>
        <label>
          <input autoComplete="off" type="checkbox" name="custom-publicFacing" checked={draft.publicFacing} onChange={(e) => set('publicFacing', e.currentTarget.checked)} /> Anyone can watch or
          join (public)
        </label>
        <div>
          <button type="submit" class="primary" data-testid="custom-add">
            Add platform
          </button>
        </div>
      </form>
      <p role="status" data-testid="custom-status">
        {status}
      </p>
    </div>
  );
}
