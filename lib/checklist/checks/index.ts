import type { CheckDefinition } from '../types';
import platformVerdict from './platform.verdict';
import networkSpeed from './network.speed';
import roomLighting from './room.lighting';
import audibleTabs from './interruptions.audible-tabs';
import otherTabs from './interruptions.other-tabs';
import downloads from './interruptions.downloads';
import battery from './interruptions.battery';
import privacyAlone from './privacy.alone';
import privacyHeadset from './privacy.headset';
import privacyScreen from './privacy.screen';
import privacyNotifications from './privacy.notifications';
import privacyDevices from './privacy.devices';
import privacyWifi from './privacy.wifi';
import privacyClientSpace from './privacy.client-space';
import household from './interruptions.household';
import planBackup from './plan.backup';
import planEmergency from './plan.emergency';
import notesBackup from './notes.backup';

/**
 * The checklist: one file per check in this folder, each registered here exactly once, in the
 * order the popup shows them. `CheckId` is read off this list, so an id that is not registered
 * is a type error anywhere in the code. tests/unit/checklist/registry-meta.test.ts holds the
 * folder, this index and DESIGN.md's list of ids to agreement.
 *
 * Adding a check: a file named by its id exporting `asked({...})`, or `measured({...})` with a
 * pure `evaluate`, a `probe(ctx)` that reads its input (browser calls go in ../probes.ts), a
 * `watch(ctx, rerun)` if that input can change while the popup is open, and `actions` for the
 * buttons its evaluations offer; then one entry below. The popup needs no change.
 */
const registry = [
  { id: 'measured', heading: 'Checked for you', checks: [platformVerdict, networkSpeed, roomLighting, audibleTabs, otherTabs, downloads, battery, notesBackup] },
  { id: 'privacy', heading: 'Your privacy', checks: [privacyAlone, privacyHeadset, privacyScreen, privacyNotifications, privacyDevices, privacyWifi, privacyClientSpace] },
  { id: 'plans', heading: 'Interruptions and plans', checks: [household, planBackup, planEmergency] },
] as const;

export type CheckId = (typeof registry)[number]['checks'][number]['id'];

export interface Section {
  id: string;
  heading: string;
  checks: readonly CheckDefinition[];
}

export const sections: readonly Section[] = registry;

export const checks: readonly CheckDefinition[] = sections.flatMap((section) => section.checks);

export const checksById = new Map<CheckId, CheckDefinition>(checks.map((check) => [check.id, check]));
