import {test, equal, fakeWindow, recorder} from './harness.js';
import {watchGpp} from '../signals/gpp.js';

function cmp() {
  const listeners = [];
  const win = fakeWindow({
    __gpp(command, callback) {
      if (command === 'addEventListener') {
        listeners.push(callback);
      }
    },
  });
  win.emit = (eventName, data, pingData) => listeners.forEach((cb) => cb({eventName: eventName, data: data, pingData: pingData}, true));
  return win;
}

function ready(parsedSections, applicableSections) {
  return {signalStatus: 'ready', cmpStatus: 'loaded', applicableSections: applicableSections || [7], parsedSections: parsedSections};
}

test('acts only when the signal is ready', () => {
  const win = cmp();
  const decide = recorder();
  watchGpp(win, decide);
  win.emit('signalStatus', 'not ready', {signalStatus: 'not ready', parsedSections: {usnat: [{SaleOptOut: 1}]}});
  win.emit('sectionChange', 'usnat', {signalStatus: 'not ready'});
  equal(decide.decisions, []);
});

test('an opt-out of sale, sharing or targeted advertising denies marketing', () => {
  ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'].forEach((field) => {
    const win = cmp();
    const decide = recorder();
    watchGpp(win, decide);
    const section = {SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2};
    section[field] = 1;
    win.emit('signalStatus', 'ready', ready({usnat: [section]}));
    equal(decide.last(), {analytics: 'granted', marketing: 'denied'}, field);
  });
});

test('no opt-out grants (US laws are opt-out); Gpc in a state section denies', () => {
  const win = cmp();
  const decide = recorder();
  watchGpp(win, decide);
  win.emit('signalStatus', 'ready', ready({usnat: [{SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2}]}));
  equal(decide.last(), {analytics: 'granted', marketing: 'granted'});
  win.emit('signalStatus', 'ready', ready({usca: {SaleOptOut: 2, Gpc: true}}, [8]));
  equal(decide.last().marketing, 'denied');
});

test('only the EU TCF section: GPP leaves the decision to TCF', () => {
  const win = cmp();
  const decide = recorder();
  watchGpp(win, decide);
  win.emit('signalStatus', 'ready', ready({tcfeuv2: {}}, [2]));
  equal(decide.decisions, []);
});

test('a ready CMP at registration is read at once', () => {
  const win = cmp();
  const decide = recorder();
  watchGpp(win, decide);
  win.emit('listenerRegistered', true, ready({usnat: [{SaleOptOut: 1}]}));
  equal(decide.last().marketing, 'denied');
});
