/**
 * Test-only vendor "Acme Ads" for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load creates the acmeq array once, requests https://tags.acme.test/acme.js once through
 * ctx.loadScript, and records the account id in acmeAccounts (once per id).
 * send pushes [name, params, eventId] onto ctx.win.acmeq, so acmeq holds only events.
 */

const LOADER = 'https://tags.acme.test/acme.js';

export default {
  /** Installs the acmeq queue, requests the loader once, and records this account id. */
  load(ctx) {
    const win = ctx.win;
    if (!win['acmeq']) {
      win['acmeq'] = [];
      ctx.loadScript(LOADER);
    }
    const accounts = win['acmeAccounts'] = win['acmeAccounts'] || [];
    const accountId = ctx.settings['accountId'];
    if (accounts.indexOf(accountId) < 0) {
      accounts.push(accountId);
    }
  },

  /** Queues one event as [name, params, eventId]. */
  send(ctx, ev) {
    ctx.win['acmeq'].push([ev.name, ev.params, ev.eventId]);
  },
};
