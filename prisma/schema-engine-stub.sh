#!/bin/sh
# Prisma's CLI wants a native schema engine it cannot download here. `generate` does not need it,
# and migrations run through the wasm engine (prisma/migrate.mjs). Exit 1 so nothing pretends to migrate.
echo "The native Prisma schema engine is not available: use 'node prisma/migrate.mjs' for migrations." >&2
exit 1
