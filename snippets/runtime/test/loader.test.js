import {test, equal, ok} from './harness.js';
import {createLoader} from '../loader.js';

function fakeDocument() {
  const inserted = [];
  const parent = {insertBefore: (node) => inserted.push(node)};
  return {
    inserted: inserted,
    createElement: () => ({}),
    getElementsByTagName: () => [{parentNode: parent}],
  };
}

function fakeVendor(log) {
  return {
    load: (ctx) => { log.push('load ' + ctx.settings.id); ctx.loadScript('https://vendor.test/' + ctx.settings.id + '.js'); },
    send: (ctx, ev) => log.push('send ' + ev.name),
    consent: (ctx, granted) => log.push('consent ' + granted),
  };
}

test('loads a vendor once per distinct settings, sends every event', () => {
  const log = [];
  const doc = fakeDocument();
  const loader = createLoader({document: doc}, {v: fakeVendor(log)}, '', () => {});
  const tag = {vendor: 'v', category: 'marketing', settings: {id: 'a'}};
  loader.fire(tag, {name: 'one'}, {});
  loader.fire(tag, {name: 'two'}, {});
  loader.fire({vendor: 'v', category: 'marketing', settings: {id: 'b'}}, {name: 'three'}, {});
  equal(log, ['load a', 'send one', 'send two', 'load b', 'send three']);
  equal(doc.inserted.map((s) => s.src), ['https://vendor.test/a.js', 'https://vendor.test/b.js']);
  ok(doc.inserted.every((s) => s.async), 'async scripts');
});

test('inserted scripts carry the nonce', () => {
  const doc = fakeDocument();
  createLoader({document: doc}, {v: fakeVendor([])}, 'n0nce', () => {})
    .fire({vendor: 'v', category: 'marketing', settings: {id: 'a'}}, {name: 'x'}, {});
  equal(doc.inserted[0].nonce, 'n0nce');
});

test('consent changes reach loaded vendors only, granted per the tag category', () => {
  const log = [];
  const loader = createLoader({document: fakeDocument()}, {v: fakeVendor(log)}, '', () => {});
  loader.consentChanged({marketing: 'denied'});
  equal(log, [], 'nothing loaded yet');
  loader.fire({vendor: 'v', category: 'analytics', settings: {id: 'a'}}, {name: 'x'}, {});
  loader.consentChanged({analytics: 'granted', marketing: 'denied'});
  loader.consentChanged({analytics: 'denied', marketing: 'denied'});
  equal(log.slice(2), ['consent true', 'consent false']);
});

test('a throwing vendor is contained and reported', () => {
  const errors = [];
  const broken = {load: () => { throw new Error('boom'); }, send: () => { throw new Error('bang'); }};
  const loader = createLoader({document: fakeDocument()}, {v: broken}, '', (e) => errors.push(e.message));
  ok(loader.fire({vendor: 'v', category: 'marketing', settings: {}}, {name: 'x'}, {}));
  equal(errors, ['boom', 'bang']);
  equal(loader.fire({vendor: 'unknown', settings: {}}, {name: 'x'}, {}), false);
});
