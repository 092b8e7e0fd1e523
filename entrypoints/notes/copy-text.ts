/**
 * Puts text on the clipboard. The page's own click is the user gesture the Clipboard API asks
 * for; where it is refused, the text is selected instead so Ctrl+C (Cmd+C) copies it.
 */
export async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    fallback?.focus();
    fallback?.select();
    return 'selected';
  }
}
