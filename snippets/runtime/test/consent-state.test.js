import {test, equal, ok} from './harness.js';
import {createConsentState} from '../consent-state.js';

test('starts unknown except necessary', () => {
  equal(createConsentState(false).snapshot(), {necessary: 'granted', analytics: 'unknown', marketing: 'unknown'});
});

test('the first signal to answer becomes the source; others are then ignored', () => {
  const s = createConsentState(false);
  s.update({marketing: 'denied'}, 'tcf');
  ok(!s.update({marketing: 'granted'}, 'onetrust'), 'a second signal changed nothing');
  equal(s.get('marketing'), 'denied');
  equal(s.source(), 'tcf');
  s.update({marketing: 'granted'}, 'tcf');
  equal(s.get('marketing'), 'granted', 'the source itself may change its answer');
});

test('the site API and the banner always apply', () => {
  const s = createConsentState(false);
  s.update({marketing: 'denied'}, 'tcf');
  s.update({marketing: 'granted'}, 'api');
  equal(s.get('marketing'), 'granted');
  s.update({marketing: 'denied'}, 'banner');
  equal(s.get('marketing'), 'denied');
});

test('GPC pins marketing to denied', () => {
  const s = createConsentState(true);
  equal(s.get('marketing'), 'denied');
  s.update({analytics: 'granted', marketing: 'granted'}, 'api');
  equal(s.snapshot(), {necessary: 'granted', analytics: 'granted', marketing: 'denied'});
});

test('the policy default fills only unknown categories and never becomes the source', () => {
  const s = createConsentState(false);
  s.update({analytics: 'granted'}, 'gpp');
  s.update({analytics: 'denied', marketing: 'denied'}, 'default');
  equal(s.snapshot(), {necessary: 'granted', analytics: 'granted', marketing: 'denied'});
  equal(s.source(), 'gpp');
});

test('listeners hear the state before and after, so withdrawal is visible', () => {
  const s = createConsentState(false);
  const seen = [];
  s.onChange((now, before) => seen.push(before.marketing + '>' + now.marketing));
  s.update({marketing: 'granted'}, 'api');
  s.update({marketing: 'granted'}, 'api');
  s.update({marketing: 'denied'}, 'api');
  equal(seen, ['unknown>granted', 'granted>denied']);
});

test('unknown values and categories are ignored', () => {
  const s = createConsentState(false);
  s.update({marketing: 'yes', necessary: 'denied', other: 'granted'}, 'api');
  equal(s.snapshot(), {necessary: 'granted', analytics: 'unknown', marketing: 'unknown'});
});

test('vendor vetoes come from the signal', () => {
  const s = createConsentState(false);
  s.update({marketing: 'granted', vendors: {755: false, 804: true}}, 'tcf');
  ok(s.vetoed(755));
  ok(!s.vetoed(804));
  ok(!s.vetoed(null));
});

test('the first real answer is announced even when it repeats the policy default', () => {
  const s = createConsentState(false);
  const seen = [];
  s.onChange((now, before) => seen.push(before.marketing + '>' + now.marketing + ' from ' + s.source()));
  s.update({analytics: 'denied', marketing: 'denied'}, 'default');
  equal(s.source(), null, 'the policy alone decides nothing');
  s.update({analytics: 'denied', marketing: 'denied'}, 'banner');
  s.update({analytics: 'denied', marketing: 'denied'}, 'banner');
  equal(seen, ['unknown>denied from null', 'denied>denied from banner']);
});
