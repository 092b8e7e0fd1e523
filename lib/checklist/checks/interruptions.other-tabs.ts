import { sleepTabs } from '../probes';
import { tabsSource, UNREADABLE_TABS } from '../sources';
import { allFormats, measured } from '../types';
import { count } from '../words';

export interface OtherTabsInput {
  /** Tabs besides the session's and Anteroom's own. */
  otherTabs: number;
  otherWindows: number;
  /** Of those, the ones that can be put to sleep: not shown, not playing sound, not already asleep. */
  sleepable: number;
}

export default measured({
  id: 'interruptions.other-tabs',
  title: 'Other tabs and windows',
  why: 'Open tabs keep using your computer and connection during the call, and can pop up mid-session.',
  whenNotMet: 'Close what you do not need, or put the other tabs to sleep until after the session.',
  source: 'research §6.5 (Portland MH: quit other programs; clearviewmentality: close all programs)',
  formats: allFormats,
  async probe(ctx) {
    const { census } = await ctx.read(tabsSource);
    return { otherTabs: census.otherTabs, otherWindows: census.otherWindows, sleepable: census.sleepable.length };
  },
  watch: (ctx, rerun) => ctx.watch(tabsSource, rerun),
  unreadable: UNREADABLE_TABS,
  actions: {
    'sleep-tabs': async (ctx) => {
      await sleepTabs(ctx.latest(tabsSource)?.census.sleepable ?? []);
      ctx.refresh(tabsSource);
    },
  },
  evaluate({ otherTabs, otherWindows, sleepable }: OtherTabsInput) {
    if (otherTabs === 0) return { status: 'pass', detail: 'No other tabs are open.' };
    const where = otherWindows > 0 ? ` (${count(otherWindows, 'other window')})` : '';
    const open = `${count(otherTabs, 'other tab')} open${where}`;
    if (sleepable === 0) return { status: 'pass', detail: `${open}; none is running in the background.` };
    return {
      status: 'warn',
      detail: `${open}; ${count(sleepable, 'is', 'are')} running in the background.`,
      action: {
        id: 'sleep-tabs',
        label: sleepable === 1 ? 'Put it to sleep' : `Put ${sleepable} tabs to sleep`,
        explain: 'They stay in place and reload when you go back to them.',
      },
    };
  },
});
