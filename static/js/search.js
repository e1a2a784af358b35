/* Search, progressively enhanced (the forms work without this file):
   - suggestions under every input with data-suggest-url, as an ARIA combobox
     (arrow keys to move, Enter to open, Escape to close; the count is announced);
   - forms with data-auto-submit apply a filter as soon as its box is ticked, and
     show the filters of their URL again when the back button returns to them. */
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_CHARS = 2;
  var counter = 0;

  function setUpSuggestions(input) {
    var url = input.getAttribute("data-suggest-url");
    var id = "goi-y-" + (++counter);
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var timer = null;
    var request = null;
    var active = -1;
    var items = [];

    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Gợi ý tìm kiếm");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    input.parentNode.classList.add("has-suggestions");
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      active = index;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (suggestion, index) {
        var option = document.createElement("li");
        var kind = document.createElement("span");
        option.id = id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        kind.className = "suggestion-kind";
        kind.textContent = suggestion.kind;
        option.appendChild(kind);
        option.appendChild(document.createTextNode(" " + suggestion.label));
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(option);
      });
      active = -1;
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
      status.textContent = suggestions.length ? suggestions.length + " gợi ý, dùng phím mũi tên để chọn." : "";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_CHARS) {
        show([]);
        return;
      }
      if (request) {
        request.abort();
      }
      request = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(query), { signal: request.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) { show(data.suggestions || []); } })
        .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        // Positions cycle through the options and back to the input (-1).
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= items.length) { next = -1; }
        if (next < -1) { next = items.length - 1; }
        highlight(next);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items[active].url;
      } else if (event.key === "Escape") {
        // Close the list and keep the text (a search box would also empty itself).
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  function setUpAutoSubmit(form) {
    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") {
        form.submit();
      }
    });
    // Back to a page kept in the browser's memory: it still shows the box ticked
    // just before leaving, not the filters of its URL. Show those again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        form.reset();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), setUpSuggestions);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-auto-submit]"), setUpAutoSubmit);
  });
})();
