import { readBattery, watchBattery } from '../probes';
import { allFormats, measured } from '../types';

export type BatteryInput =
  /** No Battery Status API here (Firefox): the item becomes a question. */
  | { supported: false }
  | { supported: true; charging: boolean; /** 0–1 */ level: number };

/** At or below this, and not charging, a 50-minute session may not last. */
export const LOW_BATTERY = 0.2;

export default measured({
  id: 'interruptions.battery',
  title: 'Battery',
  askedTitle: 'My computer is charged or plugged in',
  why: 'A laptop that runs out mid-session ends it without warning.',
  whenNotMet: 'Plug in your charger before the session.',
  source: 'research §6.5 (SDSU telepsychology policy: fully charged device)',
  formats: allFormats,
  probe: async () => (await readBattery()).input,
  watch: (_ctx, rerun) => watchBattery(rerun),
  evaluate(input: BatteryInput) {
    if (!input.supported) return { status: 'todo', detail: 'This browser does not report the battery.', askInstead: true };
    const percent = `${Math.round(input.level * 100)} %`;
    if (input.charging) return { status: 'pass', detail: `Plugged in (${percent}).` };
    if (input.level > LOW_BATTERY) return { status: 'pass', detail: `Battery at ${percent}.` };
    return { status: 'warn', detail: `Battery at ${percent} and not charging.` };
  },
});
