import { describe, expect, it } from 'vitest';
import { emptySilenceIndex, parseSessionEntries, parseSilenceIndex } from '@/lib/reminders/clear-data';
import {
  dueSilences,
  markNotified,
  sessionEntriesFor,
  silenceIndexFor,
  withFollowUpDays,
  withoutNames,
  withoutPastSessions,
  type ClientForReminders,
} from '@/lib/reminders/clear-state';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2025, 5, 20, 9);
const LABEL = 'R.K. (Tuesday)';

const client = (fields: Partial<ClientForReminders> = {}): ClientForReminders => ({ id: 'c1', label: LABEL, ...fields });
const reminder = (id: string, startsAt: number, showLabel = false) => ({ id, startsAt, remindMinutesBefore: 10, showLabel });

describe('what session reminders keep in clear', () => {
  it.each([
    ['no label unless the therapist opted in', false, { fireAt: at(2025, 5, 20, 13, 50), minutesBefore: 10 }],
    ['the label when they opted in for that reminder', true, { fireAt: at(2025, 5, 20, 13, 50), minutesBefore: 10, label: LABEL }],
  ])('%s', (_name, showLabel, expected) => {
    const entries = sessionEntriesFor([client({ reminders: [reminder('r1', at(2025, 5, 20, 14), showLabel)] })], {}, NOW);
    expect(entries).toEqual({ r1: expected });
    if (!showLabel) expect(JSON.stringify(entries)).not.toContain('R.K.');
  });

  it('holds only the reminder’s own id, never the client’s', () => {
    const entries = sessionEntriesFor([client({ reminders: [reminder('r1', at(2025, 5, 21))] })], {}, NOW);
    expect(JSON.stringify(entries)).not.toContain('c1');
  });

  it('leaves out sessions that already started, and keeps "shown" for the same time only', () => {
    const clients = [client({ reminders: [reminder('past', NOW - 1), reminder('soon', at(2025, 5, 20, 9, 5)), reminder('later', at(2025, 5, 22))] })];
    const previous = { soon: { fireAt: at(2025, 5, 20, 8, 55), minutesBefore: 10, shown: true }, later: { fireAt: 1, minutesBefore: 10, shown: true } };
    const entries = sessionEntriesFor(clients, previous, NOW);
    expect(Object.keys(entries).sort()).toEqual(['later', 'soon']);
    expect(entries.soon?.shown).toBe(true);
    expect(entries.later?.shown).toBeUndefined();
  });

  it('drops entries once their session has started', () => {
    const entries = { gone: { fireAt: NOW - 20 * 60_000, minutesBefore: 10 }, kept: { fireAt: NOW - 5 * 60_000, minutesBefore: 10 } };
    expect(Object.keys(withoutPastSessions(entries, NOW))).toEqual(['kept']);
  });

  it('reads back only well-formed entries', () => {
    expect(parseSessionEntries({ r1: { fireAt: 5, minutesBefore: 10 } })).toEqual({ r1: { fireAt: 5, minutesBefore: 10 } });
    expect(parseSessionEntries({ r1: { fireAt: 'soon' } })).toEqual({});
    expect(parseSessionEntries('nonsense')).toEqual({});
    expect(parseSilenceIndex({ followUpDays: 7, entries: { c1: { dueAt: -1 } } })).toBeUndefined();
  });
});

describe('what the silence follow-up keeps in clear', () => {
  it.each([
    ['opaque id and due time only, by default', false, { c1: { dueAt: at(2025, 5, 8) } }],
    ['the label too, when the therapist opted in', true, { c1: { dueAt: at(2025, 5, 8), label: LABEL } }],
  ])('%s', (_name, showNames, expected) => {
    expect(silenceIndexFor([client({ lastHeardFrom: '2025-05-01' })], 7, showNames, undefined)).toEqual({ followUpDays: 7, entries: expected });
  });

  it('is due after exactly silenceFollowUpDays', () => {
    const index = silenceIndexFor([client({ lastHeardFrom: '2025-05-13' })], 7, false, undefined);
    expect(dueSilences(index, at(2025, 5, 20) - 1)).toEqual([]);
    expect(dueSilences(index, at(2025, 5, 20))).toEqual(['c1']);
  });

  it('notifies once per due date, and hearing from the client resets it', () => {
    const first = silenceIndexFor([client({ lastHeardFrom: '2025-05-01' })], 7, false, undefined);
    const notified = markNotified(first, dueSilences(first, NOW));
    expect(dueSilences(notified, NOW)).toEqual([]);
    // A rebuild with the same date remembers the notification.
    expect(dueSilences(silenceIndexFor([client({ lastHeardFrom: '2025-05-01' })], 7, false, notified), NOW)).toEqual([]);
    // Heard from them today: a new due date, not yet due.
    const heard = silenceIndexFor([client({ lastHeardFrom: '2025-05-20' })], 7, false, notified);
    expect(heard.entries.c1).toEqual({ dueAt: at(2025, 5, 27) });
    expect(dueSilences(heard, NOW)).toEqual([]);
    expect(dueSilences(heard, at(2025, 5, 27))).toEqual(['c1']);
  });

  it('a deleted client (or one never heard from) leaves nothing', () => {
    const before = silenceIndexFor([client({ lastHeardFrom: '2025-05-01' }), client({ id: 'c2', label: 'J.S.' })], 7, true, undefined);
    expect(Object.keys(before.entries)).toEqual(['c1']);
    expect(silenceIndexFor([], 7, true, before)).toEqual(emptySilenceIndex(7));
  });

  it('moves due times when the contract’s follow-up changes while the vault is locked', () => {
    const index = markNotified(silenceIndexFor([client({ lastHeardFrom: '2025-05-01' })], 7, false, undefined), ['c1']);
    expect(withFollowUpDays(index, 14)).toEqual({ followUpDays: 14, entries: { c1: { dueAt: at(2025, 5, 15) } } });
    expect(withFollowUpDays(index, 7)).toBe(index);
  });

  it('turning names off removes every label', () => {
    const index = silenceIndexFor([client({ lastHeardFrom: '2025-05-01' })], 7, true, undefined);
    expect(JSON.stringify(withoutNames(index))).not.toContain('R.K.');
  });
});
