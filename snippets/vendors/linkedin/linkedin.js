/**
 * LinkedIn Insight Tag module for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load sets _linkedin_partner_id, adds it to _linkedin_data_partner_ids, installs the
 * lintrk queue stub once and requests insight.min.js once through ctx.loadScript.
 * The page view is automatic when the Insight Tag loads, so send ignores page views and
 * sends every other event as lintrk('track', {conversion_id, event_id}).
 * Vendor-facing property names are quoted so Closure never renames them.
 */

const LOADER = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';

export default {
  /** Registers this partner id, installs the lintrk stub and requests the loader once. */
  load(ctx) {
    const win = ctx.win;
    const partnerId = ctx.settings['partnerId'];
    win['_linkedin_partner_id'] = partnerId;
    const ids = win['_linkedin_data_partner_ids'] = win['_linkedin_data_partner_ids'] || [];
    if (ids.indexOf(partnerId) < 0) {
      ids.push(partnerId);
    }
    if (!win['lintrk']) {
      const lintrk = function (a, b) {
        lintrk['q'].push([a, b]);
      };
      lintrk['q'] = [];
      win['lintrk'] = lintrk;
      ctx.loadScript(LOADER);
    }
  },

  /** Sends one conversion; page views are sent by the Insight Tag itself. */
  send(ctx, ev) {
    if (ev.pageView) {
      return;
    }
    ctx.win['lintrk']('track', {
      'conversion_id': Number(ctx.settings['conversionId']),
      'event_id': ev.eventId,
    });
  },
};
