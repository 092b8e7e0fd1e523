import { describe, expect, it } from 'vitest';
import { sessionNotification, silenceFlag, silenceNotification } from '@/lib/reminders/wording';

describe('what a notification says', () => {
  it.each([
    ['no label: says only that a session starts', 10, undefined, 'A session starts in 10 minutes — open the pre-session checklist'],
    ['one minute', 1, undefined, 'A session starts in 1 minute — open the pre-session checklist'],
    ['at the start', 0, undefined, 'A session starts now — open the pre-session checklist'],
    ['label, when the therapist opted in', 10, 'R.K.', 'Your session with R.K. starts in 10 minutes — open the pre-session checklist'],
  ])('session reminder, %s', (_name, minutes, label, expected) => {
    const text = sessionNotification(minutes, label);
    expect(text.message).toBe(expected);
    expect(text.title).not.toContain('R.K.');
  });

  it.each([
    ['one client, no names', [undefined], "A client's agreed silence period has passed — open your notes"],
    ['two clients, no names', [undefined, undefined], "2 clients' agreed silence periods have passed — open your notes"],
    ['names, when the therapist opted in', ['R.K.', 'J.S.'], 'The agreed silence period has passed for R.K. and J.S. — open your notes'],
    ['a name missing: none are shown', ['R.K.', undefined], "2 clients' agreed silence periods have passed — open your notes"],
  ])('silence follow-up, %s', (_name, labels, expected) => {
    expect(silenceNotification(labels).message).toBe(expected);
  });

  it('flags a quiet client on the notes page in the contract’s terms', () => {
    expect(silenceFlag(12, 7)).toBe('No word for 12 days — your agreement says to check in after 7 days');
    expect(silenceFlag(1, 1)).toBe('No word for 1 day — your agreement says to check in after 1 day');
  });
});
