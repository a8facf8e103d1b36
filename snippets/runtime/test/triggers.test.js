import {test, ok} from './harness.js';
import {triggerMatches, urlMatches} from '../triggers.js';

const url = 'https://shop.example.com/thank-you?order=1';

test('url conditions', () => {
  ok(urlMatches({match: 'any'}, url));
  ok(urlMatches({match: 'equals', url: url}, url));
  ok(!urlMatches({match: 'equals', url: '/thank-you'}, url));
  ok(urlMatches({match: 'contains', url: 'thank'}, url));
  ok(urlMatches({match: 'prefix', url: '/thank-you'}, url), 'a path prefix');
  ok(urlMatches({match: 'prefix', url: 'https://shop.example.com/'}, url), 'a full URL prefix');
  ok(!urlMatches({match: 'prefix', url: '/cart'}, url));
  ok(urlMatches({match: 'regex', url: 'order=[0-9]+$'}, url));
  ok(!urlMatches({match: 'regex', url: '(unclosed'}, url), 'a broken regex matches nothing');
});

test('page-load triggers match the page view only; custom events match by name', () => {
  const pageView = {name: 'page_view', pageView: true};
  const purchase = {name: 'purchase', pageView: false};
  ok(triggerMatches({on: 'page_load', match: 'any'}, pageView, url));
  ok(!triggerMatches({on: 'page_load', match: 'any'}, purchase, url));
  ok(triggerMatches({on: 'custom_event', event: 'purchase', match: 'any'}, purchase, url));
  ok(!triggerMatches({on: 'custom_event', event: 'purchase', match: 'any'}, {name: 'lead', pageView: false}, url));
  ok(!triggerMatches({on: 'custom_event', event: 'page_view', match: 'any'}, pageView, url), 'the page view is not a custom event');
});
