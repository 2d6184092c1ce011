// On every page: installs the service worker (static/js/sw.js, served at /sw.js), runs
// "Saglabāt bezsaistē" on a municipality page, and the "Dalīties" box's buttons.
(function () {
  "use strict";
  var worker = navigator.serviceWorker;
  if (worker) worker.register("/sw.js", { scope: "/" });

  function ask(message) {
    return worker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  var save = document.querySelector("[data-offline-save]");
  if (save && worker) {
    var status = save.querySelector("[role=status]");
    var show = function (answer) {
      var locale = document.documentElement.lang === "en" ? "en-GB" : "lv-LV";
      var date = answer.saved && new Date(answer.saved).toLocaleString(
        locale, { dateStyle: "long", timeStyle: "short" });
      status.textContent = answer.failed ? save.dataset.failed
        : date ? save.dataset.saved.replace("%s", date) : "";
    };
    save.hidden = false;
    ask({ type: "status", url: save.dataset.offlineSave }).then(show);
    save.querySelector("button").addEventListener("click", function () {
      status.textContent = save.dataset.saving;
      ask({ type: "save", url: save.dataset.offlineSave }).then(show);
    });
  }

  var share = document.querySelector("[data-share-box]");
  if (share) {
    var link = share.querySelector("input");
    var copy = share.querySelector("[data-copy]");
    var native = share.querySelector("[data-share]");
    var done = share.querySelector("[role=status]");
    copy.hidden = false;
    copy.addEventListener("click", function () {
      link.select();
      var copied = navigator.clipboard ? navigator.clipboard.writeText(link.value)
        : Promise.resolve(document.execCommand("copy"));
      copied.then(function () { done.textContent = share.dataset.copied; }, function () {});
    });
    if (navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: document.title, url: link.value }).catch(function () {});
      });
    }
  }
})();
