import { afterAll, expect, it, type TestFunction } from 'vitest';
import type { BrowserName } from './driver';

/**
 * The browser table a feature's spec runs over (the shape of DuckDuckGo's reference tests): every
 * test runs in every browser unless the table names it for a browser, with the reason.
 *
 *     describe.each(browserTable({ Firefox: { 'opens the notes page': 'why it cannot run there' } }))(
 *       'backups in %s', (browser, test) => { test('opens the notes page', async () => { ... }); });
 */
export type SkipList = Readonly<Record<string, string>>;

/** A test that runs here, or is reported skipped with the table's reason. */
export type BrowserTest = (name: string, fn: TestFunction, timeout?: number) => void;

export function browserTable(skips: Partial<Record<BrowserName, SkipList>> = {}, only: readonly BrowserName[] = ['Chromium', 'Firefox']): Array<[BrowserName, BrowserTest]> {
  return only.map((browser) => [browser, testsIn(browser, skips[browser] ?? {})]);
}

function testsIn(browser: BrowserName, skips: SkipList): BrowserTest {
  const unused = new Set(Object.keys(skips));
  let registered = false;
  return (name, fn, timeout) => {
    if (!registered) {
      registered = true;
      // A skip whose test was renamed or removed would silently skip nothing: say so.
      afterAll(() => expect([...unused], `skip-table entries for ${browser} that name no test`).toEqual([]));
    }
    const reason = skips[name];
    unused.delete(name);
    if (reason === undefined) it(name, fn, timeout);
    else it.skip(`${name} [skipped in ${browser}: ${reason}]`, fn, timeout);
  };
}
