import { tabsSource, UNREADABLE_TABS } from '../sources';
import { allFormats, measured } from '../types';

export type PlatformInput =
  | { found: false }
  | {
      found: true;
      name: string;
      verdict: 'ok' | 'caution' | 'avoid';
      /** The policy's first (worst) reason, when there is one. */
      reason?: string;
      /** The platform's first safer setting. */
      saferSetting?: string;
      /** Names of safer platforms from the catalogue. */
      alternatives: string[];
    };

export default measured({
  id: 'platform.verdict',
  title: 'Session platform',
  why: 'Some services are public, ad-funded or readable by their owner; a session needs one that keeps it between you and your client.',
  whenNotMet: 'Move the session to a platform suited to clinical work, or to your agreed backup.',
  source: 'research §0.1–0.2, §1.1 (HHS OCR discretion ended 2023), §2 platform facts; verdicts from rules/',
  formats: allFormats,
  probe: async (ctx) => (await ctx.read(tabsSource)).platform,
  watch: (ctx, rerun) => ctx.watch(tabsSource, rerun),
  unreadable: UNREADABLE_TABS,
  evaluate(input: PlatformInput) {
    if (!input.found) {
      return {
        status: 'unknown',
        detail: 'No platform Anteroom knows is open in this window.',
        advice: 'Open this list from the tab of your session. Anteroom recognises the platforms in its catalogue and any you add in its settings.',
      };
    }
    const reason = input.reason ? ` ${input.reason}` : '';
    if (input.verdict === 'ok') return { status: 'pass', detail: `${input.name}: suitable for clinical work under your settings.` };
    if (input.verdict === 'caution') {
      return { status: 'warn', detail: `${input.name}: use with care.${reason}`, advice: input.saferSetting ?? 'Review the platform’s privacy settings before your client joins.' };
    }
    const elsewhere = input.alternatives.length > 0 ? `${input.alternatives.join(', ')}, or your backup way to meet` : 'your backup way to meet';
    return { status: 'fail', detail: `${input.name}: avoid for clinical work.${reason}`, advice: `Move this session to ${elsewhere}.` };
  },
});
