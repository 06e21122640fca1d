/**
 * The stand-in for xmldom's entities module in the command line's one file: the same exports, the
 * HTML table left unmade until something asks for it (the command line parses XML only).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const SHIM = path.join(__dirname, '..', '..', 'scripts', 'xmldom-entities.js');

test('it exports what xmldom exports, the HTML table the very same', () => {
  const real = require('@xmldom/xmldom/lib/entities.js') as Record<string, unknown>;
  const shim = require(SHIM) as Record<string, unknown>;
  expect(Object.keys(shim).sort()).toEqual(Object.keys(real).sort());
  expect(shim.XML_ENTITIES).toEqual(real.XML_ENTITIES);
  expect(Object.isFrozen(shim.XML_ENTITIES)).toBe(true);
  expect(shim.HTML_ENTITIES).toBe(real.HTML_ENTITIES);
  expect(shim.entityMap).toBe(real.entityMap);
});

test('the HTML table is made only when asked for', () => {
  const script = `
    const entities = require.resolve('@xmldom/xmldom/lib/entities.js');
    const shim = require(${JSON.stringify(SHIM)});
    const before = [shim.XML_ENTITIES.amp, entities in require.cache];
    const eacute = shim.HTML_ENTITIES.eacute;
    console.log(JSON.stringify([...before, eacute, entities in require.cache]));`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual(['&', false, 'é', true]);
});
