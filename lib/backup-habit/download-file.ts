import { browser, type Browser } from 'wxt/browser';

/** A backup of a few MB is written in well under a second; this only bounds a stuck download. */
const WRITE_TIMEOUT_MS = 120_000;

/**
 * Saves a file through the downloads API (the optional `downloads` permission) and waits until
 * the browser has finished writing it. Throws, with the browser's reason, when it did not: the
 * caller then knows the file is not there, which a link's download cannot tell a page.
 */
export async function downloadAndWait(options: { url: string; filename: string; saveAs?: false }): Promise<{ id: number; path: string }> {
  // Without saveAs the browser follows the therapist's own "ask where to save" setting.
  const id = await browser.downloads.download({ ...options, conflictAction: 'uniquify' });
  const item = await finished(id);
  if (item.state !== 'complete') {
    await browser.downloads.erase({ id }).catch(() => undefined);
    throw new Error(`the browser did not save the file (${item.error ?? 'it did not finish'})`);
  }
  return { id, path: item.filename };
}

export async function mayUseDownloads(): Promise<boolean> {
  try {
    return (await browser.permissions.contains({ permissions: ['downloads'] })) && browser.downloads !== undefined;
  } catch {
    return false;
  }
}

async function finished(id: number): Promise<Browser.downloads.DownloadItem> {
  const deadline = Date.now() + WRITE_TIMEOUT_MS;
  for (;;) {
    const [item] = await browser.downloads.search({ id });
    if (!item) throw new Error('the download disappeared before it finished');
    if (item.state !== 'in_progress' || Date.now() > deadline) return item;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
