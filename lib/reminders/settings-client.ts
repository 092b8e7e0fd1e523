import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { isOwnBackground, type Result, type SenderLike } from '@/lib/vault-client';
import { silenceNamesChanged, type RemindersReplies, type RemindersRequest } from './messages';

/** What the notes page calls for the "name clients in the silence notification" choice (messages.ts). */

async function send<T extends RemindersRequest['type']>(request: Extract<RemindersRequest, { type: T }>): Promise<RemindersReplies[T]> {
  const answer = (await browser.runtime.sendMessage(request)) as Result<RemindersReplies[T]> | undefined;
  if (typeof answer !== 'object' || answer === null || answer.ok !== true) throw new Error('Anteroom’s background did not save this choice.');
  return answer.value;
}

/** Whether the silence notification may name clients (off unless the therapist turned it on). */
export const readSilenceShowsNames = async (): Promise<boolean> => (await send({ type: 'reminders:get-silence-names' })).show;

export const writeSilenceShowsNames = (show: boolean): Promise<void> => send({ type: 'reminders:set-silence-names', show });

/** Calls back with the new choice whenever it changes (from any page). Returns the unwatch. */
export function watchSilenceShowsNames(onChange: (show: boolean) => void): () => void {
  const listener = (message: unknown, sender: SenderLike) => {
    if (!isOwnBackground(sender)) return undefined;
    const parsed = v.safeParse(silenceNamesChanged, message);
    if (parsed.success) onChange(parsed.output.show);
    return undefined; // never answers
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
