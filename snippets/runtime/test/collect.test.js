import {test, equal, ok, fakeWindow} from './harness.js';
import {createCollector, collectEndpoint} from '../collect.js';

const GRANTED = {necessary: 'granted', analytics: 'granted', marketing: 'granted'};
const TAG = {id: 't1', vendor: 'meta', event: 'Purchase'};

function beaconWindow() {
  const win = fakeWindow();
  win.beacons = [];
  win.navigator.sendBeacon = (url, body) => { win.beacons.push({url: url, body: JSON.parse(body)}); return true; };
  win.document.referrer = 'https://search.example/';
  return win;
}

function pageEvent(data) {
  return {name: data.event, data: data, eventId: 'ev-1', url: 'https://shop.example.com/thank-you'};
}

test('the endpoint is /collect on the origin the container script came from', () => {
  const win = fakeWindow();
  win.document.currentScript = {src: 'https://tags.shop.example.com/c/TW-ABC.js'};
  equal(collectEndpoint(win), 'https://tags.shop.example.com/collect');
  win.document.currentScript = null;
  equal(collectEndpoint(win), null);
});

test('sends the event once per event id, with its consent state, click ids and known parameters', () => {
  const win = beaconWindow();
  const collector = createCollector(win, 'TW-ABC', () => {}, 'https://tags.example/collect');
  const ev = pageEvent({event: 'purchase', value: 42.5, currency: 'EUR', order_id: 'A-1', secret: 'x'});
  ok(collector.send(TAG, ev, GRANTED, 'banner', false, {fbclid: 'IwAR1'}));
  ok(!collector.send(TAG, ev, GRANTED, 'banner', false, {}), 'a second tag firing for the same event sends nothing');
  equal(win.beacons.length, 1);
  const sent = win.beacons[0].body;
  equal(win.beacons[0].url, 'https://tags.example/collect');
  equal([sent.container, sent.event, sent.event_id, sent.url, sent.referrer],
    ['TW-ABC', 'Purchase', 'ev-1', 'https://shop.example.com/thank-you', 'https://search.example/']);
  equal(sent.consent, {analytics: 'granted', marketing: 'granted', source: 'banner', gpc: false});
  equal(sent.click_ids, {fbclid: 'IwAR1'});
  equal(sent.params, {value: 42.5, currency: 'EUR', order_id: 'A-1'});
});

test('user identifiers go only with marketing consent and without GPC', () => {
  const win = beaconWindow();
  const collector = createCollector(win, 'TW-ABC', () => {}, '/collect');
  const user = {email: 'a@example.com'};
  collector.send(TAG, Object.assign(pageEvent({event: 'lead', user: user}), {eventId: 'a'}), GRANTED, 'api', false, {});
  collector.send(TAG, Object.assign(pageEvent({event: 'lead', user: user}), {eventId: 'b'}), GRANTED, 'api', true, {});
  collector.send(TAG, Object.assign(pageEvent({event: 'lead', user: user}), {eventId: 'c'}),
    {necessary: 'granted', analytics: 'granted', marketing: 'denied'}, 'api', false, {});
  equal(win.beacons.map((b) => b.body.user ? b.body.user.email : null), ['a@example.com', null, null]);
});

test('without sendBeacon it falls back to fetch with keepalive; without an endpoint it sends nothing', () => {
  const win = fakeWindow();
  const calls = [];
  win.fetch = (url, init) => { calls.push({url: url, init: init}); return Promise.resolve(); };
  createCollector(win, 'TW-ABC', () => {}, '/collect').send(TAG, pageEvent({event: 'purchase'}), GRANTED, 'api', false, {});
  equal(calls.length, 1);
  equal([calls[0].init.method, calls[0].init.keepalive], ['POST', true]);
  ok(!createCollector(win, 'TW-ABC', () => {}, null).send(TAG, pageEvent({event: 'purchase'}), GRANTED, 'api', false, {}));
  equal(calls.length, 1);
});

test('the IAB vendors the TCF signal refused go with the event, so the server forwards nothing to them', () => {
  const win = beaconWindow();
  const collector = createCollector(win, 'TW-ABC', () => {}, '/collect');
  collector.send(TAG, Object.assign(pageEvent({event: 'purchase'}), {eventId: 'tcf-1'}), GRANTED, 'tcf', false, {}, [755]);
  collector.send(TAG, Object.assign(pageEvent({event: 'purchase'}), {eventId: 'tcf-2'}), GRANTED, 'tcf', false, {}, []);
  collector.send(TAG, Object.assign(pageEvent({event: 'purchase'}), {eventId: 'banner-1'}), GRANTED, 'banner', false, {}, []);
  equal(win.beacons.map((b) => b.body.consent.refused_vendors), [[755], [], undefined]);
});
