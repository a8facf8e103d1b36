/**
 * X (Twitter) pixel module for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load installs the official twq queue stub once, requests uwt.js once through
 * ctx.loadScript, and runs twq('config', pixelId) once per pixel id (config also sends the
 * page view, so repeating it would double-count).
 * send ignores page views and sends conversions as twq('event', 'tw-<pixelId>-<eventId>',
 * params + {conversion_id}).
 * Vendor-facing property names are quoted so Closure never renames them.
 */

const LOADER = 'https://static.ads-twitter.com/uwt.js';

export default {
  /** Installs the twq stub, requests the loader once, and configures this pixel id once. */
  load(ctx) {
    const win = ctx.win;
    const pixelId = ctx.settings['pixelId'];
    if (!win['twq']) {
      const twq = function () {
        if (twq['exe']) {
          twq['exe'].apply(twq, arguments);
        } else {
          twq['queue'].push(arguments);
        }
      };
      twq['version'] = '1.1';
      twq['queue'] = [];
      win['twq'] = twq;
      ctx.loadScript(LOADER);
    }
    const configured = win['twq']['tagwardenPixels'] = win['twq']['tagwardenPixels'] || {};
    if (!configured[pixelId]) {
      configured[pixelId] = true;
      win['twq']('config', pixelId);
    }
  },

  /** Sends one conversion; the page view was sent by twq('config'). */
  send(ctx, ev) {
    if (ev.pageView) {
      return;
    }
    const name = 'tw-' + ctx.settings['pixelId'] + '-' + ctx.settings['eventId'];
    ctx.win['twq']('event', name, Object.assign({}, ev.params, {'conversion_id': ev.eventId}));
  },
};
