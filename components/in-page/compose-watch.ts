import { emailsIn } from '@/lib/webmail/recipients';

/**
 * Watches the webmail page for the message being written: remembers the last compose field
 * that had focus (textarea or rich-text editor), inserts text into it the way typing would (so
 * the editor's own undo works), and reports the draft's text and recipients after the
 * therapist pauses. Nothing is stored: the text lives only as long as one check.
 */
export interface DraftSnapshot {
  text: string;
  recipients: string[];
}

const RECIPIENT_FIELDS = [
  '[email]',
  '[data-recipient]',
  'input[type=email]',
  'input[name=to i]',
  'input[name=cc i]',
  'input[name=bcc i]',
  'input[name*=recipient i]',
  '[aria-label^="To" i]',
  '[aria-label^="Cc" i]',
  '[aria-label^="Bcc" i]',
  '[aria-label*="recipient" i]',
].join(',');

function editableOf(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  if (target instanceof HTMLTextAreaElement) return target;
  const rich = target.closest<HTMLElement>('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
  return rich ?? undefined;
}

function textOf(editable: HTMLElement): string {
  return editable instanceof HTMLTextAreaElement ? editable.value : editable.innerText;
}

function recipients(): string[] {
  const texts: string[] = [];
  for (const field of document.querySelectorAll<HTMLElement>(RECIPIENT_FIELDS)) {
    texts.push(field.getAttribute('email') ?? '', field.getAttribute('data-recipient') ?? '');
    texts.push(field instanceof HTMLInputElement ? field.value : (field.textContent ?? ''));
  }
  return emailsIn(texts);
}

export interface ComposeWatch {
  /** Inserts text at the caret of the last focused compose field; false when there is none. */
  insert(text: string): boolean;
  stop(): void;
}

export function watchCompose(onDraft: (draft: DraftSnapshot) => void, debounceMs = 400): ComposeWatch {
  let editable: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (!editable?.isConnected) return;
    onDraft({ text: textOf(editable), recipients: recipients() });
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(check, debounceMs);
  };
  const onFocus = (event: FocusEvent) => {
    const found = editableOf(event.target);
    if (found) editable = found;
  };
  const onInput = (event: Event) => {
    const found = editableOf(event.target);
    if (found) {
      editable = found;
      schedule();
    } else if (event.target instanceof HTMLInputElement) {
      schedule(); // a recipient field changed
    }
  };
  document.addEventListener('focusin', onFocus, true);
  document.addEventListener('input', onInput, true);

  return {
    insert(text: string): boolean {
      if (!editable?.isConnected) return false;
      editable.focus();
      // execCommand('insertText') is what keyboard input does: the editor sees an input event
      // and its undo history records the insertion (Chrome and Firefox, textarea and rich text).
      const done = document.execCommand('insertText', false, text);
      if (!done && editable instanceof HTMLTextAreaElement) {
        editable.setRangeText(text, editable.selectionStart, editable.selectionEnd, 'end');
        editable.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      }
      schedule();
      return true;
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      document.removeEventListener('focusin', onFocus, true);
      document.removeEventListener('input', onInput, true);
    },
  };
}
