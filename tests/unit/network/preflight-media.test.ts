import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { audioLevel, SILENCE } from '@/lib/preflight/audio-level';
import { mediaErrorHelp } from '@/lib/preflight/media-help';
import { isPreflightResult, loadPreflightResult, savePreflightResult } from '@/lib/preflight/result';

describe('the microphone level', () => {
  const tone = (amplitude: number) => Float32Array.from({ length: 1024 }, (_, i) => amplitude * Math.sin(i / 5));

  it.each([
    ['digital silence', 0, 0, false],
    ['a faint noise floor', 0.001, 0, true],
    ['normal speech', 0.1, 0.62, true],
    ['a full-scale tone', 1, 0.94, true],
  ] as const)('reads %s (amplitude %s) as level %s', (_what, amplitude, level, heard) => {
    const result = audioLevel(tone(amplitude));
    expect(result.level).toBeCloseTo(level, 2);
    expect(result.heard).toBe(heard);
  });

  it('hears anything above one 16-bit step', () => {
    expect(audioLevel([SILENCE / 2]).heard).toBe(false);
    expect(audioLevel([SILENCE * 2]).heard).toBe(true);
  });
});

describe('help when the camera or microphone does not start', () => {
  it('tells Chrome and Firefox users where their own browser keeps the permission', () => {
    const chrome = mediaErrorHelp('NotAllowedError', 'chrome');
    const firefox = mediaErrorHelp('NotAllowedError', 'firefox');
    expect(chrome.title).toBe(firefox.title);
    expect(chrome.steps.join(' ')).toContain('right end of the address bar');
    expect(firefox.steps.join(' ')).toContain('Blocked temporarily');
    expect(chrome.steps.join(' ')).not.toContain('Blocked temporarily');
    expect(firefox.steps.at(-1)).toContain('System Settings');
  });

  it.each([
    ['NotFoundError', 'No camera or microphone was found.'],
    ['OverconstrainedError', 'No camera or microphone was found.'],
    ['NotReadableError', 'Your camera or microphone is busy or could not start.'],
    ['SomethingNew', 'The camera and microphone could not start.'],
  ])('explains %s', (name, title) => {
    expect(mediaErrorHelp(name, 'chrome').title).toBe(title);
  });
});

describe('the saved preflight result', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is stored in storage.local as words and booleans, with no picture', async () => {
    await savePreflightResult({ lighting: 'backlit', camera: true, microphone: false }, new Date('2025-03-03T09:00:00Z'));
    const stored = (await fakeBrowser.storage.local.get('preflightResult')).preflightResult;
    expect(stored).toEqual({ at: '2025-03-03T09:00:00.000Z', lighting: 'backlit', camera: true, microphone: false });
    expect(await loadPreflightResult()).toEqual(stored);
  });

  it('keeps only the agreed fields, whatever the caller passes', async () => {
    const extra = { lighting: 'good', camera: true, microphone: true, frame: [1, 2, 3] } as Parameters<typeof savePreflightResult>[0];
    await savePreflightResult(extra, new Date('2025-03-03T09:00:00Z'));
    expect(Object.keys((await fakeBrowser.storage.local.get('preflightResult')).preflightResult as object).sort()).toEqual([
      'at',
      'camera',
      'lighting',
      'microphone',
    ]);
  });

  it.each([null, {}, { at: 'x', lighting: 'good', camera: true, microphone: true }, { at: '2025-03-03T09:00:00Z', lighting: 'sunny', camera: true, microphone: true }])(
    'reads %j as no result',
    async (value) => {
      expect(isPreflightResult(value)).toBe(false);
      await fakeBrowser.storage.local.set({ preflightResult: value });
      expect(await loadPreflightResult()).toBeNull();
    },
  );
});
