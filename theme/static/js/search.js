/* The search page: Pagefind's UI, started from the address (?q=words&topic=...&order=newest),
   with an order control, and the address kept in step so every search can be linked to. */
(function () {
  "use strict";

  var root = document.getElementById("search");
  if (!root || typeof window.PagefindUI !== "function") {
    return;
  }
  var FILTERS = ["topic", "source", "year"];
  var ORDERS = { relevance: null, newest: { date: "desc" }, oldest: { date: "asc" } };
  var TRANSLATIONS = {
    placeholder: "Words from a story",
    search_label: "Search stories",
    zero_results: "No story matches [SEARCH_TERM]",
    many_results: "[COUNT] stories match [SEARCH_TERM]",
    one_result: "[COUNT] story matches [SEARCH_TERM]",
    total_zero_results: "No stories",
    total_one_result: "[COUNT] story",
    total_many_results: "[COUNT] stories",
    filters_label: "Narrow by"
  };
  // Filter values are stored HTML-escaped, because Pagefind's UI inserts them as
  // HTML (plugins/search/canonical.py): the address holds them as plain text.
  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
  function escapeValue(text) {
    return text.replace(/[&<>]/g, function (c) { return ENTITIES[c]; });
  }
  function unescapeValue(value) {
    return value.replace(/&(amp|lt|gt);/g, function (entity) {
      for (var c in ENTITIES) {
        if (ENTITIES[c] === entity) { return c; }
      }
      return entity;
    });
  }

  var tools = document.querySelector(".search-tools");
  var order = document.getElementById("search-order");

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    FILTERS.forEach(function (name) {
      var values = params.getAll(name).filter(Boolean).map(escapeValue);
      if (values.length) { filters[name] = values; }
    });
    var chosen = params.get("order");
    return {
      term: (params.get("q") || "").trim(),
      filters: filters,
      order: Object.prototype.hasOwnProperty.call(ORDERS, chosen) ? chosen : "relevance"
    };
  }

  function currentState() {
    var input = root.querySelector(".pagefind-ui__search-input");
    var filters = {};
    root.querySelectorAll(".pagefind-ui__filter-checkbox:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || []).push(box.value);
    });
    return { term: input ? input.value.trim() : "", filters: filters, order: order.value };
  }

  function writeAddress(state) {
    var params = new URLSearchParams();
    if (state.term) { params.set("q", state.term); }
    Object.keys(state.filters).forEach(function (name) {
      state.filters[name].forEach(function (value) { params.append(name, unescapeValue(value)); });
    });
    if (state.order !== "relevance") { params.set("order", state.order); }
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  /* One Pagefind UI per order, created when that order is first chosen, and never
     destroyed: the instances share one web worker, and destroying one releases it
     asynchronously, which can terminate the worker under an instance made a moment
     later (its search then never answers: "Pagefind worker terminated"). The
     instance of the chosen order is the only one in the page, so ids stay unique. */
  var instances = {};

  function nameInput(box) {
    // Pagefind's input has only a title and a placeholder: give it a proper name.
    var input = box.querySelector(".pagefind-ui__search-input");
    if (input) { input.setAttribute("aria-label", TRANSLATIONS.search_label); }
    return input;
  }

  function start(state) {
    var shown = instances[state.order];
    if (!shown) {
      var box = document.createElement("div");
      root.replaceChildren(box);
      shown = instances[state.order] = {
        box: box,
        ui: new window.PagefindUI({
          element: box,
          bundlePath: root.getAttribute("data-bundle"),
          pageSize: 10,
          showImages: false,
          showEmptyFilters: false,
          resetStyles: false,
          autofocus: !state.term,
          sort: ORDERS[state.order],
          translations: TRANSLATIONS
        })
      };
    } else {
      root.replaceChildren(shown.box);
    }
    var input = nameInput(shown.box);
    shown.ui.triggerFilters(state.filters);
    if (state.term) {
      shown.ui.triggerSearch(state.term);
    } else if (input && input.value) {
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  var pending = null;
  function remember() {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () { writeAddress(currentState()); }, 400);
  }

  var initial = readAddress();
  order.value = initial.order;
  tools.hidden = false;
  order.addEventListener("change", function () {
    var state = currentState();
    start(state);
    writeAddress(state);
  });
  root.addEventListener("input", remember);
  root.addEventListener("change", remember);
  start(initial);
})();
