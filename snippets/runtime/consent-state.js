/**
 * Consent state: for each category (necessary, analytics, marketing) one of 'granted', 'denied' or
 * 'unknown'; 'necessary' is always granted. The first consent signal that answers becomes the source;
 * later answers from other signals are ignored, while the site's own API and the banner (explicit user
 * actions) always apply. Global Privacy Control pins marketing to denied whatever any signal says.
 * Listeners hear every change with the previous state, so withdrawal (granted → denied) can be acted on.
 */
export const GRANTED = 'granted';
export const DENIED = 'denied';
export const UNKNOWN = 'unknown';
const CATEGORIES = ['analytics', 'marketing'];
const EXPLICIT = {api: true, banner: true};

export function createConsentState(gpc) {
  const state = {necessary: GRANTED, analytics: UNKNOWN, marketing: gpc ? DENIED : UNKNOWN};
  const vendorVetoes = {};
  const listeners = [];
  let source = gpc ? 'gpc' : null;
  let decided = false;

  function snapshot() {
    return {necessary: state.necessary, analytics: state.analytics, marketing: state.marketing};
  }

  return {
    get(category) {
      return state[category] || DENIED;
    },
    /** True when the signal vetoed this IAB vendor id (TCF vendor consent). */
    vetoed(gvlId) {
      return gvlId != null && vendorVetoes[gvlId] === true;
    },
    snapshot: snapshot,
    source() {
      return source;
    },
    gpc() {
      return !!gpc;
    },
    /**
     * decisions: {analytics, marketing: 'granted'|'denied', vendors: {gvlId: true|false}} from signal `from`.
     * 'default' (the policy after the wait) only fills categories that are still unknown.
     */
    update(decisions, from) {
      if (from !== 'default' && !EXPLICIT[from] && decided && source !== from) {
        return false;
      }
      const before = snapshot();
      let changed = false;
      for (const category of CATEGORIES) {
        let value = decisions[category];
        if (value !== GRANTED && value !== DENIED) {
          continue;
        }
        if (from === 'default' && state[category] !== UNKNOWN) {
          continue;
        }
        if (category === 'marketing' && gpc) {
          value = DENIED;
        }
        if (state[category] !== value) {
          state[category] = value;
          changed = true;
        }
      }
      const vendors = decisions.vendors || {};
      Object.keys(vendors).forEach((id) => {
        const veto = vendors[id] === false;
        if (vendorVetoes[id] !== veto) {
          vendorVetoes[id] = veto;
          changed = true;
        }
      });
      // The first real answer is news even when it repeats the policy's default: held events are then dropped.
      const firstAnswer = from !== 'default' && !decided;
      if (from !== 'default') {
        decided = true;
        source = from;
      }
      if (changed || firstAnswer) {
        listeners.slice().forEach((listener) => listener(snapshot(), before));
      }
      return changed;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
