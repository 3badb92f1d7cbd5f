#!/bin/sh
# Unit tests with coverage, written to the coverage output.
set -eu
cd app
npm ci
npx vitest run --coverage --coverage.reportsDirectory=../coverage
