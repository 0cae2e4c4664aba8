// A test-runner command that emulates CSS media features the runner's own emulateMedia does not
// offer in Chromium, such as forced-colors, through the DevTools protocol.

/**
 * `executeServerCommand('emulate-media-features', { features: [{ name, value }] })`: the page then
 * matches those media features, e.g. `{ name: 'forced-colors', value: 'active' }`, as it would on a
 * system that asks for them. An empty list ends every emulation of a media feature.
 */
export function mediaFeaturesPlugin() {
  /** One DevTools session per page: puppeteer's own emulateMediaFeatures refuses forced-colors. */
  const sessions = new WeakMap();
  return {
    name: 'media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error('emulate-media-features needs a Chromium launched by puppeteer');
      const features = Array.isArray(payload?.features) ? payload.features : [];
      for (const feature of features) {
        if (typeof feature?.name !== 'string' || typeof feature?.value !== 'string')
          throw new Error('emulate-media-features: each feature is { name: string, value: string }');
      }
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
