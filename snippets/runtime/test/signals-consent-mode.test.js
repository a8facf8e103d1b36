import {test, equal, ok, fakeWindow, recorder} from './harness.js';
import {watchConsentMode} from '../signals/consent-mode.js';

function gtagOn(win) {
  win.dataLayer = win.dataLayer || [];
  return function () { win.dataLayer.push(arguments); };
}

test('replays commands pushed before the container, updates overriding defaults', () => {
  const win = fakeWindow();
  const gtag = gtagOn(win);
  gtag('consent', 'default', {ad_storage: 'denied', analytics_storage: 'denied'});
  gtag('consent', 'update', {ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted'});
  const decide = recorder();
  watchConsentMode(win, decide);
  equal(decide.last(), {marketing: 'granted', analytics: 'granted'});
});

test('a denying default alone is not a decision; the later update is', () => {
  const win = fakeWindow();
  const gtag = gtagOn(win);
  gtag('consent', 'default', {ad_storage: 'denied', analytics_storage: 'denied'});
  const decide = recorder();
  watchConsentMode(win, decide);
  equal(decide.decisions, []);
  gtag('consent', 'update', {ad_storage: 'granted', analytics_storage: 'denied'});
  equal(decide.last(), {marketing: 'granted', analytics: 'denied'});
});

test('ad_user_data or ad_personalization denied denies marketing', () => {
  const win = fakeWindow();
  const gtag = gtagOn(win);
  const decide = recorder();
  watchConsentMode(win, decide);
  gtag('consent', 'update', {ad_storage: 'granted', ad_user_data: 'denied'});
  equal(decide.last().marketing, 'denied');
});

test('plain arrays are accepted as well as Arguments objects', () => {
  const win = fakeWindow({dataLayer: [['consent', 'update', {ad_storage: 'granted'}]]});
  const decide = recorder();
  watchConsentMode(win, decide);
  equal(decide.last(), {marketing: 'granted'});
});

test('announce pushes a Consent Mode update as an Arguments object, without echoing it back', () => {
  const win = fakeWindow();
  const decide = recorder();
  const handle = watchConsentMode(win, decide);
  handle.announce({analytics: 'denied', marketing: 'granted'});
  const entry = win.dataLayer[win.dataLayer.length - 1];
  ok(!Array.isArray(entry) && entry.length === 3, 'an Arguments object');
  equal([entry[0], entry[1], entry[2].ad_storage, entry[2].analytics_storage], ['consent', 'update', 'granted', 'denied']);
  equal(decide.decisions, []);
});
