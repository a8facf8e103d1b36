import {test, equal, fakeWindow, recorder} from './harness.js';
import {watchTcf} from '../signals/tcf.js';

const PURPOSES = {analytics: [1, 7, 8, 9, 10], marketing: [1, 2, 3, 4, 7]};

function cmp() {
  const listeners = [];
  const win = fakeWindow({
    __tcfapi(command, version, callback) {
      if (command === 'addEventListener' && version === 2) {
        listeners.push(callback);
      }
    },
  });
  win.emit = (tcData) => listeners.forEach((cb) => cb(tcData, true));
  return win;
}

function consents(ids) {
  const map = {};
  ids.forEach((id) => { map[id] = true; });
  return map;
}

test('no __tcfapi and no locator frame: not present', () => {
  const win = fakeWindow({frames: {}});
  win.parent = win;
  equal(watchTcf(win, recorder(), PURPOSES, []), false);
});

test('cmpuishown is not a decision', () => {
  const win = cmp();
  const decide = recorder();
  watchTcf(win, decide, PURPOSES, []);
  win.emit({gdprApplies: true, eventStatus: 'cmpuishown', purpose: {consents: {}}});
  equal(decide.decisions, []);
});

test('useractioncomplete maps purposes to categories', () => {
  const win = cmp();
  const decide = recorder();
  watchTcf(win, decide, PURPOSES, []);
  win.emit({gdprApplies: true, eventStatus: 'useractioncomplete', purpose: {consents: consents([1, 2, 3, 4, 7])}});
  equal(decide.last(), {analytics: 'denied', marketing: 'granted', vendors: {}});
  win.emit({gdprApplies: true, eventStatus: 'tcloaded', purpose: {consents: consents([1, 7, 8, 9, 10])}});
  equal(decide.last(), {analytics: 'granted', marketing: 'denied', vendors: {}});
});

test('legitimate interest counts only where TCF 2.2 allows it', () => {
  const win = cmp();
  const decide = recorder();
  watchTcf(win, decide, PURPOSES, []);
  win.emit({gdprApplies: true, eventStatus: 'tcloaded',
    purpose: {consents: consents([1, 3, 4]), legitimateInterests: consents([2, 7])}});
  equal(decide.last().marketing, 'granted', 'purposes 2 and 7 may rest on legitimate interest');
  win.emit({gdprApplies: true, eventStatus: 'tcloaded',
    purpose: {consents: consents([1, 2, 7]), legitimateInterests: consents([3, 4])}});
  equal(decide.last().marketing, 'denied', 'purposes 3 and 4 need consent');
});

test('gdprApplies false does not restrict; a CMP error denies', () => {
  const win = cmp();
  const decide = recorder();
  watchTcf(win, decide, PURPOSES, []);
  win.emit({gdprApplies: false, eventStatus: 'tcloaded'});
  equal(decide.last(), {analytics: 'granted', marketing: 'granted'});
  win.emit({gdprApplies: true, cmpStatus: 'error'});
  equal(decide.last(), {analytics: 'denied', marketing: 'denied'});
});

test('vendor consent is reported for the Global Vendor List ids in use', () => {
  const win = cmp();
  const decide = recorder();
  watchTcf(win, decide, PURPOSES, [755, 804]);
  win.emit({gdprApplies: true, eventStatus: 'useractioncomplete', purpose: {consents: consents([1, 2, 3, 4, 7])},
    vendor: {consents: {804: true}}});
  equal(decide.last().vendors, {755: false, 804: true});
});
