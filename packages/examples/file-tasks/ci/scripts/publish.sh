#!/bin/sh
# Publishes the package built into dist/.
set -eu
: "${NPM_TOKEN:?the step must give NPM_TOKEN}"
echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > ~/.npmrc
npm publish dist/*.tgz --tag "$NPM_TAG"
