import { spawnSync } from 'child_process';
import * as path from 'path';

/** The checkout: compiled tests live in out/test/cli. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'plainmeta.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, as a user or CI would, in the given folder. */
export function plainmeta(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A metadata file with every required field and nothing to report. */
export const CLEAN = [
  'title: School meals',
  'description: Number of meals that schools served each month, by town.',
  'category: Education',
  'agency: State Department of Education',
  'contact_email: meals@example.gov',
  'update_frequency: Monthly',
  'license: Public Domain',
  '',
].join('\n');
