/**
 * A fingerprint of every rule's findings, for proving that a change to the rules' speed changed
 * none of what they find. Not a test: run it in two builds and compare the outputs.
 *
 *   node out/test/rules/findings-snapshot.js before.json     (in the old build)
 *   node out/test/rules/findings-snapshot.js after.json      (in the new build)
 *   diff before.json after.json
 *
 * For each input it records, per rule, the number of reports and a hash of each report's span,
 * message id, data and fixes, with no cap (every fix built), and the same for a full lint's
 * findings (rule, severity, message, span, range, data, fixes) linted once fresh and once more
 * from the results cache. The inputs are the three benchmark files, a generated text of URLs,
 * emails, templating, capitals and characters outside ASCII mixed into prose, the shared corpus,
 * examples/ and test/fixtures/real.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { dcatCatalog, dictionary, metadataWithLongDescription, seededRandom, sentence } from '../../bench/generate';
import { DEFAULT_CONFIG, withProfile } from '../../server/src/config/config';
import { ProseCache } from '../../server/src/engine/cache';
import { finishCheck, lintText, parseSafely } from '../../server/src/engine/lint';
import { detectFormat } from '../../server/src/formats';
import { configForFile } from '../../server/src/io/config-files';
import { fsProjectFiles } from '../../server/src/io/project-files';
import { RULE_OPTIONS, RULES } from '../../server/src/rules';
import { ROOT } from '../sentences';

const PIECES = ['https://data.ct.gov/x/y?z=1', 'see www.ct.gov/dcf.', 'mail jane.doe+x@dcf.ct.gov now', '{{ doc("orders") }}', '{% if x %}DCF{% endif %}',
  '`CASE_ID`', 'ftp://example.org/a.csv)', '(http://a.b/c)', 'Café naïve résumé', 'Straße ÜBER GRÖSSE', 'ΑΒΓ ΔΕΖ', "don’t DCF’s inmates’ inmate's",
  'ex-offender', 'e-mail', 'DCF-funded', 'PM2.5', 'M49', 'GEOIDs', 'CTData', 'II', 'XIV', '&amp; <b>bold</b> &#160;', 'the homeless shelter', 'the homeless are',
  'Elderly and Disabled Rental Assistance', 'utilize', 'in order to', 'commence', 'approximately', 'a_b_c', '123', '٣٤', 'x:y', 'a@b', '{ not }', '`unclosed',
  'user@localhost', 'www.', 'HTTP://UPPER.CASE/X', 'ÉCOLE PUBLIQUE ÉTÉ', 'Department of Children and Families (DCF)', 'DCF (Department of Children and Families)',
  'WIC', 'SNAP', 'WHO', 'persons with disabilities', 'alcoholic', 'addict', 'schizophrenic', 'committed suicide', 'mentally ill', 'wheelchair-bound', 'illegal alien',
  'dss.ct.gov', 'a.b@c', '.x@y.z', '-a@b.c', 'n/a', 'Q&A', 'R&D', 'AT&T', '\u00a0', '\t', 'ﬁnance', 'İstanbul', 'ǅemal', 'ⅷ', '²', 'x\u0301y'];

/** A metadata file and a dictionary made of prose with the awkward pieces mixed in. */
function stress(seed: number): { metadata: string; dictionary: string } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const texts: string[] = [];
  for (let i = 0; i < 400; i++) {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 12);
    for (let k = 0; k < count; k++) parts.push(random() < 0.5 ? pick(PIECES) : sentence(random));
    texts.push(parts.join(pick([' ', ' ', ', ', '. ', '\n', '  ', '-', '/', ''])));
  }
  const q = (s: string) => JSON.stringify(s);
  const columns = texts.slice(1).map((s, i) => `  - name: col_${i}\n    title: ${q(s.slice(0, 40))}\n    description: ${q(s)}`);
  return {
    metadata: `title: Stress ÉTÉ DCF\nlicense: Public Domain\nupdate_frequency: Annually\ndescription: ${q(texts.join(' '))}\n`,
    dictionary: `title: STRESS TEST OF ARRESTS BY TOWN\ndescription: ${q(texts[0])}\ncolumns:\n${columns.join('\n')}\n`,
  };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

interface Input {
  name: string;
  text: string;
  onDisk: boolean;
}

function inputs(): Input[] {
  const generated = stress(7);
  const list: Input[] = [
    { name: 'bench/dictionary.yaml', text: dictionary(1e6), onDisk: false },
    { name: 'bench/data.json', text: dcatCatalog(3e6), onDisk: false },
    { name: 'bench/metadata.yaml', text: metadataWithLongDescription(1e6), onDisk: false },
    { name: 'stress/stress.metadata.yaml', text: generated.metadata, onDisk: false },
    { name: 'stress/stress.dictionary.yaml', text: generated.dictionary, onDisk: false },
  ];
  for (const dir of ['../shared/corpus', 'examples', 'test/fixtures/real']) {
    for (const file of filesUnder(path.join(ROOT, dir))) list.push({ name: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8'), onDisk: true });
  }
  return list;
}

const fingerprint = (count: number, hash: ReturnType<typeof createHash>) => `${count} ${hash.digest('hex').slice(0, 16)}`;

function snapshot(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const input of inputs()) {
    const filePath = input.onDisk ? path.join(ROOT, input.name) : input.name;
    const loaded = input.onDisk ? configForFile(filePath, RULE_OPTIONS) : { config: DEFAULT_CONFIG, problems: [] };
    const adapter = detectFormat(filePath, input.text, loaded.config);
    if (!adapter) continue;
    const project = input.onDisk ? fsProjectFiles(filePath) : undefined;
    const config = withProfile(loaded.config, adapter.defaultProfile);
    const file = parseSafely(adapter, input.text);
    const entry: Record<string, string> = (out[input.name] = {});
    for (const rule of RULES) {
      const hash = createHash('sha256');
      let count = 0;
      const checking = rule.check({
        file,
        config,
        options: config.rules[rule.meta.id]?.options ?? {},
        project,
        memo: (_text, compute) => compute(),
        full: () => false,
        report: (f) => {
          count++;
          hash.update(JSON.stringify([f.span, f.messageId, f.data, f.fixes ?? []]) + '\n');
        },
      });
      finishCheck(checking);
      entry[rule.meta.id] = fingerprint(count, hash);
    }
    const cache = new ProseCache();
    for (const pass of ['lint', 'lint from cache']) {
      const result = lintText(input.text, { path: filePath, config: loaded.config, configProblems: loaded.problems, kind: adapter.kind, project, cache });
      const hash = createHash('sha256');
      for (const f of result.findings) hash.update(JSON.stringify([f.rule, f.severity, f.message, f.span, f.range, f.data, f.fixes]) + '\n');
      entry[pass] = fingerprint(result.findings.length, hash);
    }
  }
  return out;
}

if (require.main === module) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node out/test/rules/findings-snapshot.js OUTPUT.json');
    process.exit(2);
  }
  const result = snapshot();
  fs.writeFileSync(target, JSON.stringify(result, null, 1) + '\n');
  console.log(`${Object.keys(result).length} inputs written to ${target}`);
}
