/**
 * Click ids (fbclid, gclid, li_fat_id, …) read from the landing URL. They are kept in memory for the page,
 * and stored in the first-party cookie `tw_clk` (90 days) only while the category of the tags that use them
 * is granted; on withdrawal the cookie is removed. config maps each URL parameter to its category.
 */
import {cookieText, setCookie} from './cookies.js';

const COOKIE = 'tw_clk';
const MAX_AGE = 90 * 24 * 3600;

export function createClickIds(win, config) {
  const doc = win.document;
  const found = Object.assign(readCookie(doc), fromUrl(win.location && win.location.search, config));

  function persist(state) {
    const kept = {};
    Object.keys(found).forEach((param) => {
      if (state[config[param]] === 'granted') {
        kept[param] = found[param];
      }
    });
    const value = Object.keys(kept).map((k) => k + '=' + encodeURIComponent(kept[k])).join('&');
    const secure = win.location && win.location.protocol === 'https:' ? '; Secure' : '';
    setCookie(doc, value
      ? COOKIE + '=' + encodeURIComponent(value) + '; Path=/; Max-Age=' + MAX_AGE + '; SameSite=Lax' + secure
      : COOKIE + '=; Path=/; Max-Age=0; SameSite=Lax' + secure);
  }

  return {
    /** The click ids whose category is granted in state. */
    allowed(state) {
      const result = {};
      Object.keys(found).forEach((param) => {
        if (state[config[param]] === 'granted') {
          result[param] = found[param];
        }
      });
      return result;
    },
    /** Stores what the state allows and removes what it no longer does. */
    sync(state) {
      if (Object.keys(found).length > 0 || /(?:^|;\s*)tw_clk=/.test(cookieText(doc))) {
        persist(state);
      }
    },
  };
}

function fromUrl(search, config) {
  const result = {};
  String(search || '').replace(/^\?/, '').split('&').forEach((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.substring(0, eq);
    if (config[name] !== undefined && eq > 0) {
      const value = safeDecode(pair.substring(eq + 1));
      if (value && value.length <= 500) {
        result[name] = value;
      }
    }
  });
  return result;
}

function readCookie(doc) {
  const match = /(?:^|;\s*)tw_clk=([^;]*)/.exec(cookieText(doc));
  const result = {};
  if (match) {
    safeDecode(match[1]).split('&').forEach((pair) => {
      const eq = pair.indexOf('=');
      if (eq > 0) {
        result[pair.substring(0, eq)] = safeDecode(pair.substring(eq + 1));
      }
    });
  }
  return result;
}

function safeDecode(value) {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch (e) {
    return '';
  }
}
