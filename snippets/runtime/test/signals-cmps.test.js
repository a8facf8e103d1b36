import {test, equal, fakeWindow, recorder} from './harness.js';
import {watchOneTrust} from '../signals/onetrust.js';
import {watchCookiebot} from '../signals/cookiebot.js';

const GROUPS = {analytics: 'C0002', marketing: 'C0004'};

test('OneTrust: no decision while the visitor has not closed the banner', () => {
  const win = fakeWindow({OnetrustActiveGroups: ',C0001,', OneTrust: {IsAlertBoxClosed: () => false}});
  const decide = recorder();
  watchOneTrust(win, decide, GROUPS);
  equal(decide.decisions, []);
});

test('OneTrust: active groups map to categories, read again from OptanonWrapper', () => {
  let closed = false;
  let pageWrapperCalls = 0;
  const win = fakeWindow({OnetrustActiveGroups: ',C0001,', OneTrust: {IsAlertBoxClosed: () => closed},
    OptanonWrapper() { pageWrapperCalls++; }});
  const decide = recorder();
  watchOneTrust(win, decide, GROUPS);
  closed = true;
  win.OnetrustActiveGroups = ',C0001,C0004,';
  win.OptanonWrapper();
  equal(pageWrapperCalls, 1, "the page's own OptanonWrapper still runs");
  equal(decide.last(), {analytics: 'denied', marketing: 'granted'});
});

test('OneTrust: the legacy global, OnConsentChanged and a custom group map', () => {
  const changed = [];
  const win = fakeWindow({OptanonActiveGroups: ',C0001,', OneTrust: {OnConsentChanged: (fn) => changed.push(fn)}});
  const decide = recorder();
  watchOneTrust(win, decide, {analytics: 'PERF', marketing: 'ADS'});
  win.OptanonActiveGroups = ',C0001,PERF,ADS,';
  changed.forEach((fn) => fn({detail: ['C0001', 'PERF', 'ADS']}));
  equal(decide.last(), {analytics: 'granted', marketing: 'granted'});
});

test('Cookiebot: nothing before a response, then its categories, on its events', () => {
  const win = fakeWindow({Cookiebot: {consent: {statistics: false, marketing: false}, hasResponse: false}});
  const decide = recorder();
  watchCookiebot(win, decide, {analytics: 'statistics', marketing: 'marketing'});
  equal(decide.decisions, []);
  win.Cookiebot = {consent: {statistics: true, marketing: false}, hasResponse: true};
  win.dispatch('CookiebotOnAccept');
  equal(decide.last(), {analytics: 'granted', marketing: 'denied'});
  win.Cookiebot = {consent: {statistics: false, marketing: false}, declined: true};
  win.dispatch('CookiebotOnDecline');
  equal(decide.last(), {analytics: 'denied', marketing: 'denied'});
});

test('Cookiebot: an answer present before the container is read at start', () => {
  const win = fakeWindow({Cookiebot: {consent: {statistics: true, marketing: true}, consented: true}});
  const decide = recorder();
  watchCookiebot(win, decide, {analytics: 'statistics', marketing: 'marketing'});
  equal(decide.last(), {analytics: 'granted', marketing: 'granted'});
});
