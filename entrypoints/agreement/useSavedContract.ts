import { useEffect, useState } from 'preact/hooks';
import { fieldLabels } from '@/lib/contract/schema';
import { loadContract, watchContract, type LoadedContract } from '@/lib/contract/storage-item';

/** The saved contract, kept current if the options page saves while this page is open. */
export function useSavedContract(): LoadedContract | undefined {
  const [loaded, setLoaded] = useState<LoadedContract>();
  useEffect(() => {
    let active = true;
    void loadContract().then((value) => active && setLoaded(value));
    const unwatch = watchContract((value) => active && setLoaded(value));
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return loaded;
}

/** What the therapist should know before printing: unsaved defaults, or settings that were reset. */
export function contractNotices(loaded: LoadedContract): string[] {
  const notices: string[] = [];
  if (loaded.source === 'defaults') {
    notices.push(
      'You have not saved your contract defaults yet, so this shows Anteroom’s suggested wording. Check and save them on the contract defaults page first.',
    );
  }
  if (loaded.resetFields.length > 0) {
    const labels = loaded.resetFields.map((path) => fieldLabels[path] ?? path).join(', ');
    notices.push(`Some saved settings were unreadable and show their defaults here: ${labels}. Check them on the contract defaults page.`);
  }
  return notices;
}
