import { useEffect, useState } from 'preact/hooks';
import { readSilenceShowsNames, watchSilenceShowsNames, writeSilenceShowsNames } from '@/lib/reminders/settings-client';
import { messageFor } from '@/lib/error-messages';
import { plural } from './format';

/**
 * The silence follow-up's one choice: may its notification name the clients? Off by default.
 * Kept by the background, out of reach of content scripts (lib/reminders/README.md); the page
 * asks for it by message, and the background adds or removes the names in its clear copy.
 */
export function SilenceSettings({ followUpDays }: { followUpDays?: number }) {
  const [show, setShow] = useState<boolean>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    void readSilenceShowsNames().then((value) => current && setShow(value), () => current && setShow(false));
    const unwatch = watchSilenceShowsNames((value) => current && setShow(value));
    return () => {
      current = false;
      unwatch();
    };
  }, []);

  const change = async (next: boolean) => {
    setFailed(false);
    setShow(next);
    await writeSilenceShowsNames(next).catch(() => {
      setFailed(true);
      setShow(!next);
    });
  };

  return (
    <section class="silence-settings" aria-labelledby="silence-settings-heading">
      <h2 id="silence-settings-heading">Checking in after a silence</h2>
      <p class="field-help">
        Once a day Anteroom looks for clients you have not heard from for{' '}
        {followUpDays === undefined ? 'the number of days your contract sets' : `${plural(followUpDays, 'day')}, as your contract sets`},
        and shows one notification. Record a reply with “Heard from them today” on the client’s page.
      </p>
      <label class="check-label">
        <input autoComplete="off"
          type="checkbox"
          name="silenceShowsNames"
          checked={show === true}
          disabled={show === undefined}
          aria-describedby="silence-names-help"
          onChange={(event) => void change(event.currentTarget.checked)}
        />
        <span>
          Name the clients in that notification
          <span class="field-help block" id="silence-names-help">
            Off, it says only “A client's agreed silence period has passed”. On, it shows their names or codes, which anyone near
            your screen can read, and they are kept unencrypted in this browser so the notification can show them while your notes
            are locked.
          </span>
        </span>
      </label>
      {failed && (
        <p role="alert" class="notes-alert">
          {messageFor('silence-choice-not-saved')}
        </p>
      )}
    </section>
  );
}
