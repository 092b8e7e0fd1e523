import { useEffect, useState } from 'preact/hooks';
import { checkPassphrase, estimateStrength, MIN_PASSPHRASE_CHARS, type StrengthEstimate } from '@/lib/vault/passphrase';

const SCORE_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
}

/** Why a new passphrase cannot be used yet, or undefined when it can. */
export function newPassphraseProblem(value: NewPassphrase): string | undefined {
  const check = checkPassphrase(value.passphrase);
  if (!check.ok) return check.problems.join(' ');
  if (value.passphrase !== value.confirm) return 'The two passphrases are not the same. Type the same passphrase in both boxes.';
  return undefined;
}

/**
 * A new passphrase typed twice, with the length rule and a live strength estimate. The names
 * are parameters because the create form uses the agreed test hooks (passphrase,
 * passphraseConfirm) while "change passphrase" sits beside a "current passphrase" box.
 */
export function PassphraseFields(props: {
  idPrefix: string;
  names: { passphrase: string; confirm: string };
  labels: { passphrase: string; confirm: string };
  value: NewPassphrase;
  onInput: (value: NewPassphrase) => void;
  /** Show rule and mismatch messages (after a submit attempt), not while the first letters go in. */
  showProblems: boolean;
  disabled?: boolean;
}) {
  const { idPrefix, names, labels, value, onInput, showProblems, disabled } = props;
  const check = checkPassphrase(value.passphrase);
  const mismatch = value.confirm !== '' && value.confirm !== value.passphrase;
  const lengthError = showProblems && !check.ok ? check.problems.join(' ') : undefined;
  const confirmError =
    (showProblems || (value.confirm.length >= value.passphrase.length && value.confirm !== '')) && mismatch
      ? 'This does not match the passphrase above.'
      : showProblems && check.ok && value.confirm === ''
        ? 'Type the passphrase again to confirm it.'
        : undefined;
  const ids = { passphrase: `${idPrefix}-passphrase`, confirm: `${idPrefix}-confirm` };

  return (
    <>
      <div class={lengthError ? 'field field-invalid' : 'field'}>
        <label for={ids.passphrase}>{labels.passphrase}</label>
        <p class="field-help" id={`${ids.passphrase}-help`}>
          At least {MIN_PASSPHRASE_CHARS} characters. Four or five unrelated words are easy to remember and hard to guess.
        </p>
        <input
          id={ids.passphrase}
          name={names.passphrase}
          type="password"
          autoComplete="new-password"
          spellcheck={false}
          value={value.passphrase}
          disabled={disabled}
          aria-invalid={lengthError ? 'true' : undefined}
          aria-describedby={`${ids.passphrase}-help ${ids.passphrase}-strength${lengthError ? ` ${ids.passphrase}-error` : ''}`}
          onInput={(event) => onInput({ ...value, passphrase: event.currentTarget.value })}
        />
        <StrengthMeter id={`${ids.passphrase}-strength`} passphrase={value.passphrase} />
        {lengthError && (
          <p class="field-error" id={`${ids.passphrase}-error`}>
            {lengthError}
          </p>
        )}
      </div>
      <div class={confirmError ? 'field field-invalid' : 'field'}>
        <label for={ids.confirm}>{labels.confirm}</label>
        <input
          id={ids.confirm}
          name={names.confirm}
          type="password"
          autoComplete="new-password"
          spellcheck={false}
          value={value.confirm}
          disabled={disabled}
          aria-invalid={confirmError ? 'true' : undefined}
          aria-describedby={confirmError ? `${ids.confirm}-error` : undefined}
          onInput={(event) => onInput({ ...value, confirm: event.currentTarget.value })}
        />
        {confirmError && (
          <p class="field-error" id={`${ids.confirm}-error`}>
            {confirmError}
          </p>
        )}
      </div>
    </>
  );
}

/**
 * How hard the passphrase would be to guess, updated as it is typed (zxcvbn, loaded on first
 * use). Shows the length count until the minimum is reached, since that is the first rule.
 */
function StrengthMeter({ id, passphrase }: { id: string; passphrase: string }) {
  const [estimate, setEstimate] = useState<{ for: string; result: StrengthEstimate }>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    // A short pause so the estimate follows typing without running on every key.
    const timer = setTimeout(() => {
      estimateStrength(passphrase).then(
        (result) => current && setEstimate({ for: passphrase, result }),
        () => current && setFailed(true),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase]);

  const length = [...passphrase.normalize('NFKC')].length;
  const result = estimate && passphrase ? estimate.result : undefined;
  const tooShort = length < MIN_PASSPHRASE_CHARS;
  // A passphrase under the minimum cannot be used at all, so it never looks better than weak.
  const score = tooShort ? Math.min(result?.score ?? 0, 1) : (result?.score ?? 0);
  let words: string;
  if (!passphrase) words = 'Strength: nothing typed yet.';
  else if (tooShort) words = `Too short: ${length} of ${MIN_PASSPHRASE_CHARS} characters.${result && result.score < 3 ? ` ${result.hint}` : ''}`;
  else if (failed) words = `${length} characters. (The strength check could not load; length still counts.)`;
  else if (!result) words = 'Checking strength…';
  else words = `Strength: ${SCORE_WORDS[score]}. ${result.hint}`;

  return (
    <div class="strength" id={id} data-testid="passphrase-strength" data-score={passphrase && result ? score : undefined}>
      <div class="strength-bar" aria-hidden="true">
        {[0, 1, 2, 3].map((step) => (
          <span key={step} class={passphrase && result && step < Math.max(1, score) ? `strength-step on score-${score}` : 'strength-step'} />
        ))}
      </div>
      <p class="strength-words" aria-live="polite">
        {words}
      </p>
    </div>
  );
}
