/**
 * Reddit Pixel module for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load installs the official rdt queue stub (callQueue until sendEvent exists) once,
 * requests pixel.js once through ctx.loadScript, and calls rdt('init', pixelId, …).
 * send calls rdt('track', name, params + {conversionId}) with the server-shared dedup id
 * (page views included, as PageVisit).
 * Vendor-facing property names are quoted so Closure never renames them.
 */

const LOADER = 'https://www.redditstatic.com/ads/pixel.js';

export default {
  /** Installs the rdt stub, requests the loader once, and initialises this pixel id. */
  load(ctx) {
    const win = ctx.win;
    if (!win['rdt']) {
      const rdt = function () {
        if (rdt['sendEvent']) {
          rdt['sendEvent'].apply(rdt, arguments);
        } else {
          rdt['callQueue'].push(arguments);
        }
      };
      rdt['callQueue'] = [];
      win['rdt'] = rdt;
      ctx.loadScript(LOADER);
    }
    // value is a decimal amount (9.99), not minor units.
    win['rdt']('init', ctx.settings['pixelId'], {'optOut': false, 'useDecimalCurrencyValues': true});
  },

  /** Sends one event with the dedup id in Reddit's conversionId field. */
  send(ctx, ev) {
    ctx.win['rdt']('track', ev.name, Object.assign({}, ev.params, {'conversionId': ev.eventId}));
  },
};
