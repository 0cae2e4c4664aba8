// Verification runs here, in a module worker, so that a large or hostile file
// never holds up the page: the page stays responsive while it is checked.
import { runVerifyRequest, type VerifyRequest } from './verify-request.js';

self.addEventListener('message', async (event: MessageEvent<VerifyRequest>) => {
  self.postMessage(await runVerifyRequest(event.data));
});
