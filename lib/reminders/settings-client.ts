import * as v from 'valibot';
import { request } from '@/lib/bus/client';
import { onBroadcast } from '@/lib/bus/listen';
import { remindersOperations, silenceNamesChanged } from './messages';

/** What the notes page calls for the "name clients in the silence notification" choice (messages.ts). */

const ops = remindersOperations;

/** Whether the silence notification may name clients (off unless the therapist turned it on). */
export const readSilenceShowsNames = async (): Promise<boolean> => {
  const answer = await request(ops['reminders:get-silence-names'], {});
  if (!answer.ok) throw new Error('Anteroom’s background did not save this choice.');
  return answer.value.show;
};

export const writeSilenceShowsNames = async (show: boolean): Promise<void> => {
  const answer = await request(ops['reminders:set-silence-names'], { show });
  if (!answer.ok) throw new Error('Anteroom’s background did not save this choice.');
};

/** Calls back with the new choice whenever it changes (from any page). Returns the unwatch. */
export function watchSilenceShowsNames(onChange: (show: boolean) => void): () => void {
  return onBroadcast(
    'reminders:silence-names-changed',
    (message) => {
      const parsed = v.safeParse(silenceNamesChanged, message);
      return parsed.success ? parsed.output.show : undefined;
    },
    onChange,
  );
}
