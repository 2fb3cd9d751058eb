/* Event times in the visitor's own time zone, next to the event's zone (always shown in HTML).
   Progressive enhancement: without JavaScript, or when both zones agree, nothing changes. */
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var lang = document.documentElement.lang || undefined;
  var format = new Intl.DateTimeFormat(lang, {
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short"
  });
  var elements = document.querySelectorAll("[data-event-time]");
  Array.prototype.forEach.call(elements, function (element) {
    if (!visitorZone || element.getAttribute("data-zone") === visitorZone) {
      return;
    }
    var start = element.querySelector("time");
    if (!start) {
      return;
    }
    var moment = new Date(start.getAttribute("datetime"));
    if (isNaN(moment.getTime())) {
      return;
    }
    var local = document.createElement("span");
    local.className = "event-time__local";
    local.textContent = element.getAttribute("data-label") + ": " + format.format(moment);
    element.appendChild(local);
  });
})();
