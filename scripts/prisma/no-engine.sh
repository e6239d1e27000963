#!/bin/sh
# Stands in for Prisma's native schema engine during `prisma generate`, which needs no
# engine but refuses to start without one. Any real engine command fails loudly.
echo "cxmap: no Prisma schema engine on this machine; set PRISMA_SCHEMA_ENGINE_BINARY to a real one for prisma migrate" >&2
exit 1
