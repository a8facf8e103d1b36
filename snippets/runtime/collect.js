/**
 * First-party collection. createCollector(win, containerId, onError).send(tag, ev, state, source, gpc, clickIds, refused) posts the event to the Tagwarden server
 * the container script came from (`<its origin>/collect`), at most once per event_id. The runtime calls it only
 * right after a tag fired for the event, i.e. only once consent for that tag's category is granted: before consent
 * nothing reaches /collect. The payload carries the event_id the vendors got, the Tagwarden event name of the tag
 * that fired first, the consent state with the signal that decided it, GPC, the page, and the click ids that state
 * allows, and (refused) the IAB vendor ids the TCF signal refused. navigator.sendBeacon (text/plain, so no CORS preflight, and it survives the page closing), else fetch with
 * keepalive; a failure is reported through onError, never thrown.
 */
const PARAMS = ['value', 'currency', 'content_ids', 'content_type', 'order_id', 'num_items', 'search_term'];
const MAX_SENT = 500;

/** `<origin>/collect` of the container's own <script>, or null (then nothing is sent). */
export function collectEndpoint(win) {
  const own = win.document && win.document.currentScript;
  const match = own && /^(https?:\/\/[^/?#]+)\//.exec(String(own.src || ''));
  return match ? match[1] + '/collect' : null;
}

/** endpoint: where to send (tests); by default collectEndpoint(win). */
export function createCollector(win, containerId, onError, endpoint) {
  endpoint = endpoint === undefined ? collectEndpoint(win) : endpoint;
  const sent = [];

  function post(body) {
    const nav = win.navigator || {};
    if (typeof nav.sendBeacon === 'function' && nav.sendBeacon(endpoint, body)) {
      return;
    }
    if (typeof win.fetch === 'function') {
      win.fetch(endpoint, {method: 'POST', body: body, keepalive: true, mode: 'no-cors', credentials: 'include',
        headers: {'Content-Type': 'text/plain'}}).catch(onError);
    }
  }

  return {
    send(tag, ev, state, source, gpc, clickIds, refused) {
      if (!endpoint || sent.indexOf(ev.eventId) !== -1) {
        return false;
      }
      if (sent.length >= MAX_SENT) {
        sent.shift();
      }
      sent.push(ev.eventId);
      const params = {};
      PARAMS.forEach((name) => {
        if (ev.data[name] !== undefined) {
          params[name] = ev.data[name];
        }
      });
      const doc = win.document || {};
      const event = {container: containerId, event: tag.event, event_id: ev.eventId, time: Date.now(),
        url: String(ev.url || ''), referrer: String(doc.referrer || ''),
        consent: {analytics: state.analytics, marketing: state.marketing, source: source, gpc: gpc},
        click_ids: clickIds, params: params};
      if (refused && (refused.length || source === 'tcf')) {
        event.consent.refused_vendors = refused;
      }
      if (ev.data.user && typeof ev.data.user === 'object' && state.marketing === 'granted' && !gpc) {
        event.user = ev.data.user;
      }
      post(JSON.stringify(event));
      return true;
    },
  };
}
