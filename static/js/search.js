/*
 * Search autocomplete: turns a search field into an ARIA 1.2 combobox with a listbox popup.
 * Progressive enhancement only: without this file the field is a plain GET form.
 *
 * Markup: a container with data-search-autocomplete="<endpoint>" holding an
 * <input type="search"> and an empty <ul role="listbox" hidden>; an element with
 * data-search-status announces how many suggestions there are.
 * Keys: Down/Up move through the suggestions, Enter opens the chosen one (or submits the
 * form when none is chosen), Escape closes the list (or clears the field when it is closed).
 */
(function () {
  "use strict";

  const DELAY_MS = 150;

  function setUp(container) {
    const input = container.querySelector("input[type='search']");
    const list = container.querySelector("[role='listbox']");
    const status = document.querySelector("[data-search-status]");
    const endpoint = container.getAttribute("data-search-autocomplete");
    const minLength = parseInt(container.getAttribute("data-search-min-length"), 10) || 2;
    if (!input || !list || !endpoint) {
      return;
    }
    let results = [];
    let active = -1;
    let timer = null;
    let pending = null;
    let lastQuery = "";

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function announce(count) {
      if (!status) {
        return;
      }
      let text = status.getAttribute("data-none");
      if (count === 1) {
        text = status.getAttribute("data-one");
      } else if (count > 1) {
        text = status.getAttribute("data-many").replace("%(count)s", String(count));
      }
      status.textContent = text;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (results.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function choose(index) {
      const options = list.querySelectorAll("[role='option']");
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      if (results[index]) {
        window.location.assign(results[index].url);
      }
    }

    function render(items) {
      results = items;
      list.textContent = "";
      items.forEach(function (item, index) {
        const option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.className = "search-combobox__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const title = document.createElement("span");
        title.className = "search-combobox__title";
        title.textContent = item.title;
        option.appendChild(title);
        if (item.type_label) {
          const kind = document.createElement("span");
          kind.className = "search-combobox__type";
          kind.textContent = item.type_label;
          option.appendChild(kind);
        }
        // Keep focus in the field while clicking an option.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          go(index);
        });
        list.appendChild(option);
      });
      active = -1;
      announce(items.length);
      if (items.length) {
        open();
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      const query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (pending) {
        pending.abort();
        pending = null;
      }
      if (query.length < minLength) {
        render([]);
        if (status) {
          status.textContent = "";
        }
        return;
      }
      pending = new AbortController();
      const address = endpoint + "?q=" + encodeURIComponent(query);
      fetch(address, { headers: { Accept: "application/json" }, signal: pending.signal })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          render(Array.isArray(data.results) ? data.results : []);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            render([]);
          }
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      const count = results.length;
      switch (event.key) {
        case "ArrowDown":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (list.hidden) {
            open();
            choose(0);
          } else {
            choose(active + 1 >= count ? 0 : active + 1);
          }
          break;
        case "ArrowUp":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (list.hidden) {
            open();
            choose(count - 1);
          } else {
            choose(active <= 0 ? count - 1 : active - 1);
          }
          break;
        case "Enter":
          if (!list.hidden && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
            render([]);
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", close);
    input.addEventListener("focus", open);
  }

  document.querySelectorAll("[data-search-autocomplete]").forEach(setUp);
})();
