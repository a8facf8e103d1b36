/**
 * Loader: the only code that inserts vendor scripts. A vendor module's load() runs once per distinct set
 * of settings, and only when the runtime asks, which is only after consent for the tag's category.
 * Inserted scripts carry the container script's CSP nonce. consentChanged(state) passes every change to the
 * loaded vendors whose module has a consent(ctx, granted, state) hook (the vendor's own consent call).
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

  function context(tag, state) {
    return {win: win, doc: doc, settings: tag.settings, loadScript: loadScript, consent: state};
  }

  return {
    /** Loads the tag's vendor (once per settings) and sends one event through it. */
    fire(tag, ev, state) {
      const vendor = vendors[tag.vendor];
      if (!vendor) {
        return false;
      }
      const key = tag.vendor + ':' + JSON.stringify(tag.settings);
      if (!loaded[key]) {
        loaded[key] = {vendor: vendor, tag: tag};
        guard(() => vendor.load(context(tag, state)), onError);
      }
      guard(() => vendor.send(context(tag, state), ev), onError);
      return true;
    },
    consentChanged(state) {
      Object.keys(loaded).forEach((key) => {
        const entry = loaded[key];
        if (typeof entry.vendor.consent === 'function') {
          guard(() => entry.vendor.consent(context(entry.tag, state), state[entry.tag.category] === 'granted', state), onError);
        }
      });
    },
  };
}
