// Camera scanner for the start page. Uses the browser's BarcodeDetector where it exists; otherwise
// loads jsQR (bundled at build time from npm, served from this origin) only when the camera starts.
// A recognised certificate QR opens this verifier's own result page, whatever host the QR names.
(function () {
  'use strict';
  var button = document.getElementById('scan');
  var status = document.getElementById('scan-status');
  var video = document.getElementById('camera');
  if (!button) { return; }

  function say(key) { status.textContent = status.getAttribute(key); }

  function open(text) {
    var at = text.toUpperCase().lastIndexOf('/C/');
    if (at < 0) { say('data-not-ours'); return false; }
    var lang = document.documentElement.lang || 'en';
    window.location.assign('/C/' + encodeURIComponent(text.substring(at + 3)) + '?lang=' + lang);
    return true;
  }

  function loadJsQr() {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) { resolve(window.jsQR); return; }
      var script = document.createElement('script');
      script.src = '/vendor/jsQR.js';
      script.onload = function () { resolve(window.jsQR); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function detector() {
    if ('BarcodeDetector' in window) {
      var native = new window.BarcodeDetector({ formats: ['qr_code'] });
      return Promise.resolve(function (source) {
        return native.detect(source).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
      });
    }
    return loadJsQr().then(function (jsQR) {
      var canvas = document.createElement('canvas');
      var context = canvas.getContext('2d', { willReadFrequently: true });
      return function (source) {
        canvas.width = source.videoWidth; canvas.height = source.videoHeight;
        if (!canvas.width) { return Promise.resolve(null); }
        context.drawImage(source, 0, 0);
        var frame = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        return Promise.resolve(code ? code.data : null);
      };
    });
  }

  button.addEventListener('click', function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { say('data-no-camera'); return; }
    Promise.all([navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }), detector()])
      .then(function (ready) {
        var stream = ready[0], detect = ready[1];
        video.srcObject = stream; video.hidden = false; video.play();
        say('data-scanning');
        var stop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); };
        var tick = function () {
          detect(video).then(function (text) {
            if (text && open(text)) { stop(); return; }
            window.setTimeout(tick, 250);
          }, function () { window.setTimeout(tick, 500); });
        };
        tick();
      }, function () { say('data-no-camera'); });
  });
}());
