import { useEffect, useRef, useState } from 'preact/hooks';
import { validateContract, type Contract } from '@/lib/contract/schema';
import { loadContract, saveContract, watchContract } from '@/lib/contract/storage-item';
import { changedFields, fromFormValues, toFormValues, type FormFieldName, type FormValues } from './form-values';

export type SaveStatus =
  | { state: 'loading' }
  | { state: 'defaults' }
  | { state: 'saved'; at?: Date; syncRefused?: boolean }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'invalid'; count: number }
  | { state: 'error' };

export interface ContractFormState {
  /** The latest stored contract (or the defaults): the base for fields the form does not show. */
  saved: Contract;
  values: FormValues;
  errors: Record<string, string>;
  status: SaveStatus;
  dirty: boolean;
  /** Stored settings that could not be read and now show their defaults. */
  resetFields: string[];
  change: (name: FormFieldName, value: string) => void;
  save: () => Promise<void>;
  /** Saves a contract from elsewhere (an imported file); resolves to an error sentence on failure. */
  replace: (contract: Contract) => Promise<string | undefined>;
  /** Increments after a refused save, so the page can move focus to the first invalid control. */
  focusRequest: number;
}

/**
 * The options form's state: values as typed, what was last saved, and the errors from the last
 * refused save. Once a save has been refused, every edit re-validates, so a message disappears
 * as soon as the therapist fixes it.
 */
export function useContractForm(): ContractFormState | undefined {
  const [saved, setSaved] = useState<Contract>();
  const [savedValues, setSavedValues] = useState<FormValues>();
  const [values, setValues] = useState<FormValues>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<'loading' | 'idle' | 'saving' | 'invalid' | 'error'>('loading');
  const [everSaved, setEverSaved] = useState(false);
  const [lastSave, setLastSave] = useState<{ at: Date; syncRefused: boolean }>();
  const [resetFields, setResetFields] = useState<string[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  // The watcher below outlives renders; it needs the current values, not the first ones.
  const latest = useRef<{ values?: FormValues; savedValues?: FormValues }>({});
  latest.current = { values, savedValues };

  /** Shows a stored contract; with `submitted`, leaves the fields alone if they changed while it was saving. */
  const apply = (contract: Contract, submitted?: FormValues) => {
    const fresh = toFormValues(contract);
    setSaved(contract);
    setSavedValues(fresh);
    if (submitted === undefined || latest.current.values === submitted) setValues(fresh);
    setErrors({});
  };

  useEffect(() => {
    let active = true;
    void loadContract().then((loaded) => {
      if (!active) return;
      apply(loaded.value);
      setResetFields(loaded.resetFields);
      setEverSaved(loaded.source !== 'defaults');
      setPhase('idle');
    });
    // Another page (or the custom-platforms editor) saved: keep the base current, and show the
    // new values too unless the therapist is in the middle of editing.
    const unwatch = watchContract((loaded) => {
      if (!active) return;
      setSaved(loaded.value);
      setEverSaved(loaded.source !== 'defaults');
      setResetFields(loaded.resetFields);
      const { values: current, savedValues: before } = latest.current;
      if (current && before && changedFields(current, before).length === 0) {
        const fresh = toFormValues(loaded.value);
        setSavedValues(fresh);
        setValues(fresh);
      }
    });
    return () => {
      active = false;
      unwatch();
    };
  }, []);

  if (!saved || !values || !savedValues) return undefined;

  const dirty = changedFields(values, savedValues).length > 0;

  const refuse = (found: Record<string, string>) => {
    setErrors(found);
    setPhase('invalid');
    setFocusRequest((n) => n + 1);
  };

  const change = (name: FormFieldName, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    if (phase === 'invalid') {
      const checked = validateContract(fromFormValues(next, saved));
      setErrors(checked.ok ? {} : checked.errors);
      if (checked.ok) setPhase('idle');
    } else if (phase === 'error') {
      setPhase('idle');
    }
  };

  const store = async (candidate: unknown, submitted?: FormValues): Promise<Record<string, string> | 'refused' | undefined> => {
    setPhase('saving');
    try {
      const result = await saveContract(candidate);
      if (!result.ok) return result.errors;
      apply(result.value, submitted);
      setResetFields([]);
      setEverSaved(true);
      setLastSave({ at: new Date(), syncRefused: result.syncRefused });
      setPhase('idle');
      return undefined;
    } catch {
      setPhase('error');
      return 'refused';
    }
  };

  const save = async () => {
    if (phase === 'saving') return;
    const candidate = fromFormValues(values, saved);
    const checked = validateContract(candidate);
    if (!checked.ok) return refuse(checked.errors);
    const failure = await store(candidate, values);
    if (failure && failure !== 'refused') refuse(failure);
  };

  const replace = async (contract: Contract): Promise<string | undefined> => {
    const failure = await store(contract);
    if (failure === 'refused') return 'The browser refused to store the settings.';
    if (failure) {
      setPhase('idle');
      return Object.values(failure).join(' ');
    }
    return undefined;
  };

  const status: SaveStatus =
    phase === 'loading' || phase === 'saving' || phase === 'error'
      ? { state: phase }
      : phase === 'invalid'
        ? { state: 'invalid', count: Object.keys(errors).length }
        : dirty
          ? { state: 'unsaved' }
          : everSaved
            ? { state: 'saved', ...lastSave }
            : { state: 'defaults' };

  return { saved, values, errors, status, dirty, resetFields, change, save, replace, focusRequest };
}
