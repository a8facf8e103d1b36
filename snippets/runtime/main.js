/**
 * Container entry. start(win, config, vendors, features) installs the page API window.tagwarden, starts the consent
 * signals, replays calls the page queued before the script loaded, and fires each tag when its trigger
 * matches AND consent for its category is granted (and, under TCF, its vendor is not refused). While
 * consent is unknown events wait, in order (also while only the opt-in policy has denied, after the wait: nobody has
 * chosen yet); when a signal or the visitor denies they are dropped; on withdrawal nothing more fires.
 * Loaded vendors hear every consent change through their own consent call where they have one. No vendor module is loaded before its tag may fire.
 * With features.collect, each event a tag fired for is also sent once to the server's /collect (see collect.js).
 * A server-only tag (tag.server) never loads vendor code: when it may fire, its event only goes to /collect, and the
 * server forwards it to the vendor's conversion API.
 *
 * Page API: tagwarden.push({event: 'purchase', value: 42.5, currency: 'EUR', event_id: '…'});
 * tagwarden.consent.update({marketing: 'granted'}); tagwarden.consent.get(); tagwarden.consent.open() (the
 * built-in banner, when the container uses it); tagwarden.debug().
 * features holds optional modules the assembler included for this container ({banner: startBanner}) and, only in
 * the admin app's preview build, pageUrl: the address triggers are matched against instead of the preview page's own.
 */
import {createConsentState, GRANTED, DENIED} from './consent-state.js';
import {createLoader} from './loader.js';
import {triggerMatches} from './triggers.js';
import {guard} from './guard.js';
import {gpcEnabled} from './signals/gpc.js';
import {startSignals} from './signals.js';
import {applyPolicyAfterWait} from './policy.js';
import {createClickIds} from './click-ids.js';

const MAX_PENDING = 200;

export function start(win, config, vendors, features) {
  const previous = win.tagwarden;
  if (previous && previous.started) {
    return previous;
  }
  const errors = [];
  const onError = (e) => errors.push(String(e && e.message || e));
  const consentConfig = config.consent;
  const consent = createConsentState(gpcEnabled(win));
  const loader = createLoader(win, vendors, scriptNonce(win), onError);
  const clickIds = createClickIds(win, config.clickIds || {});
  const collector = features && features.collect ? guard(() => features.collect(win, config.container, onError), onError) : null;
  const pending = [];
  let banner = null;
  const status = {};
  config.tags.forEach((tag) => { status[tag.id] = 'no matching event yet'; });

  function decide(tag, ev) {
    const state = consent.get(tag.category);
    if (state === GRANTED && consent.vetoed(tag.gvlId)) {
      status[tag.id] = 'blocked: vendor refused under TCF';
    } else if (state === GRANTED) {
      if (tag.server) {
        status[tag.id] = collector ? 'sent to the server for forwarding' : 'not sent: first-party collection is off';
      } else {
        loader.fire(tag, vendorEvent(tag, (config.params || {})[tag.vendor], ev), consent.snapshot());
        status[tag.id] = 'fired';
      }
      if (collector) {
        const now = consent.snapshot();
        guard(() => collector.send(tag, ev, now, consent.source(), consent.gpc(), clickIds.allowed(now), refusedVendors()), onError);
      }
    } else if (state === DENIED && consent.source() === null) {
      // Denied only by the opt-in policy after the wait: nobody has chosen yet. Held (not fired) so that a
      // visitor who accepts later on this page still counts; dropped at once if a signal or the visitor refuses.
      hold(tag, ev);
      status[tag.id] = 'blocked: ' + tag.category + ' consent denied by the opt-in policy until the visitor chooses';
    } else if (state === DENIED) {
      status[tag.id] = 'blocked: ' + tag.category + ' consent denied' + (consent.gpc() && tag.category === 'marketing' ? ' (GPC)' : '');
    } else {
      hold(tag, ev);
      status[tag.id] = 'waiting for ' + tag.category + ' consent';
    }
  }

  /** The IAB vendor ids of this container's tags that the TCF signal refused (the server forwards none of their events). */
  function refusedVendors() {
    const refused = [];
    config.tags.forEach((t) => {
      if (t.gvlId != null && consent.vetoed(t.gvlId) && refused.indexOf(t.gvlId) === -1) {
        refused.push(t.gvlId);
      }
    });
    return refused;
  }

  /** Keeps an event until consent is known; the oldest go first past MAX_PENDING (a long-lived page never choosing). */
  function hold(tag, ev) {
    if (pending.length >= MAX_PENDING) {
      pending.shift();
    }
    pending.push({tag: tag, ev: ev});
  }

  function handle(ev) {
    const url = features && features.pageUrl || String(win.location && win.location.href || '');
    ev.url = url;
    config.tags.forEach((tag) => guard(() => {
      if (triggerMatches(tag.trigger, ev, url)) {
        decide(tag, ev);
      }
    }, onError));
  }

  let consentMode = null;
  const hasGoogleTags = config.tags.some((tag) => tag.vendor === 'google' && !tag.server);
  consent.onChange((now, before) => {
    loader.consentChanged(now);
    guard(() => clickIds.sync(now), onError);
    if (consentMode && hasGoogleTags && consent.source() !== 'consent_mode') {
      guard(() => consentMode.announce(now), onError);
    }
    const waiting = pending.splice(0, pending.length);
    waiting.forEach((item) => guard(() => decide(item.tag, item.ev), onError));
  });

  const api = {
    started: true,
    container: config.container,
    push(data) {
      guard(() => {
        if (data && typeof data.event === 'string') {
          handle(pageEvent(data, false));
        }
      }, onError);
      return api;
    },
    consent: {
      update(decisions) { guard(() => consent.update(decisions || {}, 'api'), onError); },
      get() { return consent.snapshot(); },
      open() { guard(() => banner && banner.open(), onError); },
    },
    debug() {
      return {container: config.container, consent: consent.snapshot(), source: consent.source(), gpc: consent.gpc(),
        tags: config.tags.map((tag) => ({id: tag.id, name: tag.name, vendor: tag.vendor, category: tag.category,
          status: status[tag.id]})), clickIds: clickIds.allowed(consent.snapshot()), errors: errors.slice()};
    },
  };
  win.tagwarden = api;

  const gvlIds = config.tags.map((tag) => tag.gvlId).filter((id, i, all) => id != null && all.indexOf(id) === i);
  consentMode = startSignals(win, consentConfig, consent, gvlIds, onError);
  if (features && features.banner && consentConfig.banner) {
    banner = guard(() => features.banner(win, consentConfig.banner, consent), onError) || null;
  }
  applyPolicyAfterWait(win, consentConfig, consent);
  handle(pageEvent({event: 'page_view'}, true));
  if (previous && typeof previous.length === 'number') {
    for (let i = 0; i < previous.length; i++) {
      api.push(previous[i]);
    }
  }
  return api;
}

/** The nonce of the container's own <script>, for the scripts it inserts under a strict CSP. */
function scriptNonce(win) {
  const own = win.document && win.document.currentScript;
  return own ? own.nonce || own.getAttribute('nonce') || '' : '';
}

function pageEvent(data, pageView) {
  return {name: data.event, data: data, pageView: pageView, eventId: data.event_id ? String(data.event_id) : newId()};
}

/** names maps page-API parameter names to the vendor's; parameters it does not list are not sent. */
function vendorEvent(tag, names, ev) {
  const params = {};
  names = names || {};
  Object.keys(names).forEach((ours) => {
    if (ev.data[ours] !== undefined) {
      params[names[ours]] = ev.data[ours];
    }
  });
  return {name: tag.vendorEvent, params: params, eventId: ev.eventId, pageView: ev.pageView};
}

function newId() {
  let id = Date.now().toString(36) + '-';
  for (let i = 0; i < 4; i++) {
    id += Math.floor(Math.random() * 0x100000000).toString(36);
  }
  return id;
}
