/* Staff screens: the print button of manifests, the QR scanner of the check-in page and the
 * running total of the walk-in booking form.
 * Everything here is an extra: the pages work as plain forms and links without it.
 * Loaded as a static file (no inline scripts under the CSP). */
(function () {
  "use strict";

  function setupPrint() {
    document.querySelectorAll("[data-desa-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  function setupCheckIn() {
    var form = document.querySelector("[data-desa-checkin-form]");
    if (!form) {
      return;
    }
    var input = form.querySelector("input[name=code]");
    var scanButton = form.querySelector("[data-desa-scan]");
    var camera = form.querySelector("[data-desa-camera]");
    var video = form.querySelector("[data-desa-video]");
    var stopButton = form.querySelector("[data-desa-stop]");
    var cameraError = form.querySelector("[data-desa-camera-error]");
    var result = document.querySelector("[data-desa-result]");
    var stream = null;
    var timer = null;

    if (result) {
      result.focus();
    } else if (input && !("ontouchstart" in window)) {
      // At a desk (or with a USB scanner) the field is ready; on phones the keyboard would
      // cover the screen, so it opens only when tapped.
      input.focus();
    }

    function stop() {
      if (timer) {
        window.clearTimeout(timer);
        timer = null;
      }
      if (stream) {
        stream.getTracks().forEach(function (track) {
          track.stop();
        });
        stream = null;
      }
      camera.hidden = true;
      scanButton.hidden = false;
    }

    function submit(text) {
      input.value = text;
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }

    function start(detector) {
      cameraError.hidden = true;
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          camera.hidden = false;
          scanButton.hidden = true;
          return video.play();
        })
        .then(function () {
          function look() {
            detector
              .detect(video)
              .then(function (codes) {
                if (codes.length && codes[0].rawValue) {
                  var text = codes[0].rawValue;
                  stop();
                  submit(text);
                } else if (stream) {
                  timer = window.setTimeout(look, 200);
                }
              })
              .catch(function () {
                if (stream) {
                  timer = window.setTimeout(look, 400);
                }
              });
          }
          look();
        })
        .catch(function () {
          stop();
          cameraError.hidden = false;
        });
    }

    var canScan =
      "BarcodeDetector" in window &&
      navigator.mediaDevices &&
      typeof navigator.mediaDevices.getUserMedia === "function";
    if (!canScan || !scanButton) {
      return;
    }
    window.BarcodeDetector.getSupportedFormats()
      .then(function (formats) {
        if (formats.indexOf("qr_code") === -1) {
          return;
        }
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        scanButton.hidden = false;
        scanButton.addEventListener("click", function () {
          start(detector);
        });
        stopButton.addEventListener("click", stop);
        window.addEventListener("pagehide", stop);
      })
      .catch(function () {
        /* No detector after all: typing the reference still works. */
      });
  }

  function setupTotal() {
    // The server shows the total when the form comes back with errors; this keeps it current
    // while staff type, at the same prices (each tier field carries its price).
    var form = document.querySelector("[data-desa-total-form]");
    if (!form) {
      return;
    }
    var out = form.querySelector("[data-desa-total]");
    var lang = document.documentElement.lang === "id" ? "id-ID" : "en-US";
    var format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    function update() {
      var sum = 0;
      form.querySelectorAll("input[data-price]").forEach(function (input) {
        var people = parseInt(input.value, 10);
        if (people > 0) {
          sum += people * Number(input.dataset.price);
        }
      });
      out.textContent = "Rp " + format.format(sum);
    }
    form.addEventListener("input", update);
    update();
  }

  setupPrint();
  setupCheckIn();
  setupTotal();
})();
