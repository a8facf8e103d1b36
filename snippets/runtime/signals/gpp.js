/**
 * IAB GPP v1.1 as a signal, through __gpp('addEventListener', cb) on this window or a CMP frame. Acts when
 * signalStatus is 'ready'. Where a US section applies (usnat, usca, …), an opt-out of sale, sharing or
 * targeted advertising (field value 1) or Gpc true denies marketing; otherwise marketing and analytics are
 * granted (US laws are opt-out). When only the EU TCF section applies, GPP leaves the decision to TCF.
 */
import {findFrameApi} from '../frame-api.js';

const OPT_OUTS = ['SaleOptOut', 'SharingOptOut', 'TargetedAdvertisingOptOut'];
const TCF_EU_V2 = 2;

export function watchGpp(win, decide) {
  const call = findFrameApi(win, '__gpp', '__gppLocator', '__gppCall', '__gppReturn');
  if (!call) {
    return false;
  }
  call('addEventListener', undefined, '1.1', (event, success) => {
    if (!success || !event) {
      return;
    }
    const ping = event.pingData || {};
    if (ping.cmpStatus === 'error') {
      decide({marketing: 'denied'});
      return;
    }
    const ready = event.eventName === 'signalStatus' ? event.data === 'ready' : ping.signalStatus === 'ready';
    if (ready && (event.eventName === 'signalStatus' || event.eventName === 'listenerRegistered')) {
      const d = decision(ping);
      if (d) {
        decide(d);
      }
    }
  });
  return true;
}

function decision(ping) {
  const applicable = ping.applicableSections || [];
  const parsed = ping.parsedSections || {};
  const usSections = Object.keys(parsed).filter((prefix) => prefix.indexOf('us') === 0 && prefix !== 'uspv1');
  if (usSections.length === 0 && applicable.indexOf(TCF_EU_V2) !== -1) {
    return null;
  }
  let optedOut = false;
  usSections.forEach((prefix) => {
    [].concat(parsed[prefix]).forEach((section) => {
      if (section && (section.Gpc === true || OPT_OUTS.some((field) => section[field] === 1))) {
        optedOut = true;
      }
    });
  });
  return {analytics: 'granted', marketing: optedOut ? 'denied' : 'granted'};
}
