// Quick exit while the app loads (on a slow link, seconds): the loading
// page's link, and Shift pressed three times within two seconds, leave for
// the neutral page without a history entry, first deleting everything of
// this app's if the user asked for that. The same rule as src/ui/mod.rs,
// `quick_exit`; in kiosk mode nothing of the participant's is stored yet,
// and the facilitator's data stays. Once the app has replaced the loading
// page, its own quick exit takes over and these do nothing.
//
// A classic script in <head>, not part of boot.js (a module, which runs only
// once the page is read): it runs before the loading page is drawn, so the
// Quick exit the page shows from its first paint already deletes when asked,
// and Shift already counts. Kept external so the Content-Security-Policy can
// forbid inline scripts.
(() => {
  // A flag of the address, as the app reads it (src/browser/dom.rs,
  // `query_flag`): "?kiosk" or "?kiosk=1".
  const query = location.search.replace(/^\?/, "").split("&");
  const kioskFlag = query.includes("kiosk") || query.includes("kiosk=1");
  const loadingPage = () => document.getElementById("boot-quick-exit")?.isConnected === true;

  function quickExit(event) {
    if (!loadingPage()) return;
    event?.preventDefault();
    try {
      const kiosk = kioskFlag || localStorage.getItem("hr-readiness:kiosk") !== null;
      const settings = JSON.parse(localStorage.getItem("hr-readiness:settings") || "null");
      if (!kiosk && settings?.quick_exit_wipes === true) {
        for (const key of Object.keys(localStorage)) {
          if (key.startsWith("hr-readiness:")) localStorage.removeItem(key);
        }
        localStorage.setItem("hr-readiness:settings", JSON.stringify({ schema: 1, quick_exit_wipes: true }));
      }
    } catch {
      // Storage blocked or unreadable: nothing of ours to delete.
    }
    const away = new URL("away.html", location.href).href;
    try {
      if (window.top !== window) {
        window.top.location.replace(away);
        return;
      }
    } catch {
      // Framed by another origin that forbids it: leave the frame at least.
    }
    location.replace(away);
  }

  // On the document, not the link: the link is not there yet.
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("#boot-quick-exit")) quickExit(event);
  });
  let presses = [];
  window.addEventListener("keydown", (event) => {
    if (event.key !== "Shift" || event.repeat) {
      presses = [];
      return;
    }
    const now = Date.now();
    presses = presses.filter((t) => now - t < 2000);
    presses.push(now);
    if (presses.length >= 3) quickExit();
  });
})();
