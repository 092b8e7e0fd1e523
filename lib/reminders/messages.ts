import * as v from 'valibot';

/**
 * The reminders' one setting pages may change: whether the silence notification names clients.
 * Only our own extension pages are answered (lib/background/reminders.ts checks the sender as
 * the vault does); the choice lives where only the background reads it (clear-store.ts). Only
 * valibot here: pages bundle this file.
 */

export const remindersRequest = v.variant('type', [
  v.strictObject({ type: v.literal('reminders:get-silence-names') }),
  v.strictObject({ type: v.literal('reminders:set-silence-names'), show: v.boolean() }),
]);
export type RemindersRequest = v.InferOutput<typeof remindersRequest>;

export interface RemindersReplies {
  'reminders:get-silence-names': { show: boolean };
  'reminders:set-silence-names': void;
}

/** From the background to open pages, after the choice changed (from any page). */
export const silenceNamesChanged = v.strictObject({ type: v.literal('reminders:silence-names-changed'), show: v.boolean() });
export type SilenceNamesChanged = v.InferOutput<typeof silenceNamesChanged>;

export function isRemindersMessage(message: unknown): message is { type: string } {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    (message as { type: string }).type.startsWith('reminders:')
  );
}
