// The journeys that matter, in Firefox ESR (geckodriver). See engines.mjs
// for the driver and the guards, journeys.mjs for the journeys.
import { useEngine } from "./engines.mjs";
import { journeys, requireEngine } from "./journeys.mjs";

const engine = useEngine("firefox");
requireEngine(engine);
journeys(engine);
