/**
 * TikTok Pixel module for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load installs the official ttq array stub once (deferred methods, instance, load) and
 * registers this pixel id the way the official ttq.load does, requesting
 * events.js?sdkid=<id>&lib=ttq through ctx.loadScript once per pixel id (the stub's own
 * load goes through ctx.loadScript too, so no script element is created here).
 * send: page view -> ttq.page(); other events -> ttq.track(name, params, {event_id}).
 * Vendor-facing property names are quoted so Closure never renames them.
 */

const SDK = 'https://analytics.tiktok.com/i18n/pixel/events.js';
const METHODS = ['page', 'track', 'identify', 'instances', 'debug', 'on', 'off', 'once', 'ready',
  'alias', 'group', 'enableCookie', 'disableCookie', 'holdConsent', 'revokeConsent', 'grantConsent'];

/** Records a pixel id like the official stub's ttq.load and requests its SDK script. */
function register(ctx, ttq, id, options) {
  ttq['_i'] = ttq['_i'] || {};
  ttq['_i'][id] = [];
  ttq['_i'][id]['_u'] = SDK;
  ttq['_t'] = ttq['_t'] || {};
  ttq['_t'][id] = +new Date();
  ttq['_o'] = ttq['_o'] || {};
  ttq['_o'][id] = options || {};
  ctx.loadScript(SDK + '?sdkid=' + encodeURIComponent(id) + '&lib=ttq');
}

export default {
  /** Installs the ttq stub once and loads this pixel id once. */
  load(ctx) {
    const win = ctx.win;
    const pixelId = ctx.settings['pixelId'];
    if (!win['ttq']) {
      win['TiktokAnalyticsObject'] = 'ttq';
      const ttq = [];
      ttq['methods'] = METHODS;
      ttq['setAndDefer'] = function (target, method) {
        target[method] = function () {
          target.push([method].concat(Array.prototype.slice.call(arguments, 0)));
        };
      };
      METHODS.forEach(function (m) { ttq['setAndDefer'](ttq, m); });
      ttq['instance'] = function (id) {
        const inst = (ttq['_i'] && ttq['_i'][id]) || [];
        METHODS.forEach(function (m) { ttq['setAndDefer'](inst, m); });
        return inst;
      };
      ttq['load'] = function (id, options) { register(ctx, ttq, id, options); };
      win['ttq'] = ttq;
    }
    const ttq = win['ttq'];
    if (!(ttq['_i'] && ttq['_i'][pixelId])) {
      register(ctx, ttq, pixelId);
    }
  },

  /** Sends one event: page views via ttq.page(), others with the dedup id in event_id. */
  send(ctx, ev) {
    const ttq = ctx.win['ttq'];
    if (ev.pageView) {
      ttq['page']();
      return;
    }
    ttq['track'](ev.name, Object.assign({}, ev.params), {'event_id': ev.eventId});
  },

  /** TikTok's own consent calls. */
  consent(ctx, granted) {
    ctx.win['ttq'][granted ? 'grantConsent' : 'revokeConsent']();
  },
};
