import { useEffect, useRef, useState } from 'preact/hooks';
import { PageShell } from '@/components/PageShell';
import { ContractField } from '../options/ContractForm';
import { validateContract } from '@/lib/contract/schema';
import { fromFormValues } from '../options/form-values';
import { useContractForm } from '../options/useContractForm';
import { steps } from './steps';

/** Each browser's own way to pin an extension's icon. */
const PIN_STEPS = import.meta.env.FIREFOX
  ? ['Click the Extensions button (the puzzle piece) at the right of the toolbar.', 'Click the gear beside Anteroom.', 'Choose “Pin to Toolbar”.']
  : ['Click the Extensions button (the puzzle piece) at the right of the toolbar.', 'Click the pin beside Anteroom.'];

/**
 * The first run, opened on install: four short steps, each skippable, then the checklist.
 * Settings are saved when a step is left with "Next"; a refused value keeps the step open with
 * its message beside the field.
 */
export function WelcomePage() {
  const form = useContractForm();
  const [at, setAt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Focus the new step's heading so a keyboard or screen-reader user starts at its top.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [at]);

  if (!form) return <PageShell title="Welcome to Anteroom" lede="Loading your settings…" />;
  const step = steps[at]!;
  const last = at === steps.length - 1;

  const next = async () => {
    if (step.fields.length > 0 && form.dirty) {
      // save() shows the messages; a value it refuses keeps the therapist on this step.
      const valid = validateContract(fromFormValues(form.values, form.saved)).ok;
      await form.save();
      if (!valid) return;
    }
    setAt((current) => Math.min(current + 1, steps.length - 1));
  };
  const blocked = form.status.state === 'invalid' || form.status.state === 'error';

  return (
    <PageShell title="Welcome to Anteroom" lede="Four short steps; skip any of them and the defaults work. Everything stays editable in Settings.">
      <form
        class="welcome"
        data-testid="welcome"
        data-step={step.id}
        autoComplete="off"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void next();
        }}
      >
        <p class="progress" aria-live="polite">
          Step {at + 1} of {steps.length}
        </p>
        <h2 tabIndex={-1} ref={heading}>
          {step.title}
        </h2>
        <p class="lede">{step.intro}</p>
        {step.fields.map((name) => (
          <ContractField key={name} name={name} values={form.values} errors={form.errors} onChange={form.change} />
        ))}
        {step.id === 'notes' && (
          <ul class="choices">
            <li>
              <a href="/notes.html" target="_blank" data-testid="welcome-create-vault">
                Create your notes vault
              </a>{' '}
              — choose a passphrase; Anteroom cannot recover it.
            </li>
            <li>
              <a href="/notes.html#restore" target="_blank" data-testid="welcome-restore">
                Restore a backup
              </a>{' '}
              from another computer.
            </li>
            <li>Or skip this for now: the notes page is in the checklist’s footer.</li>
          </ul>
        )}
        {step.id === 'pin' && (
          <ol class="pin-steps" data-testid="pin-steps">
            {PIN_STEPS.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        )}
        {blocked && (
          <p role="alert" data-testid="welcome-error">
            {form.status.state === 'invalid' ? 'Please correct the field marked above, or skip this step.' : 'Anteroom could not save; try again.'}
          </p>
        )}
        <div class="welcome-actions">
          {at > 0 && (
            <button type="button" data-testid="welcome-back" onClick={() => setAt(at - 1)}>
              Back
            </button>
          )}
          {!last && (
            <>
              <button type="button" data-testid="welcome-skip" onClick={() => setAt(at + 1)}>
                Skip
              </button>
              <button type="submit" class="primary" data-testid="welcome-next">
                Next
              </button>
            </>
          )}
          {last && (
            // The checklist replaces this page in its tab: a toolbar popup cannot be opened
            // reliably from a page in every browser, and a tab keeps it in view.
            <a class="button primary" href="/popup.html" data-testid="welcome-finish">
              Open the checklist
            </a>
          )}
        </div>
      </form>
    </PageShell>
  );
}
