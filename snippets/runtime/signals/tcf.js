/**
 * IAB TCF v2.2 as a signal, through __tcfapi('addEventListener', 2, cb) on this window or a CMP frame.
 * Acts only on eventStatus 'tcloaded' or 'useractioncomplete' (cmpuishown is not a decision).
 * gdprApplies === false: TCF does not restrict, both categories granted. cmpStatus 'error': denied.
 * A category is granted when every purpose mapped to it has consent, or legitimate interest where TCF 2.2
 * allows it (purposes 2 and 7-10). Vendor consent is reported per Global Vendor List id used by the tags.
 */
import {findFrameApi} from '../frame-api.js';

const LEGITIMATE_INTEREST_ALLOWED = {2: true, 7: true, 8: true, 9: true, 10: true};

export function watchTcf(win, decide, purposes, gvlIds) {
  const call = findFrameApi(win, '__tcfapi', '__tcfapiLocator', '__tcfapiCall', '__tcfapiReturn');
  if (!call) {
    return false;
  }
  call('addEventListener', undefined, 2, (tcData, success) => {
    if (!success || !tcData) {
      return;
    }
    if (tcData.cmpStatus === 'error') {
      decide({analytics: 'denied', marketing: 'denied'});
    } else if (tcData.gdprApplies === false) {
      decide({analytics: 'granted', marketing: 'granted'});
    } else if (tcData.eventStatus === 'tcloaded' || tcData.eventStatus === 'useractioncomplete') {
      decide(decision(tcData, purposes, gvlIds));
    }
  });
  return true;
}

function decision(tcData, purposes, gvlIds) {
  const purpose = tcData.purpose || {};
  const consents = purpose.consents || {};
  const interests = purpose.legitimateInterests || {};
  const allowed = (id) => consents[id] === true || (LEGITIMATE_INTEREST_ALLOWED[id] === true && interests[id] === true);
  const grantedIf = (ids) => ids.every(allowed) ? 'granted' : 'denied';
  const vendor = tcData.vendor || {};
  const vendorConsents = vendor.consents || {};
  const vendorInterests = vendor.legitimateInterests || {};
  const vendors = {};
  gvlIds.forEach((id) => { vendors[id] = vendorConsents[id] === true || vendorInterests[id] === true; });
  return {analytics: grantedIf(purposes.analytics), marketing: grantedIf(purposes.marketing), vendors: vendors};
}
