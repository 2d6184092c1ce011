// The portal's service worker, served at /sw.js by portal/offline.py (scope: the whole site).
// Never touched: other sites, non-GET requests, private paths. Never stored: anything but a
// plain 200, or a response marked Cache-Control private/no-store (the server marks every
// signed-in or cookie-setting response so). Stored on visit: the guide and static files. Stored
// on "Saglabāt bezsaistē": a municipality's page, service cards and vCards, fetched without
// cookies. Pages: the network first; without it, the saved copy with its date. Each public
// answer refreshes a saved copy. Offline, a search lists the saved contacts. Sign-out clears all.
"use strict";
var STRINGS = /*STRINGS*/{};
var CACHE = "portal-v1";
var PRIVATE = /^(\/en)?\/(admin|django-admin|konts|mans-darbs|atskaites)\//;
var GUIDE = /^(\/en)?\/darba-uzsaksana\//;
var SEARCH = /^(\/en)?\/meklet\/$/;
var LOGOUT = /^(\/en)?\/konts\/iziet\/$/;
var BUNDLE = /\/bezsaiste\/$/;
var WAIT_MS = 4000;
var REFRESH_MS = 3600000;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) { // an older release's cache goes
    return Promise.all(names.filter(function (n) { return n !== CACHE; }).map(function (n) {
      return caches.delete(n);
    }));
  }).then(function () { return self.clients.claim(); }));
});

function lang(url) { return /^\/en\//.test(url.pathname) ? "en" : "lv"; }
function open() { return caches.open(CACHE); }
function saved(cache, href) { return cache.match(href, { ignoreVary: true }); }
function escape(text) {
  return String(text).replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
}

function storable(response) {
  var control = response.headers.get("Cache-Control") || "";
  return response.status === 200 && response.type === "basic" && !response.redirected &&
    !/private|no-store/.test(control);
}

function store(cache, href, response) {
  var headers = new Headers(response.headers);
  headers.set("X-Saved-At", new Date().toISOString());
  return response.blob().then(function (body) {
    return cache.put(href, new Response(body, { status: 200, headers: headers }));
  });
}

function fetchPublic(cache, href) {
  return fetch(href, { credentials: "omit" }).then(function (response) {
    if (!storable(response)) throw new Error(href + " " + response.status);
    return store(cache, href, response.clone()).then(function () { return response; });
  });
}

function save(href) {
  return open().then(function (cache) {
    return fetch(href, { credentials: "omit" }).then(function (response) {
      if (!storable(response)) throw new Error(href);
      return response.clone().json().then(function (bundle) {
        return Promise.all(bundle.urls.map(function (path) {
          return fetchPublic(cache, new URL(path, location.origin).href);
        }));
      }).then(function () { return store(cache, href, response); });
    });
  });
}

function keep(url, response) {
  return open().then(function (cache) {
    return saved(cache, url.href).then(function (old) {
      if (!old && !GUIDE.test(url.pathname)) return;
      if (storable(response)) return store(cache, url.href, response);
      return fetchPublic(cache, url.href); // a signed-in visit keeps only the public copy
    });
  }).catch(function () {});
}

function when(copy, language) {
  return new Date(copy.headers.get("X-Saved-At")).toLocaleString(
    language === "en" ? "en-GB" : "lv-LV", { dateStyle: "long", timeStyle: "short" });
}

function notice(text) {
  return '<div class="wrap"><p class="notice notice--offline" role="status">' + escape(text) +
    "</p></div>";
}

function withNotice(copy, url) {
  if (!/html/.test(copy.headers.get("Content-Type"))) return copy;
  var t = STRINGS[lang(url)];
  var text = t.saved.replace("%s", when(copy, lang(url))) + " " + t.offline;
  return copy.text().then(function (html) {
    return new Response(html.replace(/<main[^>]*>/, "$&" + notice(text)), { headers: copy.headers });
  });
}

function fold(text) {
  return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function matches(query, contacts) {
  var words = fold(query).split(/[^a-z0-9@+]+/).filter(function (w) { return w.length > 1; })
    .map(function (w) { return w.length > 4 ? w.slice(0, -2) : w; });
  var hits = contacts.map(function (c) {
    var text = fold([c.name, c.organization, c.place, c.email].concat(
      c.phones.map(function (p) { return p.number; })).join(" "));
    return [words.filter(function (w) { return text.indexOf(w) >= 0; }).length, c];
  });
  var best = Math.max.apply(null, [1].concat(hits.map(function (h) { return h[0]; })));
  return hits.filter(function (h) { return h[0] === best; }).map(function (h) { return h[1]; });
}

function contactHtml(c) {
  var links = c.phones.map(function (p) {
    return '<a href="' + escape(p.tel) + '">' + escape(p.number) + "</a>";
  });
  if (c.email) links.push('<a href="mailto:' + escape(c.email) + '">' + escape(c.email) + "</a>");
  return '<li class="service-item"><h2><a href="' + escape(c.url) + '">' + escape(c.organization) +
    "</a></h2><p>" + escape(c.name) + " · " + escape(c.place) + "</p><p>" + links.join(" · ") +
    "</p></li>";
}

function offlineSearch(url) {
  var t = STRINGS[lang(url)], query = url.searchParams.get("q") || "";
  return open().then(function (cache) {
    return cache.keys().then(function (requests) {
      var bundles = requests.filter(function (r) { return BUNDLE.test(r.url); });
      return Promise.all(bundles.map(function (r) {
        return saved(cache, r.url).then(function (b) { return b.json(); });
      }));
    }).then(function (bundles) {
      var contacts = [].concat.apply([], bundles.map(function (b) { return b.contacts; }));
      var hits = matches(query, contacts);
      var body = '<div class="wrap"><h1>' + escape(t.search) + '</h1><p class="notice ' +
        'notice--offline" role="status">' + escape(t.limited) + "</p>" + (hits.length ?
          '<ul class="service-list">' + hits.map(contactHtml).join("") + "</ul>" :
          '<p class="empty">' + escape(t.none) + "</p>") + "</div>";
      var shell = bundles.length ? saved(cache, new URL(bundles[0].urls[0], location.origin).href)
        : Promise.resolve();
      return shell.then(function (page) { return page ? page.text() : "<main></main>"; })
        .then(function (html) {
          html = html.replace(/(<main[^>]*>)[\s\S]*<\/main>/, "$1" + body + "</main>")
            .replace(/(name="q" value=")[^"]*"/g, "$1" + escape(query) + '"');
          return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
        });
    });
  });
}

function page(event, url) {
  var copy = open().then(function (cache) { return saved(cache, url.href); });
  // Asks the server (not the browser's HTTP cache), so that offline means the saved copy.
  var network = fetch(url.href, { cache: "no-cache", redirect: "manual" }).then(function (response) {
    if (response.type !== "opaqueredirect") event.waitUntil(keep(url, response.clone()));
    return response;
  });
  var late = new Promise(function (resolve) { setTimeout(resolve, WAIT_MS); }).then(function () {
    return copy.then(function (c) { return c ? withNotice(c, url) : network; });
  });
  return Promise.race([network, late]).catch(function () {
    return copy.then(function (c) {
      if (c) return withNotice(c, url);
      if (SEARCH.test(url.pathname)) return offlineSearch(url);
      return network;
    });
  });
}

function staleWhileRevalidate(event, url) {
  return open().then(function (cache) {
    var fresh = fetch(event.request).then(function (response) {
      if (storable(response)) event.waitUntil(store(cache, url.href, response.clone()));
      return response;
    });
    return saved(cache, url.href).then(function (c) { return c || fresh; });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.method !== "GET") {
    if (LOGOUT.test(url.pathname)) event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (PRIVATE.test(url.pathname) || url.pathname === "/sw.js") return;
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(staleWhileRevalidate(event, url));
  } else if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  }
});

self.addEventListener("message", function (event) {
  var data = event.data || {}, port = event.ports[0];
  var href = new URL(data.url, location.origin).href;
  var work = data.type === "save" ? save(href) : Promise.resolve();
  event.waitUntil(work.then(function () {
    return open().then(function (cache) { return saved(cache, href); });
  }).then(function (c) {
    var at = c && c.headers.get("X-Saved-At");
    // Online, a municipality saved over an hour ago is saved again in the background.
    if (at && navigator.onLine && Date.now() - Date.parse(at) > REFRESH_MS) save(href);
    port.postMessage({ saved: at || null });
  }, function () { port.postMessage({ failed: true }); }));
});
