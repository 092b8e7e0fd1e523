import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { recordId } from '@/lib/vault/store/record-schemas';
import { isOwnExtensionPage } from './sender';
import { chooseClient, chosenClient } from './session-recorder';

/**
 * The checklist popup says which client the coming session is with (or none), so the call's
 * record can join that client's sessions. Only our own extension pages may ask; the answer is
 * an opaque id, never a label.
 */
export const sessionClientMessage = v.variant('type', [
  v.strictObject({ type: v.literal('session:choose-client'), clientId: v.nullable(recordId) }),
  v.strictObject({ type: v.literal('session:chosen-client') }),
]);
export type SessionClientMessage = v.InferOutput<typeof sessionClientMessage>;

export async function answerSessionClientMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<{ clientId: string | null } | undefined> {
  if (!isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
  const parsed = v.safeParse(sessionClientMessage, message);
  if (!parsed.success) return undefined;
  if (parsed.output.type === 'session:choose-client') await chooseClient(parsed.output.clientId);
  return { clientId: await chosenClient() };
}
