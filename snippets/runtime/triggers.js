/**
 * Triggers: decides whether a tag fires for a page event. A page_load trigger matches the page view; a
 * custom_event trigger matches a pushed event of the same name. Both may also require a URL condition.
 */
export function urlMatches(trigger, url) {
  const value = trigger.url || '';
  switch (trigger.match) {
    case 'equals': return url === value;
    case 'contains': return url.indexOf(value) !== -1;
    case 'prefix': return pathAndAfter(url).indexOf(value) === 0 || url.indexOf(value) === 0;
    case 'regex': return safeRegex(value).test(url);
    default: return true;
  }
}

/** pageEvent: {name: 'page_view'} for the page load, or the pushed object's event name. */
export function triggerMatches(trigger, pageEvent, url) {
  const kindMatches = trigger.on === 'page_load'
    ? pageEvent.pageView
    : !pageEvent.pageView && pageEvent.name === trigger.event;
  return kindMatches && urlMatches(trigger, url);
}

function pathAndAfter(url) {
  const m = /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(url);
  return m ? (m[1] || '/') : url;
}

function safeRegex(source) {
  try {
    return new RegExp(source);
  } catch (e) {
    return {test: () => false};
  }
}
