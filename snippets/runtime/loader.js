/**
 * Loader: the only code that inserts vendor scripts. A vendor module's load() runs once per distinct set
 * of settings, and only when the runtime asks, which is only after consent for the tag's category.
 * Inserted scripts carry the container script's CSP nonce. revoke(category) tells every vendor loaded for
 * that category that consent was withdrawn, when its module supports it.
 */
import {guard} from './guard.js';

export function createLoader(win, vendors, nonce, onError) {
  const loaded = {};
  const doc = win.document;

  function loadScript(url) {
    const script = doc.createElement('script');
    script.async = true;
    if (nonce) {
      script.nonce = nonce;
    }
    script.src = url;
    const first = doc.getElementsByTagName('script')[0];
    if (first && first.parentNode) {
      first.parentNode.insertBefore(script, first);
    } else {
      (doc.head || doc.documentElement).appendChild(script);
    }
  }

  function context(tag) {
    return {win: win, doc: doc, settings: tag.settings, loadScript: loadScript};
  }

  return {
    /** Loads the tag's vendor (once per settings) and sends one event through it. */
    fire(tag, ev) {
      const vendor = vendors[tag.vendor];
      if (!vendor) {
        return false;
      }
      const key = tag.vendor + ':' + JSON.stringify(tag.settings);
      if (!loaded[key]) {
        loaded[key] = {vendor: vendor, tag: tag};
        guard(() => vendor.load(context(tag)), onError);
      }
      guard(() => vendor.send(context(tag), ev), onError);
      return true;
    },
    revoke(category) {
      Object.keys(loaded).forEach((key) => {
        const entry = loaded[key];
        if (entry.tag.category === category && typeof entry.vendor.revoke === 'function') {
          guard(() => entry.vendor.revoke(context(entry.tag)), onError);
        }
      });
    },
  };
}
