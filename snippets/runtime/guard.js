/**
 * Error guard: runs a function and swallows what it throws, so a broken vendor, consent platform or
 * page never breaks the page through the container. Reports the error to an optional sink.
 */
export function guard(fn, onError) {
  try {
    return fn();
  } catch (e) {
    if (onError) {
      try { onError(e); } catch (ignored) { /* the sink itself failed: nothing more to do */ }
    }
    return undefined;
  }
}
