/**
 * A minimal test harness for the runtime modules, run in headless Chromium by the Maven build
 * (e2e-tests/…/RuntimeModulesTest.java): test(name, fn) registers, run() executes them in order and
 * returns [{name, ok, error}]. No npm packages, no Node required.
 */
const tests = [];

export function test(name, fn) {
  tests.push({name: name, fn: fn});
}

export async function run() {
  const results = [];
  for (const t of tests) {
    try {
      await t.fn();
      results.push({name: t.name, ok: true});
    } catch (e) {
      results.push({name: t.name, ok: false, error: String(e && e.stack || e)});
    }
  }
  return results;
}

export function equal(actual, expected, message) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) {
    throw new Error((message ? message + ': ' : '') + 'expected ' + b + ' but was ' + a);
  }
}

export function ok(condition, message) {
  if (!condition) {
    throw new Error(message || 'expected a true condition');
  }
}

/** A window stand-in: event listeners, a timer queue the test advances, a cookie jar and a location. */
export function fakeWindow(extra) {
  const listeners = {};
  const timers = [];
  const jar = {};
  const win = {
    navigator: {},
    location: {href: 'https://shop.example.com/', search: '', protocol: 'https:'},
    addEventListener(name, fn) { (listeners[name] = listeners[name] || []).push(fn); },
    dispatch(name, detail) { (listeners[name] || []).slice().forEach((fn) => fn({type: name, detail: detail})); },
    setTimeout(fn, ms) { timers.push({fn: fn, ms: ms}); return timers.length; },
    runTimers() { timers.splice(0, timers.length).forEach((t) => t.fn()); },
    timers: timers,
    document: {
      get cookie() { return Object.keys(jar).map((k) => k + '=' + jar[k]).join('; '); },
      set cookie(line) {
        const first = line.split(';')[0];
        const eq = first.indexOf('=');
        const name = first.substring(0, eq).trim();
        if (/max-age=0(;|$)/i.test(line.replace(/\s/g, ''))) {
          delete jar[name];
        } else {
          jar[name] = first.substring(eq + 1);
        }
      },
      jar: jar,
    },
  };
  return Object.assign(win, extra || {});
}

/** Collects the decisions a signal adapter reports. */
export function recorder() {
  const decisions = [];
  const decide = (d) => decisions.push(d);
  decide.decisions = decisions;
  decide.last = () => decisions[decisions.length - 1];
  return decide;
}
