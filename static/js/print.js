/* Printing shows every row: the rows folded under "Xem thêm" (<details class="more-rows">)
   are opened before the page prints and folded again after. Browsers that style
   ::details-content print them open without this file (site.css). */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
