/**
 * Starts the consent signals the container enabled, each reporting decisions under its own name; the first
 * to answer becomes the source (see consent-state.js). A signal that throws is skipped, never the page.
 * Returns the Consent Mode handle (to announce decisions to Google tags) when that signal is enabled.
 */
import {guard} from './guard.js';
import {watchTcf} from './signals/tcf.js';
import {watchGpp} from './signals/gpp.js';
import {watchConsentMode} from './signals/consent-mode.js';
import {watchOneTrust} from './signals/onetrust.js';
import {watchCookiebot} from './signals/cookiebot.js';

export function startSignals(win, consentConfig, state, gvlIds, onError) {
  const report = (name) => (decision) => guard(() => state.update(decision || {}, name), onError);
  const starters = {
    tcf: () => watchTcf(win, report('tcf'), consentConfig.tcfPurposes, gvlIds),
    gpp: () => watchGpp(win, report('gpp')),
    consent_mode: () => watchConsentMode(win, report('consent_mode')),
    onetrust: () => watchOneTrust(win, report('onetrust'), consentConfig.oneTrustGroups),
    cookiebot: () => watchCookiebot(win, report('cookiebot'), consentConfig.cookiebotCategories),
  };
  let consentMode = null;
  (consentConfig.signals || []).forEach((name) => {
    const started = starters[name] ? guard(starters[name], onError) : undefined;
    if (name === 'consent_mode' && started) {
      consentMode = started;
    }
  });
  return consentMode;
}
