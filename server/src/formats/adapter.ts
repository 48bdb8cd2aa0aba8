import type { ProfileName } from '../config/config';
import { ParsedFile } from '../model/dataset';

/** Reads one kind of file into the dataset model. */
export interface FormatAdapter {
  /** Stable name of the file kind, as in `--format json` output (`metadata`, `dictionary`, …). */
  kind: string;
  label: string;
  /** File names this adapter claims, matched against the path with forward or back slashes. */
  fileNames: RegExp[];
  /** For names several formats share (datapackage.yaml, schema.yml): whether the text is ours. */
  claims?(text: string): boolean;
  /** The profile used for this format when `.plainmeta.yaml` does not choose one. */
  defaultProfile?: ProfileName;
  parse(text: string): ParsedFile;
  /**
   * As `parse`, in steps, for a format whose files can be large enough that reading one holds the
   * caller (a language server answering requests) for long: it yields, between steps, how many
   * characters of the text it has read so far. It gives exactly what `parse` gives.
   */
  parseInSteps?(text: string): Generator<number, ParsedFile>;
}
