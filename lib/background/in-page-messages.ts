import * as v from 'valibot';
import { answers, defineOperations, TOP_FRAME_SCRIPTS, type Assert, type MatchesWire } from '@/lib/bus/protocol';
import { platformKind } from '@/lib/rules/schema';
import type { BannerModelRequest, BannerModelResponse, CallMessage, CallSettings } from '@/lib/in-page/wire';

/**
 * What our in-page scripts may ask the background, one row each. Only from a tab's top frame
 * (they are injected nowhere else). Numbers, fixed words and the page's own URL in; the
 * banner's model and the contract's call settings out, never note text or client data.
 *
 * The scripts write these messages by hand (lib/in-page/wire.ts: a valibot parser would double
 * their size), so the type check below holds each row to the wire type the scripts send.
 */

/** A time in ms since 1970 between 2001 and 2286: not zero, not a count of seconds. */
const time = v.pipe(v.number(), v.gtValue(1e12), v.ltValue(1e13));
/** Seconds spent at one quality level: at most a day. */
const seconds = v.pipe(v.number(), v.minValue(0), v.maxValue(86_400));
/** A whole number of kilobits per second, up to 1 Gbps. */
const kbps = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

type EndedCall = Extract<CallMessage, { type: 'call:ended' }>;

export const inPageOperations = defineOperations({
  /** What should the banner on this page show? Undefined: no answer (it asked about another page). */
  'banner:model': {
    payload: {
      url: v.pipe(v.string(), v.maxLength(4096)),
      kinds: v.pipe(v.array(platformKind), v.minLength(1), v.maxLength(4)),
    },
    answers: answers<BannerModelResponse | undefined>(),
    allowedSenders: TOP_FRAME_SCRIPTS,
  },
  /** The contract's session length, notices and disruption plan; null without a contract. */
  'call:settings': { payload: {}, answers: answers<CallSettings | null>(), allowedSenders: TOP_FRAME_SCRIPTS },
  /** A screen share started (the notes lock at once) or stopped. */
  'call:screen-share': { payload: { state: v.picklist(['started', 'stopped']) }, answers: answers<null>(), allowedSenders: TOP_FRAME_SCRIPTS },
  /** A finished call's time and seconds per quality level, with no identity. */
  'call:ended': {
    payload: {
      startedAt: time,
      endedAt: time,
      seconds: v.strictObject({ good: seconds, fair: seconds, poor: seconds, unknown: seconds }),
      // Left out without video; present, it must be a number (not undefined).
      videoKbps: v.exactOptional(kbps),
    },
    check: (call: EndedCall) => call.endedAt >= call.startedAt,
    answers: answers<null>(),
    allowedSenders: TOP_FRAME_SCRIPTS,
  },
});

/** Fails the type check when a row and the in-page scripts' wire type drift apart. */
export type InPageWireMatches = Assert<MatchesWire<typeof inPageOperations, BannerModelRequest | CallMessage>>;
