/**
 * Tagwarden's own consent banner, for sites without a consent platform. Shown when no stored choice exists
 * for the container's policy revision (a changed revision asks again); Accept all, Reject all and a
 * per-category choice, reject exactly as easy as accept. The choice is kept in a first-party cookie
 * `tw_consent=<revision>.<analytics 0|1><marketing 0|1>` for 180 days. Accessible: a labelled dialog
 * region, real buttons and checkboxes with labels, focus moved into it when shown and back when closed,
 * readable contrast. All text comes from the container's configuration and is set with textContent.
 * Styles are set through the CSSOM, so a strict Content Security Policy needs no 'unsafe-inline'.
 */
import {cookieText, setCookie} from './cookies.js';
const COOKIE = 'tw_consent';
const MAX_AGE = 180 * 24 * 3600;

export function startBanner(win, banner, state) {
  const doc = win.document;
  const texts = pickLanguage(banner.texts || {}, win.navigator && win.navigator.language);
  let root = null;
  let returnFocus = null;

  const stored = readChoice(doc, banner.revision);
  if (stored) {
    state.update(stored, 'banner');
  } else {
    whenBodyReady(doc, () => open());
  }

  function choose(analytics, marketing) {
    const decision = {analytics: analytics ? 'granted' : 'denied', marketing: marketing ? 'granted' : 'denied'};
    writeChoice(doc, win, banner.revision, analytics, marketing);
    close();
    state.update(decision, 'banner');
  }

  function close() {
    if (root && root.parentNode) {
      root.parentNode.removeChild(root);
    }
    root = null;
    if (returnFocus && returnFocus.focus) {
      returnFocus.focus();
    }
  }

  function open() {
    if (root) {
      return;
    }
    returnFocus = doc.activeElement;
    const current = state.snapshot();
    root = el(doc, 'div', {position: 'fixed', left: '1rem', right: '1rem', bottom: '1rem', margin: '0 auto', maxWidth: '36rem',
      background: '#ffffff', color: '#1b1f24', border: '1px solid #5b6570', borderRadius: '8px', padding: '1rem 1.25rem',
      boxShadow: '0 4px 24px rgba(0,0,0,.25)', font: '15px/1.45 system-ui, sans-serif', zIndex: '2147483647'});
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'false');
    root.setAttribute('aria-labelledby', 'tw-consent-title');
    root.setAttribute('aria-describedby', 'tw-consent-text');
    root.id = 'tw-consent';
    const title = el(doc, 'h2', {font: 'bold 17px/1.3 system-ui, sans-serif', margin: '0 0 .5rem'}, texts.title);
    title.id = 'tw-consent-title';
    const text = el(doc, 'p', {margin: '0 0 .75rem'}, texts.text);
    text.id = 'tw-consent-text';
    const choices = el(doc, 'div', {display: 'none', margin: '0 0 .75rem'});
    const analytics = checkbox(doc, choices, 'tw-consent-analytics', texts.analytics, current.analytics === 'granted');
    const marketing = checkbox(doc, choices, 'tw-consent-marketing', texts.marketing, current.marketing === 'granted');
    const buttons = el(doc, 'div', {display: 'flex', flexWrap: 'wrap', gap: '.5rem'});
    const reject = button(doc, buttons, 'tw-consent-reject', texts.rejectAll, () => choose(false, false));
    button(doc, buttons, 'tw-consent-accept', texts.acceptAll, () => choose(true, true));
    const customize = button(doc, buttons, 'tw-consent-customize', texts.customize, () => {
      if (choices.style.display === 'none') {
        choices.style.display = 'block';
        customize.textContent = texts.save;
        analytics.focus();
      } else {
        choose(analytics.checked, marketing.checked);
      }
    });
    [title, text, choices, buttons].forEach((child) => root.appendChild(child));
    doc.body.appendChild(root);
    reject.focus();
  }

  return {open: () => whenBodyReady(doc, open)};
}

function pickLanguage(texts, language) {
  const wanted = String(language || '').toLowerCase().split('-')[0];
  const keys = Object.keys(texts);
  return texts[wanted] || texts[keys[0]] || {};
}

function readChoice(doc, revision) {
  const match = /(?:^|;\s*)tw_consent=([0-9]+)\.([01])([01])(?:;|$)/.exec(cookieText(doc));
  if (!match || Number(match[1]) !== Number(revision)) {
    return null;
  }
  return {analytics: match[2] === '1' ? 'granted' : 'denied', marketing: match[3] === '1' ? 'granted' : 'denied'};
}

function writeChoice(doc, win, revision, analytics, marketing) {
  const secure = win.location && win.location.protocol === 'https:' ? '; Secure' : '';
  setCookie(doc, COOKIE + '=' + Number(revision) + '.' + (analytics ? 1 : 0) + (marketing ? 1 : 0)
    + '; Path=/; Max-Age=' + MAX_AGE + '; SameSite=Lax' + secure);
}

function whenBodyReady(doc, fn) {
  if (doc.body) {
    fn();
  } else {
    doc.addEventListener('DOMContentLoaded', fn);
  }
}

function el(doc, tag, style, text) {
  const node = doc.createElement(tag);
  Object.keys(style).forEach((key) => { node.style[key] = style[key]; });
  if (text !== undefined) {
    node.textContent = String(text);
  }
  return node;
}

function button(doc, parent, id, label, onClick) {
  const node = el(doc, 'button', {font: 'inherit', padding: '.5rem 1rem', borderRadius: '6px', cursor: 'pointer',
    background: '#1b1f24', color: '#ffffff', border: '2px solid #1b1f24'}, label);
  node.type = 'button';
  node.id = id;
  node.addEventListener('click', onClick);
  parent.appendChild(node);
  return node;
}

function checkbox(doc, parent, id, label, checked) {
  const row = el(doc, 'div', {margin: '.25rem 0'});
  const input = doc.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  input.checked = checked;
  const text = el(doc, 'label', {marginLeft: '.5rem'}, label);
  text.htmlFor = id;
  row.appendChild(input);
  row.appendChild(text);
  parent.appendChild(row);
  return input;
}
