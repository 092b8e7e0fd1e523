import * as v from 'valibot';
import { answers, defineOperations, EXTENSION_PAGES } from '@/lib/bus/protocol';

/**
 * The reminders' one setting pages may change: whether the silence notification names clients.
 * Only our own extension pages may ask (the bus checks, as for the vault); the choice lives where
 * only the background reads it (clear-store.ts). Turning it on or off rebuilds the clear copy
 * from the clients ('clients-changed'). Only valibot here: pages bundle this file.
 */
export const remindersOperations = defineOperations({
  'reminders:get-silence-names': { payload: {}, answers: answers<{ show: boolean }>(), allowedSenders: EXTENSION_PAGES },
  'reminders:set-silence-names': { payload: { show: v.boolean() }, answers: answers<void>(), allowedSenders: EXTENSION_PAGES, effects: ['clients-changed'] },
});

/** From the background to open pages, after the choice changed (from any page). */
export const silenceNamesChanged = v.strictObject({ type: v.literal('reminders:silence-names-changed'), show: v.boolean() });
export type SilenceNamesChanged = v.InferOutput<typeof silenceNamesChanged>;
