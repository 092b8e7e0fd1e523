import * as v from 'valibot';
import { answers, defineOperations, EXTENSION_PAGES } from '@/lib/bus/protocol';
import { recordId } from '@/lib/vault/store/record-schemas';

/**
 * The checklist popup says which client the coming session is with (or none), so the call's
 * record can join that client's sessions (lib/background/session-recorder.ts). The answer is an
 * opaque id, never a label.
 */
const chosen = answers<{ clientId: string | null }>();

export const sessionOperations = defineOperations({
  'session:choose-client': { payload: { clientId: v.nullable(recordId) }, answers: chosen, allowedSenders: EXTENSION_PAGES },
  'session:chosen-client': { payload: {}, answers: chosen, allowedSenders: EXTENSION_PAGES },
});
