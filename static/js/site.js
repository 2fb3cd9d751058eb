/* Open Cities: progressive enhancement only. Every page works without this file: filters are a
   plain form, questions are checked by the server, videos are links. */
(function () {
  "use strict";

  var STORE_PREFIX = "opencities:progress:";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* Filters start folded on small screens, where they would push the results far down. */
  function foldFilters() {
    if (!window.matchMedia("(max-width: 55.99em)").matches) return;
    all("details[data-filters]").forEach(function (details) {
      details.open = false;
    });
  }

  /* Small screens: fold the menu behind a button (the menu is simply shown without script). */
  function enableMenu() {
    var header = document.querySelector("[data-site-header]");
    var button = header && header.querySelector("[data-menu-button]");
    if (!button) return;
    function set(expanded) {
      button.setAttribute("aria-expanded", expanded ? "true" : "false");
      if (expanded) header.removeAttribute("data-collapsed");
      else header.setAttribute("data-collapsed", "");
    }
    button.hidden = false;
    set(false);
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
  }

  /* Videos: load the provider's player only when the visitor asks for it. */
  function enableVideos() {
    all("[data-embed-src]").forEach(function (frame) {
      var button = frame.querySelector("[data-embed-play]");
      if (!button) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var iframe = document.createElement("iframe");
        iframe.src = frame.getAttribute("data-embed-src") + "?autoplay=1";
        iframe.title = frame.getAttribute("data-embed-title") || "";
        iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        frame.replaceChild(iframe, button);
        iframe.focus();
      });
    });
  }

  /* Training progress, kept in this browser only (no account needed). */
  function load(moduleId) {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE_PREFIX + moduleId) || "{}");
      return { visited: data.visited || [], done: data.done || [] };
    } catch (error) {
      return { visited: [], done: [] };
    }
  }

  function save(moduleId, progress) {
    try {
      window.localStorage.setItem(STORE_PREFIX + moduleId, JSON.stringify(progress));
    } catch (error) {
      /* Storage full or disabled: progress is simply not remembered. */
    }
  }

  function remember(list, number) {
    if (list.indexOf(number) === -1) list.push(number);
  }

  function showProgress() {
    all("[data-progress-module]").forEach(function (holder) {
      var moduleId = holder.getAttribute("data-progress-module");
      var total = parseInt(holder.getAttribute("data-lesson-count"), 10) || 0;
      var progress = load(moduleId);
      var done = progress.done.filter(function (n) { return n >= 1 && n <= total; });
      var summary = holder.querySelector("[data-progress-summary]");
      if (summary && total && (done.length || progress.visited.length)) {
        summary.textContent = (summary.getAttribute("data-template") || "{done} / {total}")
          .replace("{done}", done.length)
          .replace("{total}", total);
        summary.hidden = false;
      }
      all("[data-lesson]", holder).forEach(function (item) {
        var label = item.querySelector("[data-done-label]");
        if (label) label.hidden = done.indexOf(parseInt(item.getAttribute("data-lesson"), 10)) === -1;
      });
    });
  }

  function trackLesson() {
    var lesson = document.querySelector("article[data-lesson]");
    if (!lesson) return;
    var moduleId = lesson.getAttribute("data-progress-module");
    var number = parseInt(lesson.getAttribute("data-lesson"), 10);
    var hasQuestion = lesson.hasAttribute("data-has-question");
    var progress = load(moduleId);
    remember(progress.visited, number);
    var feedback = lesson.querySelector("[data-feedback]");
    if (!hasQuestion || (feedback && feedback.hasAttribute("data-answered"))) {
      remember(progress.done, number);
    }
    save(moduleId, progress);

    var form = lesson.querySelector("form[data-question]");
    if (!form || !feedback) return;
    form.addEventListener("submit", function (event) {
      var chosen = form.querySelector("input[name=answer]:checked");
      if (!chosen) return;
      event.preventDefault();
      var correct = form.getAttribute("data-correct");
      var isCorrect = chosen.value === correct;
      var verdict = document.createElement("p");
      verdict.className = "feedback__verdict";
      verdict.textContent = form.getAttribute(isCorrect ? "data-text-correct" : "data-text-incorrect");
      if (!isCorrect) {
        var right = form.querySelector('label[for="answer-' + correct + '"]');
        var strong = document.createElement("strong");
        strong.textContent = right ? right.textContent : "";
        verdict.appendChild(document.createTextNode(" "));
        verdict.appendChild(strong);
      }
      feedback.textContent = "";
      feedback.appendChild(verdict);
      feedback.className = "feedback feedback--" + (isCorrect ? "correct" : "incorrect");
      var explanation = lesson.querySelector("[data-explanation]");
      if (explanation) explanation.hidden = false;
      var stored = load(moduleId);
      remember(stored.visited, number);
      remember(stored.done, number);
      save(moduleId, stored);
      showProgress();
    });
  }

  /* Sharing: copy the address, the browser's own share sheet, and the Mastodon server asked
     for on the page itself (the links and the server form work without this). */
  function enableSharing() {
    all("[data-share]").forEach(function (box) {
      var url = box.getAttribute("data-share-url");
      var title = box.getAttribute("data-share-title");
      var status = box.querySelector("[data-share-status]");
      var copy = box.querySelector("[data-share-copy]");
      var native = box.querySelector("[data-share-native]");
      if (copy && navigator.clipboard) {
        copy.parentNode.hidden = false;
        copy.addEventListener("click", function () {
          navigator.clipboard.writeText(url).then(function () {
            status.textContent = box.getAttribute("data-text-copied");
          });
        });
      }
      if (native && navigator.share) {
        native.parentNode.hidden = false;
        native.addEventListener("click", function () {
          navigator.share({ title: title, url: url }).catch(function () {
            /* Dismissed by the visitor: nothing to do. */
          });
        });
      }
      var mastodon = box.querySelector("[data-share-mastodon]");
      if (!mastodon) return;
      mastodon.addEventListener("submit", function (event) {
        var server = mastodon.elements.server.value.trim().replace(/^https?:\/\//, "");
        server = server.replace(/\/+$/, "").split("@").pop();
        if (!/^([a-z0-9-]+\.)+[a-z]{2,63}(:[0-9]{1,5})?$/i.test(server)) return;
        event.preventDefault();
        window.location.assign(
          "https://" + server.toLowerCase() + "/share?text=" +
            encodeURIComponent(mastodon.elements.text.value)
        );
      });
    });
  }

  document.documentElement.classList.add("js");
  enableSharing();
  enableMenu();
  foldFilters();
  enableVideos();
  trackLesson();
  showProgress();
})();
