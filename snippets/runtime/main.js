/**
 * Container entry. start(win, config, vendors) installs the page API window.tagwarden, replays calls the
 * page queued before the script loaded, and fires each tag when its trigger matches AND consent for its
 * category is granted. While consent is unknown events wait (in order); when it is denied they are dropped;
 * after withdrawal nothing more fires. No vendor module is loaded before its tag may fire.
 *
 * Page API: tagwarden.push({event: 'purchase', value: 42.5, currency: 'EUR', event_id: '…'});
 * tagwarden.consent.update({marketing: 'granted'}); tagwarden.debug() → per-tag status.
 */
import {createConsentState, GRANTED, DENIED} from './consent-state.js';
import {createLoader} from './loader.js';
import {triggerMatches} from './triggers.js';
import {guard} from './guard.js';

export function start(win, config, vendors) {
  const previous = win.tagwarden;
  if (previous && previous.started) {
    return previous;
  }
  const errors = [];
  const onError = (e) => errors.push(String(e && e.message || e));
  const consent = createConsentState();
  const loader = createLoader(win, vendors, onError);
  const pending = [];
  const status = {};
  config.tags.forEach((tag) => { status[tag.id] = 'no matching event yet'; });

  function decide(tag, ev) {
    const state = consent.get(tag.category);
    if (state === GRANTED) {
      loader.fire(tag, vendorEvent(tag, ev));
      status[tag.id] = 'fired';
    } else if (state === DENIED) {
      status[tag.id] = 'blocked: ' + tag.category + ' consent denied';
    } else {
      pending.push({tag: tag, ev: ev});
      status[tag.id] = 'waiting for ' + tag.category + ' consent';
    }
  }

  function handle(ev) {
    const url = String(win.location && win.location.href || '');
    config.tags.forEach((tag) => guard(() => {
      if (triggerMatches(tag.trigger, ev, url)) {
        decide(tag, ev);
      }
    }, onError));
  }

  consent.onChange(() => {
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
      update(decisions) { guard(() => consent.update(decisions || {}), onError); },
      get() { return consent.snapshot(); },
    },
    debug() {
      return {container: config.container, consent: consent.snapshot(), tags: config.tags.map((tag) => ({
        id: tag.id, name: tag.name, vendor: tag.vendor, category: tag.category, status: status[tag.id],
      })), errors: errors.slice()};
    },
  };
  win.tagwarden = api;

  handle(pageEvent({event: 'page_view'}, true));
  if (previous && typeof previous.length === 'number') {
    for (let i = 0; i < previous.length; i++) {
      api.push(previous[i]);
    }
  }
  return api;
}

function pageEvent(data, pageView) {
  return {name: data.event, data: data, pageView: pageView, eventId: data.event_id ? String(data.event_id) : newId()};
}

function vendorEvent(tag, ev) {
  const params = {};
  const names = tag.params || {};
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
