/**
 * Cookiebot as a signal: window.Cookiebot.consent.<category> once the visitor has answered (hasResponse,
 * consented or declined), read at start and on the CookiebotOnConsentReady, CookiebotOnAccept and
 * CookiebotOnDecline window events. categories maps ours to Cookiebot's (default analytics → statistics,
 * marketing → marketing).
 */
const EVENTS = ['CookiebotOnConsentReady', 'CookiebotOnAccept', 'CookiebotOnDecline'];

export function watchCookiebot(win, decide, categories) {
  function read() {
    const cookiebot = win.Cookiebot;
    if (!cookiebot || !cookiebot.consent || !(cookiebot.hasResponse || cookiebot.consented || cookiebot.declined)) {
      return;
    }
    const state = (name) => cookiebot.consent[name] === true ? 'granted' : 'denied';
    decide({analytics: state(categories.analytics), marketing: state(categories.marketing)});
  }
  EVENTS.forEach((name) => win.addEventListener(name, read));
  read();
  return true;
}
