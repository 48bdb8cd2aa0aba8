/**
 * What the engine may ask about files beside the linted one. The engine never touches the file
 * system itself: the CLI and the language server pass a reader over the disk, tests may pass
 * one over a few strings, and without one these checks are simply skipped.
 */
export interface ProjectFiles {
  /**
   * The header row of a data file named in the metadata (`data_file:`, a resource `path`),
   * relative to the linted file's folder. Reads only the start of the file.
   */
  readHeader(relativePath: string): HeaderRead;
  /** The text of the dbt doc block `{% docs name %}…{% enddocs %}` in the project, if there is one. */
  docBlock?(name: string): string | undefined;
}

export type HeaderRead = { columns: string[] } | { problem: string };
