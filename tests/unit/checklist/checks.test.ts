import { describe, expect, it } from 'vitest';
import platformVerdict, { type PlatformInput } from '@/lib/checklist/checks/platform.verdict';
import networkSpeed, { type SpeedInput } from '@/lib/checklist/checks/network.speed';
import { testEndpointFor } from '@/lib/network/endpoint';
import roomLighting from '@/lib/checklist/checks/room.lighting';
import audibleTabs from '@/lib/checklist/checks/interruptions.audible-tabs';
import otherTabs, { type OtherTabsInput } from '@/lib/checklist/checks/interruptions.other-tabs';
import downloads, { type DownloadsInput } from '@/lib/checklist/checks/interruptions.downloads';
import battery, { type BatteryInput } from '@/lib/checklist/checks/interruptions.battery';

/** Each measured check, from inputs a probe would give it. */

describe('platform.verdict', () => {
  const found = (verdict: 'ok' | 'caution' | 'avoid', extra: Partial<PlatformInput> = {}): PlatformInput => ({
    found: true,
    name: 'Example Meet',
    verdict,
    reason: 'Because of a fact.',
    alternatives: ['Doxy.me', 'Jitsi Meet'],
    ...extra,
  } as PlatformInput);

  it.each([
    ['passes a platform suited to clinical work', found('ok'), 'pass', undefined],
    ['warns on a platform to use with care, with its safer setting', found('caution', { saferSetting: 'Use the paid plan.' }), 'warn', 'Use the paid plan.'],
    ['fails a platform to avoid and names safer ones', found('avoid'), 'fail', 'Move this session to Doxy.me, Jitsi Meet, or your backup way to meet.'],
    ['cannot tell when no known platform is open', { found: false } as PlatformInput, 'unknown', undefined],
  ] as const)('%s', (_name, input, status, advice) => {
    const result = platformVerdict.evaluate(input);
    expect(result.status).toBe(status);
    if (advice) expect(result.advice).toBe(advice);
    if (input.found) expect(result.detail).toContain('Example Meet');
  });

  it('falls back to the backup when there is no alternative', () => {
    expect(platformVerdict.evaluate(found('avoid', { alternatives: [] })).advice).toBe('Move this session to your backup way to meet.');
  });
});

describe('network.speed', () => {
  const own = testEndpointFor('https://speed.example.org/anteroom');
  const cloud = testEndpointFor('');
  const bad = { ok: false as const, error: 'The network test address is not a valid web address.' };
  const ok = { ok: true as const, downMbps: 12.4, upMbps: 1.2, latencyMs: 38.4, jitterMs: 4.4 };
  it.each<[string, SpeedInput, string, string | undefined]>([
    ['is unknown in a build without the test', { available: false }, 'unknown', undefined],
    ['offers the public test when no address is set', { available: true, target: cloud, permitted: false }, 'todo', 'test-connection'],
    ['offers the test of the therapist’s own server', { available: true, target: own, permitted: false }, 'todo', 'test-connection'],
    ['points to settings when the address is unusable', { available: true, target: bad, permitted: false }, 'unknown', 'open-options'],
    ['says what it is doing while it runs', { available: true, target: own, permitted: true, running: 'download' }, 'unknown', undefined],
    ['passes on a good result', { available: true, target: own, permitted: true, result: { ...ok, status: 'pass', advice: '' } }, 'pass', 'test-connection'],
    ['warns on a slow result with the quality advice', { available: true, target: own, permitted: true, result: { ...ok, status: 'warn', advice: 'Consider audio only.' } }, 'warn', 'test-connection'],
    ['fails a very slow result', { available: true, target: own, permitted: true, result: { ...ok, status: 'fail', advice: 'Use the backup plan.' } }, 'fail', 'test-connection'],
    ['is unknown when the test did not finish, and offers it again', { available: true, target: own, permitted: true, result: { ok: false, error: 'No answer.' } }, 'unknown', 'test-connection'],
  ])('%s', (_name, input, status, action) => {
    const result = networkSpeed.evaluate(input);
    expect(result.status).toBe(status);
    expect(result.action?.id).toBe(action);
  });

  it('says in one sentence, before the first test, which host it contacts and what that host sees', () => {
    const explain = networkSpeed.evaluate({ available: true, target: cloud, permitted: false }).action?.explain ?? '';
    expect(explain).toBe("Exchanges up to 10 MB with speed.cloudflare.com (Cloudflare's public speed test), which sees your IP address, as any website does; no results are sent. Your browser will ask first.");
    const mine = networkSpeed.evaluate({ available: true, target: own, permitted: false }).action?.explain ?? '';
    expect(mine).toContain('speed.example.org (your own server)');
    expect(networkSpeed.evaluate({ available: true, target: own, permitted: true }).action?.explain).not.toContain('will ask');
  });

  it('shows what is known without a test as a hint, until a test replaces it', () => {
    const passive = { weak: true, sources: ['browser' as const], sentences: ['Your browser’s own estimate: about 1.2 Mbps down.'] };
    const before = networkSpeed.evaluate({ available: true, target: cloud, permitted: false, passive });
    expect(before.status).toBe('todo');
    expect(before.detail).toBe('Your browser’s own estimate: about 1.2 Mbps down.');
    expect(before.action?.id).toBe('test-connection');
    const after = networkSpeed.evaluate({ available: true, target: cloud, permitted: true, passive, result: { ...ok, status: 'pass', advice: '' } });
    expect(after.status).toBe('pass');
    expect(after.detail).not.toContain('estimate');
  });

  it('reports the figures that matter and passes the quality ladder’s advice on', () => {
    const result = networkSpeed.evaluate({ available: true, target: own, permitted: true, result: { ...ok, status: 'warn', advice: 'Consider audio only.' } });
    expect(result.detail).toBe('Down 12 Mbps, up 1.2 Mbps, delay 38 ms, jitter 4 ms.');
    expect(result.advice).toBe('Consider audio only.');
  });
});

describe('room.lighting', () => {
  const now = new Date(2026, 10, 21, 9, 30);
  const today = (lighting: string, camera = true) => ({ at: new Date(2026, 10, 21, 8, 0).toISOString(), lighting, camera, microphone: true });
  it.each([
    ['passes good light checked today', today('good'), 'pass'],
    ['warns on a dark room', today('dark'), 'warn'],
    ['warns on a window behind', today('backlit'), 'warn'],
    ['warns when the camera gave no picture', today('good', false), 'warn'],
    ['cannot tell when the check could not judge', today('unknown'), 'unknown'],
    ['asks for a check when the last one was yesterday', { ...today('good'), at: new Date(2026, 10, 20, 17, 0).toISOString() }, 'todo'],
    ['asks for a check when there is none', undefined, 'todo'],
    ['ignores a result it cannot read', { at: 'yesterday', lighting: 'bright' }, 'todo'],
  ])('%s', (_name, stored, status) => {
    expect(roomLighting.evaluate({ now, stored }).status).toBe(status);
  });

  it('offers the full-page check when there is no result from today', () => {
    expect(roomLighting.evaluate({ now, stored: undefined }).action?.id).toBe('open-preflight');
  });
});

describe('interruptions.audible-tabs', () => {
  it.each([
    [0, 'pass', undefined],
    [1, 'warn', '1 other tab is playing sound.'],
    [3, 'warn', '3 other tabs are playing sound.'],
  ] as const)('with %i other tabs playing: %s', (playing, status, detail) => {
    const result = audibleTabs.evaluate({ playing });
    expect(result.status).toBe(status);
    if (detail) {
      expect(result.detail).toBe(detail);
      expect(result.action?.id).toBe('mute-tabs');
    }
  });
});

describe('interruptions.other-tabs', () => {
  it.each<[string, OtherTabsInput, string, boolean]>([
    ['passes with no other tabs', { otherTabs: 0, otherWindows: 0, sleepable: 0 }, 'pass', false],
    ['passes when the others are asleep or in view', { otherTabs: 4, otherWindows: 1, sleepable: 0 }, 'pass', false],
    ['warns and offers sleep when some run in the background', { otherTabs: 5, otherWindows: 2, sleepable: 3 }, 'warn', true],
  ])('%s', (_name, input, status, offersSleep) => {
    const result = otherTabs.evaluate(input);
    expect(result.status).toBe(status);
    expect(result.action?.id === 'sleep-tabs').toBe(offersSleep);
  });

  it('counts tabs and windows in words', () => {
    expect(otherTabs.evaluate({ otherTabs: 5, otherWindows: 2, sleepable: 3 }).detail).toBe('5 other tabs open (2 other windows); 3 are running in the background.');
    expect(otherTabs.evaluate({ otherTabs: 1, otherWindows: 0, sleepable: 1 }).detail).toBe('1 other tab open; 1 is running in the background.');
  });
});

describe('interruptions.downloads', () => {
  it.each<[string, DownloadsInput, string, string | undefined]>([
    ['offers to check, asking permission only then', { permitted: false }, 'unknown', 'check-downloads'],
    ['passes with nothing downloading', { permitted: true, inProgress: 0 }, 'pass', undefined],
    ['warns and offers to pause downloads in progress', { permitted: true, inProgress: 2 }, 'warn', 'pause-downloads'],
  ])('%s', (_name, input, status, action) => {
    const result = downloads.evaluate(input);
    expect(result.status).toBe(status);
    expect(result.action?.id).toBe(action);
  });
});

describe('interruptions.battery', () => {
  it.each<[string, BatteryInput, string]>([
    ['passes when plugged in, however low', { supported: true, charging: true, level: 0.05 }, 'pass'],
    ['passes on battery above 20 %', { supported: true, charging: false, level: 0.21 }, 'pass'],
    ['warns at 20 % and not charging', { supported: true, charging: false, level: 0.2 }, 'warn'],
    ['warns when nearly empty', { supported: true, charging: false, level: 0.04 }, 'warn'],
  ])('%s', (_name, input, status) => {
    expect(battery.evaluate(input).status).toBe(status);
  });

  it('becomes a question where the browser does not report the battery', () => {
    expect(battery.evaluate({ supported: false })).toMatchObject({ status: 'todo', askInstead: true });
    expect(battery.askedTitle).toMatch(/charged or plugged in/);
  });
});
