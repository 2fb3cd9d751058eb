/*
 * Summary character counter for the page editor: shows "n / 300" under every summary field so
 * editors see how much room is left before the limit that listings and search snippets rely on.
 * Loaded on editor pages through the insert_editor_js hook (home/wagtail_hooks.py).
 */
(function () {
  "use strict";

  var SELECTOR = 'textarea[name="summary"], textarea[maxlength][data-character-counter]';

  // Django counts characters (code points), not UTF-16 units, so count the same way.
  function length(text) {
    return Array.from(text).length;
  }

  function attach(field) {
    var max = parseInt(field.getAttribute("maxlength"), 10);
    if (!max || field.dataset.counterAttached) {
      return;
    }
    field.dataset.counterAttached = "true";
    var counter = document.createElement("p");
    counter.className = "help summary-counter";
    counter.id = (field.id || field.name) + "-counter";
    var update = function () {
      var used = length(field.value);
      counter.textContent = used + " / " + max;
      // Wagtail's own utility classes: the critical colour once the limit is reached.
      counter.classList.toggle("w-text-critical-200", used >= max);
      counter.classList.toggle("w-font-semibold", used >= max);
    };
    field.insertAdjacentElement("afterend", counter);
    var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(counter.id);
    field.setAttribute("aria-describedby", described.join(" "));
    field.addEventListener("input", update);
    update();
  }

  function attachAll() {
    document.querySelectorAll(SELECTOR).forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attachAll);
  } else {
    attachAll();
  }
})();
