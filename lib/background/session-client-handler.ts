import { sessionOperations } from '@/lib/call/session-messages';
import { domain, type Domain } from './bus';
import { chooseClient, chosenClient } from './session-recorder';

/** The checklist popup's choice of client for the coming call (lib/call/session-messages.ts). */
export function sessionClientDomain(): Domain {
  return domain(sessionOperations, {
    'session:choose-client': async ({ clientId }) => {
      await chooseClient(clientId);
      return { clientId: await chosenClient() };
    },
    'session:chosen-client': async () => ({ clientId: await chosenClient() }),
  });
}
