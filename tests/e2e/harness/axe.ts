import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (open shadow roots included) and returns the serious and critical
 * findings, which are the ones our accessibility tests allow none of.
 */
export async function seriousA11yFindings(page: Page, context?: string): Promise<AxeFinding[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    // @ts-expect-error: axe is the global axe-core just defined in the page.
    const result = await globalThis.axe.run(selector ?? document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, context);
}
