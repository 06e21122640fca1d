/**
 * The add-in's manifest, icons and bundle settings: the manifest validates offline against the XSDs
 * (xmllint, scripts/validate-manifest.js), also as deployed (production URLs); the validator catches the
 * usual mistakes; the icons are the ones the committed script draws; the pane's page may reach no
 * network but Office's script host.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
/* eslint-disable @typescript-eslint/no-require-imports */
const validator = require(path.join(ROOT, 'scripts', 'validate-manifest.js')) as {
  rootSchema(): { file: string; kind: string };
  hasXmllint(): boolean;
  xsdErrors(manifest: string, schema: string): string[];
  consistencyErrors(xml: string, options?: { assetsDir?: string }): string[];
  pngSize(bytes: Buffer): { width: number; height: number } | null;
};
const icons = require(path.join(ROOT, 'scripts', 'make-icons.js')) as { SIZES: number[]; icons(): { file: string; png: Buffer }[] };
type WebpackConfig = {
  mode: string;
  devtool: string | false;
  output: { path: string };
  entry: Record<string, string>;
  plugins: { constructor: { name: string }; userOptions?: { filename?: string; templateParameters?: { csp: string } } }[];
};
const webpackConfig = require(path.join(ROOT, 'webpack.config.js')) as ((env: Record<string, unknown>, options: { mode: string }) => Promise<WebpackConfig>) & {
  URL_DEV: string;
  URL_ENV: string;
  contentSecurityPolicy(dev: boolean): string;
  productionManifest(content: string, url: string | undefined): string;
  productionUrl(url: string | undefined): string;
};
const DEPLOYED = 'https://addins.kommune.no/budget-followup/';

const MANIFEST = path.join(ROOT, 'manifest.xml');
const manifestText = fs.readFileSync(MANIFEST, 'utf8');

const toolsRequired = Boolean(process.env.FOLLOWUP_REQUIRE_TOOLS);
const xmllint = validator.hasXmllint();
if (!xmllint && toolsRequired) throw new Error('xmllint is missing (Debian: libxml2-utils) and FOLLOWUP_REQUIRE_TOOLS is set');
const withXmllint = xmllint ? describe : describe.skip;

function tempManifest(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  const file = path.join(dir, 'manifest.xml');
  fs.writeFileSync(file, text);
  return file;
}

withXmllint('offline validation against the XSDs (xmllint)', () => {
  it('passes for manifest.xml, as `npm run validate` runs it', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'validate-manifest.js')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/manifest\.xml: valid against .*XSDs/);
    expect(r.status).toBe(0);
  });

  it('passes for the manifest as deployed, with the production URLs', () => {
    const prod = webpackConfig.productionManifest(manifestText, DEPLOYED);
    expect(prod).not.toContain('localhost');
    expect(prod).toContain(`${DEPLOYED}taskpane.html`);
    expect(prod).toContain(`<SupportUrl DefaultValue="${DEPLOYED}help.html"/>`);
    expect(validator.xsdErrors(tempManifest(prod), validator.rootSchema().file)).toEqual([]);
    expect(validator.consistencyErrors(prod)).toEqual([]);
  });

  it('catches elements out of order, unknown types and bad values', () => {
    const schema = validator.rootSchema().file;
    const moved = manifestText.replace('  <Permissions>ReadWriteDocument</Permissions>\n', '').replace('  <DefaultSettings>', '  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    expect(validator.xsdErrors(tempManifest(moved), schema).join('\n')).toMatch(/Permissions.*not expected/);
    const badAction = manifestText.replace('xsi:type="ExecuteFunction"', 'xsi:type="RunFunction"');
    expect(validator.xsdErrors(tempManifest(badAction), schema).join('\n')).toMatch(/RunFunction|abstract/);
    const badPermission = manifestText.replace('ReadWriteDocument', 'ReadWrite');
    expect(validator.xsdErrors(tempManifest(badPermission), schema).join('\n')).toMatch(/ReadWrite.*not an element of the set/);
    const longResid = manifestText.split('resid="Generate.Tooltip"').join('resid="Generate.Tooltip.That.Is.Far.Too.Long"');
    expect(validator.xsdErrors(tempManifest(longResid), schema).join('\n')).toMatch(/maxLength|length/);
    const http = manifestText.replace('<SourceLocation DefaultValue="https://', '<SourceLocation DefaultValue="http://');
    expect(validator.xsdErrors(tempManifest(http), schema).join('\n')).toMatch(/SourceLocation/);
  });
});

describe('what the schema cannot say', () => {
  it('holds for manifest.xml', () => {
    expect(validator.consistencyErrors(manifestText)).toEqual([]);
  });

  it('catches a missing resource, a missing translation, a missing icon size and a missing icon file', () => {
    expect(validator.consistencyErrors(manifestText.replace('resid="Open.Tooltip"', 'resid="Open.Help"'))).toEqual(
      expect.arrayContaining(['<Description resid="Open.Help"> names no resource', 'resource "Open.Tooltip" is never used']),
    );
    expect(validator.consistencyErrors(manifestText.replace('<bt:Override Locale="sv-SE" Value="Skapa uppföljning"/>', ''))).toEqual(['"Generate.Label" has no sv-SE text']);
    expect(validator.consistencyErrors(manifestText.split('<bt:Image size="80" resid="Icon.80x80"/>').join(''))).toEqual(
      expect.arrayContaining(['an <Icon> of BudgetFollowup.Generate lacks its 80 px image']),
    );
    expect(validator.consistencyErrors(manifestText, { assetsDir: os.tmpdir() }).join('\n')).toMatch(/assets\/icon-16\.png, which does not exist/);
  });

  it('catches help links that open the pane (blank outside Office) and an ExcelApi below 1.9 (Excel 2019 in Internet Explorer)', () => {
    const paneAsHelp = manifestText.replace('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>', '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(validator.consistencyErrors(paneAsHelp)).toEqual(['SupportUrl opens https://localhost:3000/taskpane.html, not the help page (help.html), which works outside Office']);
    const learnMore = manifestText.replace('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help.html"/>', '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(validator.consistencyErrors(learnMore).join('\n')).toMatch(/^LearnMoreUrl opens/);
    const excel2019 = manifestText.replace('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(validator.consistencyErrors(excel2019).join('\n')).toMatch(/Excel 2019/);
  });
});

describe('the manifest', () => {
  it('is a task pane add-in for Excel that reads and writes the workbook, on ExcelApi 1.9 (Excel 2019 lacks it)', () => {
    expect(manifestText).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifestText).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifestText).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifestText).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
  });

  it('has the two ribbon buttons, the function one in the shared runtime of the pane', () => {
    expect(manifestText).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>generateFollowUp<\/FunctionName>/);
    expect(manifestText).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>[^<]+<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifestText).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifestText).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
  });

  it('names the add-in and labels its buttons in Norwegian, Swedish and English', () => {
    expect(manifestText).toMatch(/<DisplayName DefaultValue="Budget Follow-up">\s*<Override Locale="nb-NO" Value="Budsjettoppfølging"\/>\s*<Override Locale="sv-SE" Value="Budgetuppföljning"\/>/);
    expect(manifestText).toMatch(/<bt:String id="Generate.Label" DefaultValue="Generate follow-up">\s*<bt:Override Locale="nb-NO" Value="Lag oppfølging"\/>/);
    expect(manifestText).toMatch(/<bt:String id="Open.Label" DefaultValue="Open Budget Follow-up">/);
  });
});

describe('the icons', () => {
  it('are the PNGs scripts/make-icons.js draws, at 16, 32, 64, 80 and 128 px', () => {
    expect(icons.SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const { file, png } of icons.icons()) {
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file).equals(png)).toBe(true);
      const size = Number(/icon-(\d+)\.png$/.exec(file)?.[1]);
      expect(validator.pngSize(png)).toEqual({ width: size, height: size });
    }
  });
});

describe('the bundle', () => {
  it("lets the pane's page reach nothing but its own files and Office's script host", () => {
    const csp = webpackConfig.contentSecurityPolicy(false);
    expect(csp).toMatch(/default-src 'none'/);
    const hosts = csp.match(/https?:\/\/[^\s;]+|wss?:\/\/[^\s;]+/g) ?? [];
    expect(new Set(hosts)).toEqual(new Set(['https://appsforoffice.microsoft.com']));
    expect(csp).toMatch(/connect-src https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    // office.js's own frame, opened where it does not know the host (Office Online Server)
    expect(csp).toMatch(/frame-src https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    const template = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    expect(template).toMatch(/<meta http-equiv="Content-Security-Policy" content="<%= csp %>"/);
    expect(template).toMatch(/<script type="text\/javascript" src="<%= officeJs %>"><\/script>/);
  });

  it('refuses a production build without its address, or with a placeholder', async () => {
    const saved = process.env[webpackConfig.URL_ENV];
    try {
      const config = await webpackConfig({ WEBPACK_BUILD: true }, { mode: 'production' });
      const guard = config.plugins.find((p) => p.constructor.name === 'RequireProductionUrl') as unknown as { check(): string };
      delete process.env[webpackConfig.URL_ENV];
      expect(() => guard.check()).toThrow(/BUDGET_FOLLOWUP_URL is not set/);
      for (const bad of ['https://budget-followup.example.org/', 'https://localhost:3000/', 'http://addins.kommune.no/', 'https://addins.kommune.no/bf']) {
        process.env[webpackConfig.URL_ENV] = bad;
        expect(() => guard.check()).toThrow(/BUDGET_FOLLOWUP_URL/);
      }
      process.env[webpackConfig.URL_ENV] = DEPLOYED;
      expect(guard.check()).toBe(DEPLOYED);
      // the development build needs no address
      const dev = await webpackConfig({}, { mode: 'development' });
      expect(dev.plugins.some((p) => p.constructor.name === 'RequireProductionUrl')).toBe(false);
    } finally {
      if (saved === undefined) delete process.env[webpackConfig.URL_ENV];
      else process.env[webpackConfig.URL_ENV] = saved;
    }
  });

  it('ships a help page that works in any browser: no script, the supported Excel versions', () => {
    const help = fs.readFileSync(path.join(ROOT, 'src', 'help', 'help.html'), 'utf8');
    expect(help).not.toMatch(/<script/i);
    expect(help).toMatch(/default-src 'none'/);
    expect(help).toMatch(/Version 1903/);
    expect(help).toMatch(/Excel 2019, 2016 and older/);
  });

  it('builds for production without source maps and without the dev certificates', async () => {
    const config = await webpackConfig({ WEBPACK_BUILD: true }, { mode: 'production' });
    expect(config.mode).toBe('production');
    expect(config.devtool).toBe(false);
    expect(config.output.path).toBe(path.join(ROOT, 'dist', 'addin')); // dist/ itself holds the command line
    expect(Object.keys(config.entry)).toEqual(['taskpane', 'commands']);
    const html = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => p.userOptions?.filename);
    expect(html).toEqual(['taskpane.html']);
    expect(Object.keys(require.cache).some((k) => k.includes(`${path.sep}office-addin-dev-certs${path.sep}`))).toBe(false);
  });
});
