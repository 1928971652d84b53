// The secret the e2e server signs sessions and decision links with (e2e/serve.mjs), shared with the specs that
// build a decision link themselves. Not a production secret.
export const E2E_AUTH_SECRET = "e2e-secret-not-for-production-4f1c9a7e2b";
