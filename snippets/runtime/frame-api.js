/**
 * Finds an IAB CMP API (TCF __tcfapi, GPP __gpp): the function on this window, or else a CMP in an
 * ancestor frame found by its locator frame name, called through postMessage as the specifications
 * describe ({<callKey>: {command, parameter, version, callId}} answered by {<returnKey>: {returnValue,
 * success, callId}}). Returns call(command, parameter, version, callback) or null when there is no CMP.
 */
export function findFrameApi(win, name, locator, callKey, returnKey) {
  if (typeof win[name] === 'function') {
    return (command, parameter, version, callback) => win[name].apply(win, argsFor(name, command, parameter, version, callback));
  }
  const cmpFrame = findLocator(win, locator);
  if (!cmpFrame) {
    return null;
  }
  const callbacks = {};
  let next = 0;
  win.addEventListener('message', (event) => {
    let data = event.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch (e) {
        return;
      }
    }
    const answer = data && data[returnKey];
    if (answer && callbacks[answer.callId]) {
      callbacks[answer.callId](answer.returnValue, answer.success);
    }
  });
  return (command, parameter, version, callback) => {
    const callId = 'tw' + (++next);
    callbacks[callId] = callback;
    const message = {};
    message[callKey] = {command: command, parameter: parameter, version: version, callId: callId};
    cmpFrame.postMessage(message, '*');
  };
}

/** TCF is (command, version, callback, parameter); GPP is (command, callback, parameter, version). */
function argsFor(name, command, parameter, version, callback) {
  return name === '__tcfapi' ? [command, version, callback, parameter] : [command, callback, parameter, version];
}

function findLocator(win, locator) {
  let frame = win;
  for (let depth = 0; frame && depth < 10; depth++) {
    try {
      if (frame.frames && frame.frames[locator]) {
        return frame;
      }
    } catch (e) {
      // a cross-origin ancestor that refuses even named frame access: keep climbing
    }
    if (frame === frame.parent) {
      return null;
    }
    frame = frame.parent;
  }
  return null;
}
