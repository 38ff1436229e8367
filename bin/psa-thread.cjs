// Entry of a PSA worker thread of a command started from its CommonJS file (bin/command-files.cjs): compiles the
// threads' CommonJS file, out/cli/psa-workers-thread.cjs, with its V8 code cache, as bin/hta.cjs does for commands
// (HTA_CODE_CACHE=0 compiles without it).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, the entry of a worker thread */
const path = require('node:path');
const commandFiles = require('./command-files.cjs');

commandFiles.compileCommandFile(commandFiles.threadFile(path.join(__dirname, '..')), process.env.HTA_CODE_CACHE !== '0');
