/**
 * The shipped scenarios and experiments with their one-line descriptions, read without validating
 * (listing must work even while a file is being edited; `regiosim validate` checks them).
 */
import { basename, extname } from 'node:path';
import { libraryDir, yamlFiles } from './refs.js';
import type { FileKind } from './refs.js';
import { child, readTree, toPlain } from './yaml-tree.js';

export interface LibraryEntry {
  kind: FileKind;
  /** The name to run it by: the file name without extension. */
  name: string;
  /** Absolute path. */
  file: string;
  description: string;
  questions: string[];
}

/** Every shipped scenario, then every shipped experiment, each sorted by name. */
export function listLibrary(): LibraryEntry[] {
  return (['scenario', 'experiment'] as const).flatMap((kind) =>
    yamlFiles(libraryDir(kind)).map((file): LibraryEntry => {
      const { tree } = readTree(file);
      const description = child(tree, 'description');
      const questions = child(tree, 'questions');
      return {
        kind,
        name: basename(file, extname(file)),
        file,
        description:
          description?.kind === 'scalar'
            ? String(description.value)
            : tree
              ? '(no description)'
              : '(unreadable: run regiosim validate)',
        questions: questions?.kind === 'seq' ? (toPlain(questions) as unknown[]).map(String) : [],
      };
    }),
  );
}
