import { emailsIn } from '@/lib/in-page/webmail/recipients';

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

/**
 * Nodes of a same-origin frame come from another realm, where `instanceof HTMLElement` is false:
 * these checks go by node type and tag instead.
 */
const isElement = (target: EventTarget | null): target is HTMLElement => (target as Node | null)?.nodeType === Node.ELEMENT_NODE;
const isTextArea = (element: HTMLElement): element is HTMLTextAreaElement => element.tagName === 'TEXTAREA';

function editableOf(target: EventTarget | null): HTMLElement | undefined {
  if (!isElement(target)) return undefined;
  if (isTextArea(target)) return target;
  const rich = target.closest<HTMLElement>('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
  return rich ?? undefined;
}

/** The document of a same-origin frame (Proton Mail writes messages in one), else nothing. */
function frameDocument(target: EventTarget | null): Document | undefined {
  if (!isElement(target) || target.tagName !== 'IFRAME') return undefined;
  try {
    return (target as HTMLIFrameElement).contentDocument ?? undefined; // null when cross-origin
  } catch {
    return undefined;
  }
}

function textOf(editable: HTMLElement): string {
  return isTextArea(editable) ? editable.value : editable.innerText;
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
  // The page's own document, and each same-origin frame the therapist has typed in.
  const watched = new Set<Document>();
  const watch = (doc: Document) => {
    if (watched.has(doc)) return;
    // Webmail makes a new frame per message: forget the documents of frames that are gone.
    for (const old of watched) if (!old.defaultView) watched.delete(old);
    watched.add(doc);
    doc.addEventListener('focusin', onFocus, true);
    doc.addEventListener('input', onInput, true);
  };
  const onFocus = (event: FocusEvent) => {
    const found = editableOf(event.target);
    if (found) editable = found;
  };
  // Focus moving into a frame fires nothing in this document (Chrome and Firefox): this window
  // only loses focus. Then, if the focused element is a same-origin frame (Proton Mail writes the
  // message in one), listen inside it too, and take its editor if it already has focus.
  let stopped = false;
  const followFocusIntoFrame = () => {
    if (stopped) return; // a blur that was still pending when the watch stopped
    const frame = frameDocument(document.activeElement);
    if (!frame) return;
    watch(frame);
    const inside = editableOf(frame.activeElement);
    if (inside) editable = inside;
  };
  const onWindowBlur = () => setTimeout(followFocusIntoFrame, 0);
  window.addEventListener('blur', onWindowBlur);
  const onInput = (event: Event) => {
    const found = editableOf(event.target);
    if (found) {
      editable = found;
      schedule();
    } else if (isElement(event.target) && event.target.tagName === 'INPUT') {
      schedule(); // a recipient field changed
    }
  };
  watch(document);

  return {
    insert(text: string): boolean {
      if (!editable?.isConnected) followFocusIntoFrame();
      if (!editable?.isConnected) return false;
      editable.focus();
      // execCommand('insertText') is what keyboard input does: the editor sees an input event
      // and its undo history records the insertion (Chrome and Firefox, textarea and rich text).
      // It is the editor's own document that must do it (a frame's, for Proton Mail).
      const done = editable.ownerDocument.execCommand('insertText', false, text);
      if (!done && isTextArea(editable)) {
        editable.setRangeText(text, editable.selectionStart, editable.selectionEnd, 'end');
        editable.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      }
      schedule();
      return true;
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const doc of watched) {
        doc.removeEventListener('focusin', onFocus, true);
        doc.removeEventListener('input', onInput, true);
      }
      watched.clear();
      editable = undefined;
      window.removeEventListener('blur', onWindowBlur);
    },
  };
}
