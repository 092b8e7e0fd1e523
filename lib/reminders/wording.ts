/**
 * Every sentence reminders show, in one place. A notification appears on the lock screen and
 * in the system's notification history, where anyone nearby can read it: it names a client
 * only when the therapist asked for that.
 */

export interface NotificationText {
  title: string;
  message: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function listInWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function sessionNotification(minutesLeft: number, label?: string): NotificationText {
  const who = label ? `Your session with ${label}` : 'A session';
  const when = minutesLeft <= 0 ? 'starts now' : `starts in ${plural(minutesLeft, 'minute')}`;
  return { title: 'Anteroom: session reminder', message: `${who} ${when} — open the pre-session checklist` };
}

/** `labels` holds one item per client due; an item is undefined unless names were allowed. */
export function silenceNotification(labels: readonly (string | undefined)[]): NotificationText {
  const title = 'Anteroom: time to check in';
  const named = labels.filter((label): label is string => label !== undefined && label !== '');
  if (named.length > 0 && named.length === labels.length) {
    return { title, message: `The agreed silence period has passed for ${listInWords(named)} — open your notes` };
  }
  if (labels.length === 1) return { title, message: "A client's agreed silence period has passed — open your notes" };
  return { title, message: `${labels.length} clients' agreed silence periods have passed — open your notes` };
}

/** The flag on the notes page for a client past their silence period. */
export function silenceFlag(daysSilent: number, followUpDays: number): string {
  return `No word for ${plural(daysSilent, 'day')} — your agreement says to check in after ${plural(followUpDays, 'day')}`;
}
