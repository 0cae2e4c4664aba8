'use strict';

// The SharePoint Framework's own build: `gulp bundle --ship`, then `gulp package-solution --ship`.
const build = require('@microsoft/sp-build-web');

build.initialize(require('gulp'));
