// Booking, progressive enhancement only: every step works without this file.
(function (d) {
  d.documentElement.classList.add("js");
  var box = d.getElementById("availability");
  d.addEventListener("click", function (e) {
    var a = e.target.closest("a[data-fragment]");
    if (a && box) {
      e.preventDefault();
      box.setAttribute("aria-busy", "true");
      fetch(a.dataset.fragment)
        .then(function (r) { if (!r.ok) throw r; return r.text(); })
        .then(function (html) {
          box.innerHTML = html;
          box.removeAttribute("aria-busy");
          history.replaceState(null, "", a.href);
          var t = d.getElementById(a.href.indexOf("day=") > 0 ? "day-slots" : "availability-title");
          if (t) { t.setAttribute("tabindex", "-1"); t.focus({ preventScroll: true }); t.scrollIntoView({ block: "nearest" }); }
        })
        .catch(function () { location.href = a.href; });
      return;
    }
    var s = e.target.closest("[data-step]");
    if (s) {
      var input = d.getElementById(s.getAttribute("aria-controls"));
      input.value = Math.max(0, (parseInt(input.value, 10) || 0) + +s.dataset.step);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (e.target.closest("[data-print]")) window.print();
  });
  var form = d.querySelector("form[data-total]");
  if (form) {
    var out = form.querySelector("[data-total-out]");
    var fmt = new Intl.NumberFormat(out.dataset.lang === "id" ? "id-ID" : "en-US");
    form.addEventListener("input", function () {
      var sum = 0;
      form.querySelectorAll("[data-price]").forEach(function (i) {
        var n = parseInt(i.value, 10);
        if (n > 0) sum += n * +i.dataset.price;
      });
      out.textContent = "Rp " + fmt.format(sum);
    });
  }
})(document);
