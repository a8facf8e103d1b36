/**
 * Google Consent Mode v2 as a signal: replays 'consent' commands already in window.dataLayer (defaults
 * first, updates override), then watches dataLayer.push for new ones. Entries are gtag() Arguments objects
 * or plain arrays. marketing = ad_storage granted and neither ad_user_data nor ad_personalization denied;
 * analytics = analytics_storage. A 'default' alone is a decision only when it grants something; a denying
 * default (what CMPs set before asking) waits for an update until the policy's timeout.
 * Also emits Consent Mode updates, so Google tags learn decisions made by other signals. Entries Tagwarden
 * pushes itself are marked (__tagwarden) and never read back as a decision.
 */
const AD_KEYS = ['ad_storage', 'ad_user_data', 'ad_personalization'];

export function watchConsentMode(win, decide) {
  const layer = win.dataLayer = win.dataLayer || [];
  const merged = {};
  let sawUpdate = false;

  function read(entry) {
    if (!entry || entry.__tagwarden || entry[0] !== 'consent' || (entry[1] !== 'default' && entry[1] !== 'update')) {
      return false;
    }
    const settings = entry[2] || {};
    Object.keys(settings).forEach((key) => { merged[key] = settings[key]; });
    sawUpdate = sawUpdate || entry[1] === 'update';
    return true;
  }

  function emit() {
    const d = {};
    if (merged.ad_storage !== undefined) {
      d.marketing = merged.ad_storage === 'granted' && AD_KEYS.every((k) => merged[k] !== 'denied') ? 'granted' : 'denied';
    }
    if (merged.analytics_storage !== undefined) {
      d.analytics = merged.analytics_storage === 'granted' ? 'granted' : 'denied';
    }
    if (sawUpdate || d.marketing === 'granted' || d.analytics === 'granted') {
      decide(d);
    }
  }

  let found = false;
  for (let i = 0; i < layer.length; i++) {
    found = read(layer[i]) || found;
  }
  const originalPush = layer.push;
  layer.push = function () {
    const result = originalPush.apply(layer, arguments);
    let seen = false;
    for (let i = 0; i < arguments.length; i++) {
      seen = read(arguments[i]) || seen;
    }
    if (seen) {
      emit();
    }
    return result;
  };
  if (found) {
    emit();
  }
  return {
    /** Tells Google tags about a decision that came from another signal. */
    announce(state) {
      const ads = state.marketing === 'granted' ? 'granted' : 'denied';
      const entry = args('consent', 'update', {
        ad_storage: ads, ad_user_data: ads, ad_personalization: ads,
        analytics_storage: state.analytics === 'granted' ? 'granted' : 'denied',
      });
      entry.__tagwarden = true;
      layer.push(entry);
    },
  };
}

/** gtag() pushes an Arguments object, not an array; Google's code relies on that. */
function args() {
  return arguments;
}
