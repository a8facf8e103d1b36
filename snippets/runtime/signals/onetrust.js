/**
 * OneTrust as a signal: granted groups come from window.OnetrustActiveGroups (or the legacy
 * OptanonActiveGroups), a comma-wrapped list such as ',C0001,C0004,'. Read at start, from OptanonWrapper()
 * (wrapped, the page's own still runs), OneTrust.OnConsentChanged and the 'consent.onetrust' event. While
 * OneTrust.IsAlertBoxClosed() is false the visitor has not chosen yet, so there is no decision.
 * groups maps our categories to OneTrust group ids (default analytics C0002, marketing C0004).
 */
export function watchOneTrust(win, decide, groups) {
  let hooked = false;

  function read() {
    const active = win.OnetrustActiveGroups || win.OptanonActiveGroups;
    if (typeof active !== 'string') {
      return;
    }
    const sdk = win.OneTrust;
    if (sdk && typeof sdk.IsAlertBoxClosed === 'function' && !sdk.IsAlertBoxClosed()) {
      return;
    }
    const has = (group) => (',' + active + ',').indexOf(',' + group + ',') !== -1 ? 'granted' : 'denied';
    decide({analytics: has(groups.analytics), marketing: has(groups.marketing)});
  }

  function hook() {
    const sdk = win.OneTrust;
    if (!hooked && sdk && typeof sdk.OnConsentChanged === 'function') {
      hooked = true;
      sdk.OnConsentChanged(read);
    }
  }

  const pageWrapper = win.OptanonWrapper;
  win.OptanonWrapper = function () {
    try {
      if (typeof pageWrapper === 'function') {
        pageWrapper.apply(this, arguments);
      }
    } finally {
      hook();
      read();
    }
  };
  win.addEventListener('consent.onetrust', read);
  hook();
  read();
  return true;
}
