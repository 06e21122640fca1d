/* eslint-disable no-undef */
/**
 * @xmldom/xmldom's `entities` module as the command line's one file (webpack.cli.config.js) has it:
 * the same exports, but the table of 2,000-odd HTML entities, which xmldom builds and freezes as it
 * loads (about 25 ms of a cold start), is made the first time something asks for it. The command
 * line parses XML only, which uses the five entities XML predefines, so it never asks.
 */
'use strict';

const { freeze } = require('@xmldom/xmldom/lib/conventions');

exports.XML_ENTITIES = freeze({
  amp: '&',
  apos: "'",
  gt: '>',
  lt: '<',
  quot: '"',
});

let html = null;
/** The real module's HTML table (its request is not `./entities`, so it is not this module again). */
function htmlEntities() {
  if (html === null) html = require('@xmldom/xmldom/lib/entities.js').HTML_ENTITIES;
  return html;
}

Object.defineProperty(exports, 'HTML_ENTITIES', { enumerable: true, get: htmlEntities });
Object.defineProperty(exports, 'entityMap', { enumerable: true, get: htmlEntities });
