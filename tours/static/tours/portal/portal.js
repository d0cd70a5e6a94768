// Partner portal, progressive enhancement only: copy a link or key, print the vouchers.
(function (d) {
  d.documentElement.classList.add("js");
  d.addEventListener("click", function (e) {
    var copy = e.target.closest("[data-copy]");
    if (copy) {
      var field = d.getElementById(copy.dataset.copy);
      field.select();
      var done = function () { copy.textContent = copy.dataset.copied; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { d.execCommand("copy"); done(); });
      } else {
        d.execCommand("copy");
        done();
      }
    }
    if (e.target.closest("[data-print]")) window.print();
  });
})(document);
