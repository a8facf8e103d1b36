/**
 * Global Privacy Control: navigator.globalPrivacyControl === true is an opt-out of sale, sharing and
 * targeted advertising. false or absent is no signal (and never consent).
 */
export function gpcEnabled(win) {
  try {
    return !!(win.navigator && win.navigator.globalPrivacyControl === true);
  } catch (e) {
    return false;
  }
}
