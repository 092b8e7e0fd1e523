import { useEffect, useState } from 'preact/hooks';
import { PassphraseField } from '@/components/forms/PassphraseField';
import { wireControl } from '@/components/forms/wiring';
import { checkPassphrase, MIN_PASSPHRASE_CHARS } from '@/lib/vault/crypto/passphrase';
import { isStrongEnough, type StrengthEstimate } from '@/lib/vault/crypto/strength';
import { messageFor } from '@/lib/error-messages';
import { scoreNewPassphrase } from './strength';

const SCORE_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
  /** "I accept a weaker passphrase", ticked for the passphrase as it is now (typing clears it). */
  acceptWeak: boolean;
}

export const EMPTY_NEW_PASSPHRASE: NewPassphrase = { passphrase: '', confirm: '', acceptWeak: false };

/** Why a new passphrase cannot be used yet, or undefined when it can (the rules checked as it is typed). */
export function newPassphraseProblem(value: NewPassphrase): string | undefined {
  const check = checkPassphrase(value.passphrase);
  if (!check.ok) return check.problems.join(' ');
  if (value.passphrase !== value.confirm) return messageFor('passphrases-differ');
  return undefined;
}

/**
 * The strength rule, on submit: zxcvbn's score of at least 3, or the explicit acceptance. If the
 * estimate cannot load here, the background (which scores again) decides.
 */
export async function weakPassphraseProblem(value: NewPassphrase): Promise<string | undefined> {
  if (value.acceptWeak) return undefined;
  const estimate = await scoreNewPassphrase(value.passphrase).catch(() => undefined);
  return estimate && !isStrongEnough(estimate.score) ? messageFor('weak-passphrase-unaccepted') : undefined;
}

/**
 * A new passphrase typed twice, with the length rule, a live strength estimate with zxcvbn's own
 * feedback and, for a weak one, the "I accept a weaker passphrase" step. The names are parameters
 * because the create form uses the agreed test hooks (passphrase, passphraseConfirm) while
 * "change passphrase" sits beside a "current passphrase" box.
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
  const strength = useStrength(value.passphrase);
  const weak = check.ok && strength.estimate !== undefined && !isStrongEnough(strength.estimate.score);
  const mismatch = value.confirm !== '' && value.confirm !== value.passphrase;
  const passphraseError = showProblems && !check.ok ? check.problems.join(' ') : showProblems && weak && !value.acceptWeak ? messageFor('weak-passphrase-unaccepted') : undefined;
  const confirmError =
    (showProblems || (value.confirm.length >= value.passphrase.length && value.confirm !== '')) && mismatch
      ? messageFor('confirm-passphrase-differs')
      : showProblems && check.ok && value.confirm === ''
        ? messageFor('confirm-passphrase-missing')
        : undefined;
  const ids = { passphrase: `${idPrefix}-passphrase`, confirm: `${idPrefix}-confirm`, accept: `${idPrefix}-accept-weak` };
  const strengthId = `${ids.passphrase}-strength`;

  return (
    <>
      <PassphraseField
        id={ids.passphrase}
        name={names.passphrase}
        label={labels.passphrase}
        help={<>At least {MIN_PASSPHRASE_CHARS} characters. Four or five unrelated words are easy to remember and hard to guess.</>}
        describedBy={[strengthId]}
        error={passphraseError}
        autoComplete="new-password"
        value={value.passphrase}
        disabled={disabled}
        // A different passphrase is a different decision: the acceptance does not carry over.
        onInput={(passphrase) => onInput({ ...value, passphrase, acceptWeak: false })}
        after={<StrengthMeter id={strengthId} passphrase={value.passphrase} estimate={strength.estimate} failed={strength.failed} />}
      />
      {(weak || value.acceptWeak) && (
        <div class="field field-check">
          <input
            {...wireControl(ids.accept, { describedBy: [`${ids.accept}-help`, strengthId] })}
            name="acceptWeakPassphrase"
            type="checkbox"
            autoComplete="off"
            data-testid="accept-weak-passphrase"
            checked={value.acceptWeak}
            disabled={disabled}
            onChange={(event) => onInput({ ...value, acceptWeak: event.currentTarget.checked })}
          />
          <label for={ids.accept}>I accept a weaker passphrase</label>
          <p class="field-help" id={`${ids.accept}-help`}>
            Anyone who gets a copy of this browser’s files could try guesses against it without limit; a weak passphrase falls
            first.
          </p>
        </div>
      )}
      <PassphraseField
        id={ids.confirm}
        name={names.confirm}
        label={labels.confirm}
        error={confirmError}
        autoComplete="new-password"
        value={value.confirm}
        disabled={disabled}
        onInput={(confirm) => onInput({ ...value, confirm })}
      />
    </>
  );
}

/** The estimate for the passphrase as it is now (zxcvbn loads on first use), after a short pause in typing. */
function useStrength(passphrase: string): { estimate?: StrengthEstimate; failed: boolean } {
  const [estimate, setEstimate] = useState<{ for: string; result: StrengthEstimate }>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    // A short pause so the estimate follows typing without running on every key.
    const timer = setTimeout(() => {
      scoreNewPassphrase(passphrase).then(
        (result) => current && setEstimate({ for: passphrase, result }),
        () => current && setFailed(true),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase]);

  return { estimate: passphrase && estimate?.for === passphrase ? estimate.result : undefined, failed };
}

/**
 * How hard the passphrase would be to guess, with zxcvbn's warning and suggestions as it gives
 * them. Shows the length count until the minimum is reached, since that is the first rule.
 */
function StrengthMeter({ id, passphrase, estimate, failed }: { id: string; passphrase: string; estimate?: StrengthEstimate; failed: boolean }) {
  const length = [...passphrase.normalize('NFKC')].length;
  const tooShort = length < MIN_PASSPHRASE_CHARS;
  // A passphrase under the minimum cannot be used at all, so it never looks better than weak.
  const score = tooShort ? Math.min(estimate?.score ?? 0, 1) : (estimate?.score ?? 0);
  let words: string;
  if (!passphrase) words = 'Strength: nothing typed yet.';
  else if (tooShort) words = `Too short: ${length} of ${MIN_PASSPHRASE_CHARS} characters.`;
  else if (failed && !estimate) words = `${length} characters. (The strength check could not load; length still counts.)`;
  else if (!estimate) words = 'Checking strength…';
  else words = `Strength: ${SCORE_WORDS[score]}.${isStrongEnough(score) ? ' Hard to guess.' : ''}`;
  const feedback = estimate && passphrase ? estimate : undefined;

  return (
    <div class="strength" id={id} data-testid="passphrase-strength" data-score={feedback ? score : undefined}>
      <div class="strength-bar" aria-hidden="true">
        {[0, 1, 2, 3].map((step) => (
          <span key={step} class={feedback && step < Math.max(1, score) ? `strength-step on score-${score}` : 'strength-step'} />
        ))}
      </div>
      <p class="strength-words" aria-live="polite">
        {words}
        {feedback?.warning ? ` ${feedback.warning}` : ''}
      </p>
      {feedback && feedback.suggestions.length > 0 && (
        <ul class="strength-suggestions" data-testid="passphrase-suggestions">
          {feedback.suggestions.map((suggestion) => (
            <li key={suggestion}>{suggestion}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
