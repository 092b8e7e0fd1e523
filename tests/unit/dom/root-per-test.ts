import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh element in the document for each test, for Preact to render into (happy-dom); after the
 * test whatever was rendered is unmounted, so its effects clean up, and the element removed.
 * Call at the top of a test file; `root()` is the current test's element.
 */
export function rootPerTest(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    const mounted = root;
    act(() => render(null, mounted));
    mounted.remove();
    root = undefined;
  });
  return () => {
    if (!root) throw new Error('rootPerTest: no test is running');
    return root;
  };
}
