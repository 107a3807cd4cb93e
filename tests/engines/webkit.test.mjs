// The journeys that matter, in WebKitGTK, the engine of Safari
// (WebKitWebDriver and MiniBrowser on an Xvfb display). See engines.mjs for
// the driver and the guards, journeys.mjs for the journeys. A check for
// WebKit alone goes here, with journey(engine, "…", async (page) => { … }).
import { useEngine } from "./engines.mjs";
import { journeys, requireEngine } from "./journeys.mjs";

const engine = useEngine("webkit");
requireEngine(engine);
journeys(engine);
