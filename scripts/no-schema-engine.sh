#!/bin/sh
# A stand-in for the schema-engine binary, which Prisma 7 would download: generate, validate
# and format never run it, and this project applies migrations itself.
echo "dishui: the Prisma schema engine is not used; migrations run with: dishui migrate" >&2
exit 1
