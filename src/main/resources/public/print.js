/* The "Print or save as PDF" button of printable pages (a script file: the CSP allows no inline handlers). */
(function () {
  'use strict';
  var button = document.getElementById('print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
})();
