// Starts the WebAssembly app. Trunk writes the hashed file names into the
// data attributes of the <script> tag that loads this module (see
// Trunk.toml, pattern_script). Kept external so the Content-Security-Policy
// can forbid inline scripts.
const tag = document.querySelector("script[data-app-js][data-app-wasm]");
const status = document.getElementById("boot-status");

try {
  const { default: init } = await import(tag.dataset.appJs);
  await init({ module_or_path: tag.dataset.appWasm });
} catch (error) {
  if (status) {
    status.textContent =
      "This browser could not start the assessment. Please use a recent version of Firefox, Chrome, Edge or Safari. Nothing you entered has left this device.";
    status.setAttribute("role", "alert");
  }
  throw error;
}
