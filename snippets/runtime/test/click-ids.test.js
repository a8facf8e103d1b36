import {test, equal, ok, fakeWindow} from './harness.js';
import {createClickIds} from '../click-ids.js';

const CONFIG = {fbclid: 'marketing', gclid: 'marketing', li_fat_id: 'analytics'};
const GRANTED = {necessary: 'granted', analytics: 'granted', marketing: 'granted'};
const DENIED = {necessary: 'granted', analytics: 'denied', marketing: 'denied'};

test('reads known click ids from the landing URL, ignoring others', () => {
  const win = fakeWindow();
  win.location.search = '?fbclid=IwAR1&utm_source=x&gclid=Cj0%2Fa&unknown=1';
  const ids = createClickIds(win, CONFIG);
  equal(ids.allowed(GRANTED), {fbclid: 'IwAR1', gclid: 'Cj0/a'});
  equal(ids.allowed(DENIED), {});
});

test('stores them only while their category is granted and removes them on withdrawal', () => {
  const win = fakeWindow();
  win.location.search = '?fbclid=IwAR1&li_fat_id=abc';
  const ids = createClickIds(win, CONFIG);
  ids.sync({necessary: 'granted', analytics: 'granted', marketing: 'denied'});
  equal(decodeURIComponent(win.document.jar.tw_clk), 'li_fat_id=abc');
  ids.sync(GRANTED);
  ok(decodeURIComponent(win.document.jar.tw_clk).indexOf('fbclid=IwAR1') !== -1);
  ids.sync(DENIED);
  equal(win.document.jar.tw_clk, undefined);
});

test('a later page reads them back from the cookie', () => {
  const win = fakeWindow();
  win.location.search = '?gclid=first';
  createClickIds(win, CONFIG).sync(GRANTED);
  win.location.search = '';
  equal(createClickIds(win, CONFIG).allowed(GRANTED), {gclid: 'first'});
});

test('a document whose cookies throw (a sandboxed frame) keeps click ids for the page only', () => {
  const win = fakeWindow();
  win.location.search = '?fbclid=IwAR1';
  Object.defineProperty(win.document, 'cookie', {
    get() { throw new Error('The document is sandboxed'); },
    set() { throw new Error('The document is sandboxed'); },
  });
  const ids = createClickIds(win, CONFIG);
  ids.sync(GRANTED);
  equal(ids.allowed(GRANTED), {fbclid: 'IwAR1'});
});
