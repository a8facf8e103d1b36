/**
 * Policy: what applies while no signal has answered. After config.waitMs without an answer, opt_in denies
 * analytics and marketing (GDPR: nothing but necessary without consent) and opt_out grants them (US state
 * laws: allowed unless the visitor opts out); GPC still denies marketing. A later signal answer still wins.
 */
export function applyPolicyAfterWait(win, consentConfig, state) {
  const value = consentConfig.mode === 'opt_out' ? 'granted' : 'denied';
  const apply = () => state.update({analytics: value, marketing: value}, 'default');
  const wait = Math.max(0, Number(consentConfig.waitMs) || 0);
  if (wait === 0) {
    apply();
  } else {
    win.setTimeout(apply, wait);
  }
}
