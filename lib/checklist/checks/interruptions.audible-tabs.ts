import { muteTabs } from '../probes';
import { tabsSource, UNREADABLE_TABS } from '../sources';
import { allFormats, measured } from '../types';
import { count } from '../words';

export interface AudibleTabsInput {
  /** Tabs playing sound that are not muted, the session's own tab excepted. */
  playing: number;
}

export default measured({
  id: 'interruptions.audible-tabs',
  title: 'Other tabs playing sound',
  why: 'Sound from another tab can carry into the session, and your client may hear it.',
  whenNotMet: 'Mute or close the tabs that are playing sound.',
  source: 'research §6.5 (Portland MH: quit other programs; SDSU: TV and radio off)',
  formats: allFormats,
  probe: async (ctx) => ({ playing: (await ctx.read(tabsSource)).census.playing.length }),
  watch: (ctx, rerun) => ctx.watch(tabsSource, rerun),
  unreadable: UNREADABLE_TABS,
  actions: {
    'mute-tabs': async (ctx) => {
      await muteTabs(ctx.latest(tabsSource)?.census.playing ?? []);
      ctx.refresh(tabsSource);
    },
  },
  evaluate({ playing }: AudibleTabsInput) {
    if (playing === 0) return { status: 'pass', detail: 'No other tab is playing sound.' };
    return {
      status: 'warn',
      detail: `${count(playing, 'other tab is', 'other tabs are')} playing sound.`,
      action: { id: 'mute-tabs', label: playing === 1 ? 'Mute it' : 'Mute them' },
    };
  },
});
