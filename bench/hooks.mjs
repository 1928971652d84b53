// Loaded with `node --import` before the bench: lets it call the app's own services (which start with
// `import "server-only"`, a guard that throws outside Next's server bundle) to create the data it measures.
import { registerHooks } from "node:module";

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
