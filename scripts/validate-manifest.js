#!/usr/bin/env node
/**
 * Offline validation of the add-in manifest (`npm run validate`); `npm run validate:online` asks
 * Microsoft's service instead (office-addin-manifest validate).
 *
 *   node scripts/validate-manifest.js [manifest.xml ...] [--schemas DIR] [--assets DIR]
 *
 * 1. XSD: `xmllint --nonet --schema` against the schemas in scripts/manifest-schemas/: Microsoft's
 *    published XSDs when they have been put in scripts/manifest-schemas/microsoft/
 *    (OfficeAppManifestV1_1.xsd and the files it imports), else this project's own schemas of the same
 *    namespaces (officeapp-1.1.xsd, taskpaneappversionoverrides-1.0.xsd, officeappbasictypes-1.0.xsd).
 * 2. What an XSD cannot say: every resid names a resource, resource ids are unique, each ribbon icon
 *    has the 16, 32 and 80 px images, every image the manifest names exists in assets/ at its size,
 *    every URL is on one origin, every text a person sees has nb-NO and sv-SE translations, the help
 *    links (SupportUrl, LearnMoreUrl) open the help page, which works in any browser (not the pane's
 *    page, blank outside Office), and ExcelApi is asked at 1.9 or later (Excel 2019 and older run the
 *    pane in Internet Explorer, where it cannot run).
 *
 * Exit code 0 when valid, 1 when not, 2 when xmllint is missing (Debian: apt-get install libxml2-utils).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { DOMParser } = require('@xmldom/xmldom');

const ROOT = path.resolve(__dirname, '..');
const SCHEMAS = path.join(__dirname, 'manifest-schemas');
const LOCALES = ['nb-NO', 'sv-SE'];
const NS = {
  o: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
};

/** The root schema: Microsoft's when present, else ours. */
function rootSchema(dir = SCHEMAS) {
  const microsoft = path.join(dir, 'microsoft', 'OfficeAppManifestV1_1.xsd');
  if (fs.existsSync(microsoft)) return { file: microsoft, kind: "Microsoft's published XSDs" };
  return { file: path.join(dir, 'officeapp-1.1.xsd'), kind: "this project's XSDs (scripts/manifest-schemas)" };
}

function hasXmllint() {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** xmllint's verdict: errors as lines, empty when the manifest is valid. */
function xsdErrors(manifest, schema) {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, manifest], { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status === 0) return [];
  return r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/ fails to validate$/.test(l));
}

/** Width and height of a PNG, or null when the bytes are not one. */
function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || !sig.every((b, i) => bytes[i] === b)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const all = (node, ns, name) => Array.from(node.getElementsByTagNameNS(ns, name));

/** Checks beyond the schema; returns the problems found, each naming the element or id. */
function consistencyErrors(xmlText, { assetsDir = path.join(ROOT, 'assets') } = {}) {
  const errors = [];
  const doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(`not well-formed: ${msg}`) }).parseFromString(xmlText, 'text/xml');
  if (errors.length) return errors;
  const resources = new Map(); // id -> element
  for (const kind of ['Image', 'Url', 'String']) {
    for (const el of all(doc, NS.bt, kind)) {
      const id = el.getAttribute('id');
      if (!id) continue; // bt:Image size=… resid=… inside an Icon
      if (resources.has(id)) errors.push(`resource id "${id}" is defined twice`);
      resources.set(id, el);
    }
  }
  const used = new Set();
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const resid = el.getAttribute('resid');
    if (!resid) continue;
    used.add(resid);
    if (!resources.has(resid)) errors.push(`<${el.localName} resid="${resid}"> names no resource`);
  }
  for (const id of resources.keys()) if (!used.has(id)) errors.push(`resource "${id}" is never used`);

  for (const icon of all(doc, NS.ov, 'Icon')) {
    const sizes = all(icon, NS.bt, 'Image').map((i) => Number(i.getAttribute('size')));
    for (const need of [16, 32, 80]) if (!sizes.includes(need)) errors.push(`an <Icon> of ${icon.parentNode.getAttribute('id')} lacks its ${need} px image`);
    for (const img of all(icon, NS.bt, 'Image')) {
      const res = resources.get(img.getAttribute('resid'));
      const m = res && /-(\d+)\.png$/.exec(res.getAttribute('DefaultValue'));
      if (m && Number(m[1]) !== Number(img.getAttribute('size'))) errors.push(`the ${img.getAttribute('size')} px image of ${icon.parentNode.getAttribute('id')} points at ${res.getAttribute('DefaultValue')}`);
    }
  }

  const urls = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(attr);
      if (v && /^https?:\/\//.test(v)) urls.push(v);
    }
  }
  const origins = new Set(urls.map((u) => new URL(u).origin));
  if (origins.size > 1) errors.push(`URLs point at more than one origin: ${[...origins].join(', ')}`);
  for (const u of urls) {
    const m = /\/assets\/([^/?#]+\.png)$/.exec(new URL(u).pathname);
    if (!m) continue;
    const file = path.join(assetsDir, m[1]);
    if (!fs.existsSync(file)) {
      errors.push(`${u} names assets/${m[1]}, which does not exist`);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    const want = /-(\d+)\.png$/.exec(m[1]);
    if (!size) errors.push(`assets/${m[1]} is not a PNG`);
    else if (want && (size.width !== Number(want[1]) || size.height !== Number(want[1]))) errors.push(`assets/${m[1]} is ${size.width}×${size.height} px, not ${want[1]} px`);
  }

  const helpLinks = [...all(doc, NS.o, 'SupportUrl').map((el) => ['SupportUrl', el.getAttribute('DefaultValue')])];
  for (const el of all(doc, NS.ov, 'LearnMoreUrl')) {
    const res = resources.get(el.getAttribute('resid'));
    if (res) helpLinks.push(['LearnMoreUrl', res.getAttribute('DefaultValue')]);
  }
  for (const [what, url] of helpLinks) {
    if (!/\/help\.html$/.test(new URL(url).pathname)) errors.push(`${what} opens ${url}, not the help page (help.html), which works outside Office`);
  }
  const excelApi = all(doc, NS.o, 'Set').find((el) => el.getAttribute('Name') === 'ExcelApi');
  const [major, minor] = String(excelApi ? excelApi.getAttribute('MinVersion') : '0').split('.').map(Number);
  if (!excelApi || major < 1 || (major === 1 && (minor || 0) < 9)) {
    errors.push('ExcelApi is not required at 1.9 or later: Excel 2019 would load the add-in in Internet Explorer and show a blank pane');
  }

  const translated = [
    ...all(doc, NS.o, 'DisplayName'),
    ...all(doc, NS.o, 'Description').filter((d) => d.parentNode.localName === 'OfficeApp'),
    ...all(doc, NS.bt, 'String'),
  ];
  for (const el of translated) {
    const what = el.getAttribute('id') || el.localName;
    const overrides = Array.from(el.childNodes).filter((n) => n.nodeType === 1 && n.localName === 'Override');
    for (const locale of LOCALES) {
      const o = overrides.find((n) => n.getAttribute('Locale') === locale);
      if (!o || !o.getAttribute('Value').trim()) errors.push(`"${what}" has no ${locale} text`);
    }
  }
  return errors;
}

function parseArgs(argv) {
  const out = { manifests: [], schemas: SCHEMAS, assets: path.join(ROOT, 'assets') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schemas') out.schemas = path.resolve(argv[++i]);
    else if (argv[i] === '--assets') out.assets = path.resolve(argv[++i]);
    else out.manifests.push(argv[i]);
  }
  if (!out.manifests.length) out.manifests.push(path.join(ROOT, 'manifest.xml'));
  return out;
}

function main(argv) {
  const args = parseArgs(argv);
  if (!hasXmllint()) {
    console.error('xmllint is missing: install it (Debian: apt-get install libxml2-utils) to validate the manifest offline.');
    return 2;
  }
  const schema = rootSchema(args.schemas);
  let failed = 0;
  for (const manifest of args.manifests) {
    const rel = path.relative(process.cwd(), manifest) || manifest;
    const errors = [...xsdErrors(manifest, schema.file), ...consistencyErrors(fs.readFileSync(manifest, 'utf8'), { assetsDir: args.assets })];
    if (errors.length) {
      failed++;
      console.error(`${rel}: INVALID against ${schema.kind}`);
      for (const e of errors) console.error(`  ${e}`);
    } else {
      console.log(`${rel}: valid against ${schema.kind}, resources and translations consistent`);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { rootSchema, hasXmllint, xsdErrors, consistencyErrors, pngSize, main };
