import {test, equal, fakeWindow} from './harness.js';
import {createConsentState} from '../consent-state.js';
import {applyPolicyAfterWait} from '../policy.js';

test('opt-in denies after the wait when no signal answered', () => {
  const win = fakeWindow();
  const s = createConsentState(false);
  applyPolicyAfterWait(win, {mode: 'opt_in', waitMs: 500}, s);
  equal(win.timers[0].ms, 500);
  equal(s.get('marketing'), 'unknown', 'nothing before the wait');
  win.runTimers();
  equal(s.snapshot(), {necessary: 'granted', analytics: 'denied', marketing: 'denied'});
});

test('opt-out grants after the wait, except marketing under GPC', () => {
  const win = fakeWindow();
  const s = createConsentState(true);
  applyPolicyAfterWait(win, {mode: 'opt_out', waitMs: 300}, s);
  win.runTimers();
  equal(s.snapshot(), {necessary: 'granted', analytics: 'granted', marketing: 'denied'});
});

test('a signal that answered in time wins over the default', () => {
  const win = fakeWindow();
  const s = createConsentState(false);
  applyPolicyAfterWait(win, {mode: 'opt_out', waitMs: 300}, s);
  s.update({analytics: 'denied', marketing: 'denied'}, 'cookiebot');
  win.runTimers();
  equal(s.get('marketing'), 'denied');
});

test('a zero wait applies the default at once', () => {
  const s = createConsentState(false);
  applyPolicyAfterWait(fakeWindow(), {mode: 'opt_in', waitMs: 0}, s);
  equal(s.get('analytics'), 'denied');
});
