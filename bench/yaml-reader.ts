/**
 * `node out/bench/yaml-reader.js [time|memory]`: the fast block YAML reader against the yaml
 * package on the generated 1 MB dictionary (medians of several runs in one process), and the heap
 * kept by a parsed 10 MB dictionary. A measuring script for issue #6, not a test.
 */
import { parseDocument } from 'yaml';
import { lintText } from '../server/src/engine/lint';
import { ParsedFile } from '../server/src/model/dataset';
import { nativeDictionary } from '../server/src/formats/native';
import * as blockReader from '../server/src/formats/yaml/block-reader';
import { readBlockYaml } from '../server/src/formats/yaml/block-reader';
import { composeYamlTree } from '../server/src/formats/yaml/tree';
import { TreeNode } from '../server/src/formats/tree';
import { dictionary } from './generate';
import { median } from './median';

/** Reads the tree and every entry's field(), as a lint does. */
function readAll(node: TreeNode | undefined): number {
  let count = 0;
  if (node?.type === 'object') {
    for (const entry of node.entries) {
      entry.field();
      count += 1 + readAll(entry.value);
    }
  } else if (node?.type === 'array') {
    for (const item of node.items) count += readAll(item);
  }
  return count;
}

const mode = process.argv[2] ?? 'time';
if (mode === 'time') {
  const text = dictionary(1e6);
  const runs = Number(process.argv[3] ?? 7);
  const parse = median(() => parseDocument(text), runs);
  const fastTree = median(() => readBlockYaml(text), runs);
  const fastAll = median(() => readAll(readBlockYaml(text)!.root), runs);
  const slowAll = median(() => readAll(composeYamlTree(text).root), runs);
  const lint = median(() => lintText(text, { path: 'bench.dictionary.yaml' }), runs);
  const row = (name: string, ms: number) => console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / parse).toFixed(2)}× parseDocument`);
  console.log(`dictionary(1e6), ${text.length} characters, median of ${runs}`);
  row('yaml parseDocument', parse);
  row('fast reader: tree', fastTree);
  row('fast reader: tree + every field()', fastAll);
  row('yaml path: tree + every field()', slowAll);
  row('full lint', lint);
} else {
  const text = dictionary(10e6);
  if (mode === 'memory-file-slow') {
    // The parsed file as before the fast reader: every read goes through the yaml package.
    (blockReader as { readBlockYaml: (text: string) => undefined }).readBlockYaml = () => undefined;
  }
  const read = mode === 'memory-slow' ? () => composeYamlTree(text) : mode.startsWith('memory-file') ? () => nativeDictionary.parse(text) : () => readBlockYaml(text);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: Array<ReturnType<typeof read> | ParsedFile | undefined> = [read()];
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(`${mode}: dictionary(10e6), ${text.length} characters: heap kept ${((after - before) / 1e6).toFixed(0)} MB, heap used ${(after / 1e6).toFixed(0)} MB, max RSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB (${kept.length})`);
}
