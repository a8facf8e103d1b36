/**
 * Consent state: for each category (necessary, analytics, marketing) one of 'granted', 'denied' or
 * 'unknown'. 'necessary' is always granted. Listeners hear every change. A category goes from granted to
 * denied when consent is withdrawn; nothing is fired for it after that.
 */
export const GRANTED = 'granted';
export const DENIED = 'denied';
export const UNKNOWN = 'unknown';

export function createConsentState() {
  const state = {necessary: GRANTED, analytics: UNKNOWN, marketing: UNKNOWN};
  const listeners = [];
  return {
    get(category) {
      return state[category] || DENIED;
    },
    snapshot() {
      return {necessary: state.necessary, analytics: state.analytics, marketing: state.marketing};
    },
    /** decisions: {analytics: 'granted'|'denied', marketing: ...}; unknown keys and values are ignored. */
    update(decisions) {
      let changed = false;
      for (const category of ['analytics', 'marketing']) {
        const value = decisions[category];
        if ((value === GRANTED || value === DENIED) && state[category] !== value) {
          state[category] = value;
          changed = true;
        }
      }
      if (changed) {
        listeners.slice().forEach((listener) => listener(state));
      }
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
