import { useEffect, useState } from 'preact/hooks';
import type { Contract } from '@/lib/contract/schema';
import { loadContract, watchContract } from '@/lib/contract/storage-item';

/** The therapist's contract defaults, kept current while the page is open (the options page may change them). */
export function useContract(): Contract | undefined {
  const [contract, setContract] = useState<Contract>();
  useEffect(() => {
    let current = true;
    void loadContract().then((loaded) => current && setContract(loaded.value));
    const unwatch = watchContract((loaded) => current && setContract(loaded.value));
    return () => {
      current = false;
      unwatch();
    };
  }, []);
  return contract;
}
