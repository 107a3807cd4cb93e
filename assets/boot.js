// Starts the WebAssembly app. Trunk writes the hashed file names into the
// data attributes of the <script> tag that loads this module (see
// Trunk.toml, pattern_script). Kept external so the Content-Security-Policy
// can forbid inline scripts.
const tag = document.querySelector("script[data-app-js][data-app-wasm]");
const status = document.getElementById("boot-status");

// A visitor who reads Spanish needs the Spanish texts (es.bin, beside the
// WebAssembly; src/browser/texts.rs) before the app shows anything: fetch
// them at the same time as the app, not after it. The same rule as
// src/i18n.rs, `initial`: the language chosen before, else the browser's.
function wantsSpanish() {
  let chosen = null;
  try {
    chosen = JSON.parse(localStorage.getItem("hr-readiness:settings") || "null")?.language;
  } catch {
    // Storage blocked or unreadable: the browser's language decides.
  }
  if (chosen === "es" || chosen === "en") return chosen === "es";
  return (navigator.language || "").toLowerCase().startsWith("es");
}
const spanish = wantsSpanish();
if (spanish) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = tag.dataset.appWasm.replace(/[^/]*$/, "es.bin");
  document.head.append(link);
}

// A flag of the address, as the app reads it (src/browser/dom.rs,
// `query_flag`): "?embed" or "?embed=1".
const query = location.search.replace(/^\?/, "").split("&");
const flag = (name) => query.includes(name) || query.includes(`${name}=1`);

// Inside another site's page (`?embed`), the loading page's header is the
// app's slim one, without the title, so that the header keeps its height
// and Quick exit its place when the app replaces the page.
if (flag("embed")) {
  document.querySelector(".site-header")?.classList.add("site-header--slim");
  document.querySelector(".site-header__title")?.remove();
}

// A visitor who reads Spanish reads the loading page in Spanish too: on a
// slow link it shows for seconds. The texts are the app's own (an end-to-end test checks
// that the loading page and the app's start page say the same, in both
// languages), so nothing changes when the app replaces the page.
if (spanish) {
  document.documentElement.lang = "es";
  document.title = "Autoevaluación de preparación para la reducción de daños";
  for (const [selector, text] of [
    [".site-header__title", "Preparación para la reducción de daños"],
    [".site-header__privacy", "Privado: nada de lo que escriba sale de este navegador"],
    ["main.boot h1", "¿Qué tan preparada está su organización para la reducción de daños?"],
    [
      "main.boot .lead",
      "Una autoevaluación privada para organizaciones de tratamiento de salud mental y de uso de sustancias. Descubra qué tan preparada está su organización para ofrecer servicios de reducción de daños, qué la frena y qué asistencia técnica (AT) le conviene pedir.",
    ],
    ["#boot-status", "Cargando la evaluación…"],
  ]) {
    const element = document.querySelector(selector);
    if (element) element.textContent = text;
  }
}

// The loading page's Quick exit, in Spanish for a visitor who reads it (it
// works from the first paint: exit.js).
const bootExit = document.getElementById("boot-quick-exit");
if (bootExit && spanish) {
  bootExit.firstChild.textContent = "Salida rápida";
  bootExit.lastChild.textContent = " (salir de esta página al instante; o pulse Shift (Mayús) tres veces)";
}

try {
  const { default: init } = await import(tag.dataset.appJs);
  await init({ module_or_path: tag.dataset.appWasm });
} catch (error) {
  if (status) {
    status.textContent = spanish
      ? "Este navegador no pudo iniciar la evaluación. Use una versión reciente de Firefox, Chrome, Edge o Safari. Nada de lo que escribió ha salido de este dispositivo."
      : "This browser could not start the assessment. Please use a recent version of Firefox, Chrome, Edge or Safari. Nothing you entered has left this device.";
    status.setAttribute("role", "alert");
  }
  throw error;
}

// Offline use: once the app is running (never before, so it cannot slow the
// first paint), register the service worker that keeps a copy of this build
// (sw.js, written at build time; see scripts/make-sw.mjs). Only over http(s)
// in a secure context; the URL is relative, so the app works under any path.
// Without it, or if it fails (private windows, offline), the app works as
// before, only online: nothing to tell the user, nothing to log as an error.
function registerServiceWorker() {
  try {
    if (!/^https?:$/.test(location.protocol) || !window.isSecureContext) return;
    if (!("serviceWorker" in navigator) || !navigator.serviceWorker) return;
    navigator.serviceWorker.register("sw.js").catch((reason) => {
      console.info("Offline use is not available:", String(reason));
    });
  } catch (reason) {
    console.info("Offline use is not available:", String(reason));
  }
}

if (document.readyState === "complete") {
  registerServiceWorker();
} else {
  window.addEventListener("load", registerServiceWorker, { once: true });
}
