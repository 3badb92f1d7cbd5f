#!/bin/sh
# Builds the package, stamped with $VERSION, into the dist output.
set -eu
: "${VERSION:?the step must give VERSION}"
cd app
npm ci
npm version --no-git-tag-version "$VERSION"
npm pack --pack-destination ../dist
