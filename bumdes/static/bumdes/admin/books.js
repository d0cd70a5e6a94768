/* Books screens: the print button of the reports. The page works without it (the browser's
 * own print prints the same thing); it is loaded as a static file, with no inline script. */
(function () {
  "use strict";
  document.querySelectorAll("[data-desa-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
