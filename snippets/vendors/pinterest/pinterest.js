/**
 * Pinterest Tag module for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load installs the official pintrk queue stub (argument arrays, version '3.0') once,
 * requests core.js once through ctx.loadScript, and calls pintrk('load', tagId).
 * send: a page view calls pintrk('page') and then tracks the mapped event (pagevisit);
 * every tracked event carries the server-shared dedup id in event_id.
 * Vendor-facing property names are quoted so Closure never renames them.
 */

const LOADER = 'https://s.pinimg.com/ct/core.js';

export default {
  /** Installs the pintrk stub, requests the loader once, and loads this tag id. */
  load(ctx) {
    const win = ctx.win;
    if (!win['pintrk']) {
      const pintrk = function () {
        pintrk['queue'].push(Array.prototype.slice.call(arguments));
      };
      pintrk['queue'] = [];
      pintrk['version'] = '3.0';
      win['pintrk'] = pintrk;
      ctx.loadScript(LOADER);
    }
    win['pintrk']('load', ctx.settings['tagId']);
  },

  /** Sends one event with the dedup id in Pinterest's event_id field. */
  send(ctx, ev) {
    const pintrk = ctx.win['pintrk'];
    if (ev.pageView) {
      pintrk('page');
    }
    pintrk('track', ev.name, Object.assign({}, ev.params, {'event_id': ev.eventId}));
  },

  /** Pinterest's own consent call: false stops events and clears its first-party storage. */
  consent(ctx, granted) {
    ctx.win['pintrk']('setconsent', granted);
  },
};
