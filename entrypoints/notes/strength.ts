import { browser } from 'wxt/browser';
import { packagedStrengthScorer, STRENGTH_DATA_PATH, type StrengthEstimate, type StrengthScorer } from '@/lib/vault/crypto/strength';

let scorer: StrengthScorer | undefined;

/** zxcvbn on this page, made on first use (never at import: WXT imports entrypoints at build time). */
export function scoreNewPassphrase(passphrase: string): Promise<StrengthEstimate> {
  scorer ??= packagedStrengthScorer(browser.runtime.getURL(STRENGTH_DATA_PATH as '/'));
  return scorer(passphrase);
}
