/**
 * document.cookie without surprises: reading or writing it throws in sandboxed frames and some privacy
 * modes; then the runtime carries on without cookies (choices last for the page only) instead of failing.
 */
export function cookieText(doc) {
  try {
    return String(doc.cookie || '');
  } catch (e) {
    return '';
  }
}

export function setCookie(doc, value) {
  try {
    doc.cookie = value;
  } catch (e) {
    // no cookies here: nothing is stored
  }
}
