/**
 * Google tag (gtag.js) module for the Tagwarden consent runtime (see snippets/README.md).
 * Contract: default export {load(ctx), send(ctx, ev)}; nothing runs at import time.
 * load installs dataLayer + gtag (pushing the arguments object) once, requests gtag.js once
 * through ctx.loadScript, and configures this tag id with send_page_view: false.
 * send scopes every event to this tag with send_to and passes the dedup id; an AW- tag with
 * a conversion label sends non-page-view events as 'conversion' to 'AW-…/label' with
 * transaction_id (order id, else the dedup id).
 * Vendor-facing property names are quoted so Closure never renames them.
 */

const LOADER = 'https://www.googletagmanager.com/gtag/js?id=';

export default {
  /** Installs dataLayer/gtag, requests the loader once, and configures this tag id. */
  load(ctx) {
    const win = ctx.win;
    const tagId = ctx.settings['tagId'];
    if (typeof win['gtag'] !== 'function') {
      win['dataLayer'] = win['dataLayer'] || [];
      // gtag.js expects the arguments object itself, not an array copy.
      win['gtag'] = function () {
        win['dataLayer'].push(arguments);
      };
    }
    // A page may define gtag() only to set Consent Mode defaults; gtag.js itself still has to be loaded.
    if (!win['__tagwardenGtagLoaded']) {
      win['__tagwardenGtagLoaded'] = true;
      // gtag.js may load for an analytics-only grant: tell it what is granted before it starts.
      pushConsent(win, 'default', ctx.consent);
      win['gtag']('js', new Date());
      ctx.loadScript(LOADER + encodeURIComponent(tagId));
    }
    win['gtag']('config', tagId, {'send_page_view': false});
  },

  /** Sends one event to this tag only; Ads conversions when a conversion label is set. */
  send(ctx, ev) {
    const tagId = ctx.settings['tagId'];
    const label = ctx.settings['conversionLabel'];
    const params = Object.assign({}, ev.params, {'event_id': ev.eventId});
    let name = ev.name;
    if (/^AW-/.test(tagId) && label && !ev.pageView) {
      name = 'conversion';
      params['send_to'] = tagId + '/' + label;
      params['transaction_id'] = params['transaction_id'] || ev.eventId;
    } else {
      params['send_to'] = tagId;
    }
    ctx.win['gtag']('event', name, params);
  },

  /** Every change as a Consent Mode update, so gtag.js uses cookies and user data only as granted. */
  consent(ctx, granted, state) {
    pushConsent(ctx.win, 'update', state);
  },
};

/**
 * Pushes gtag('consent', command, …) as gtag() would (an Arguments object), marked as Tagwarden's own so
 * that the runtime's Consent Mode signal does not read it back as a visitor's decision.
 */
function pushConsent(win, command, state) {
  const entry = argumentsOf('consent', command, consentMode(state));
  entry['__tagwarden'] = true;
  win['dataLayer'].push(entry);
}

function argumentsOf() {
  return arguments;
}

/** Tagwarden's categories as Google Consent Mode v2 settings. */
function consentMode(state) {
  const ads = state && state['marketing'] === 'granted' ? 'granted' : 'denied';
  return {
    'ad_storage': ads,
    'ad_user_data': ads,
    'ad_personalization': ads,
    'analytics_storage': state && state['analytics'] === 'granted' ? 'granted' : 'denied',
  };
}
