import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Assert, MatchesWire } from '@/lib/bus/protocol';
import { inPageOperations } from '@/lib/background/in-page-messages';
import type { BannerModelRequest, CallMessage } from '@/lib/in-page/wire';

/**
 * The in-page scripts write their messages from plain types (lib/in-page/wire.ts); the
 * background checks them with valibot. `npx tsc --noEmit` checks this file: each
 * `@ts-expect-error` below is itself an error if the drift under it stops failing the check.
 */

type Table = typeof inPageOperations;
type Wire = BannerModelRequest | CallMessage;
type Ended = Extract<CallMessage, { type: 'call:ended' }>;

export type _Matches = Assert<MatchesWire<Table, Wire>>;
// @ts-expect-error a field the in-page script sends that the schema refuses
export type _ExtraField = Assert<MatchesWire<Table, Exclude<Wire, Ended> | (Ended & { note: string })>>;
// @ts-expect-error a field the schema makes optional sent as required
export type _Required = Assert<MatchesWire<Table, Exclude<Wire, Ended> | (Omit<Ended, 'videoKbps'> & { videoKbps: number })>>;
// @ts-expect-error a fixed word the schema does not accept
export type _Word = Assert<MatchesWire<Table, Exclude<Wire, { type: 'call:screen-share' }> | { type: 'call:screen-share'; state: 'paused' }>>;
// @ts-expect-error a message with no row
export type _NoRow = Assert<MatchesWire<Table, Wire | { type: 'call:mute' }>>;
// @ts-expect-error a row no in-page script sends
export type _NoWire = Assert<MatchesWire<Table, CallMessage>>;

/** One message of each type, written as an in-page script writes it. */
const sent: Wire[] = [
  { type: 'banner:model', url: 'https://meet.google.com/abc', kinds: ['video'] },
  { type: 'call:settings' },
  { type: 'call:screen-share', state: 'stopped' },
  { type: 'call:ended', startedAt: 1.7e12, endedAt: 1.7e12 + 60_000, seconds: { good: 60, fair: 0, poor: 0, unknown: 0 }, videoKbps: 900 },
];
const parses = (message: unknown) => v.safeParse(inPageOperations[(message as { type: keyof Table }).type].schema, message).success;

describe('the in-page table and the wire types', () => {
  it('has a row for every message the in-page scripts send, and accepts what they write', () => {
    expect(sent.map((m) => m.type).sort()).toEqual(Object.keys(inPageOperations).sort());
    expect(sent.map(parses)).toEqual([true, true, true, true]);
  });

  it.each(sent.map((m) => [m.type, m] as const))('refuses a %s with a field no script sends', (_type, message) => {
    expect(parses({ ...message, note: 'client name' })).toBe(false);
  });

  it('refuses a call that ends before it starts (the row’s check across fields)', () => {
    expect(parses({ ...sent[3]!, endedAt: 1.7e12 - 1 })).toBe(false);
  });
});
