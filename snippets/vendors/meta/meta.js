/**
 * Meta Pixel module for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load installs the official fbq queue stub once, requests fbevents.js once through
 * ctx.loadScript, and calls fbq('init', pixelId) for this tag's pixel.
 * send calls fbq('trackSingle', pixelId, name, params, {eventID}) with the server-shared dedup id:
 * trackSingle, because plain 'track' would also fire every other pixel initialised on the page.
 * Vendor-facing property names are quoted so Closure never renames them.
 */

const LOADER = 'https://connect.facebook.net/en_US/fbevents.js';

export default {
  /** Installs the fbq stub, requests the loader once, and initialises this pixel id. */
  load(ctx) {
    const win = ctx.win;
    if (!win['fbq']) {
      const fbq = function () {
        if (fbq['callMethod']) {
          fbq['callMethod'].apply(fbq, arguments);
        } else {
          fbq['queue'].push(arguments);
        }
      };
      if (!win['_fbq']) {
        win['_fbq'] = fbq;
      }
      fbq['push'] = fbq;
      fbq['loaded'] = true;
      fbq['version'] = '2.0';
      fbq['queue'] = [];
      win['fbq'] = fbq;
      ctx.loadScript(LOADER);
    }
    win['fbq']('init', ctx.settings['pixelId']);
  },

  /** Sends one event (PageView included) with the dedup id in Meta's eventID field. */
  send(ctx, ev) {
    ctx.win['fbq']('trackSingle', ctx.settings['pixelId'], ev.name, Object.assign({}, ev.params), {'eventID': ev.eventId});
  },

  /** Meta's own consent call: 'revoke' holds every further send of this page, 'grant' releases them. */
  consent(ctx, granted) {
    ctx.win['fbq']('consent', granted ? 'grant' : 'revoke');
  },
};
