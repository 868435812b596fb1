/** `regiosim page [--out DIR] [--serve]`: the interactive what-if page (page/). */
import type { Argv, CommandModule } from 'yargs';
import { PAGE_FILE, pageHtml, writePage } from '../page/build.js';
import { servePage } from '../page/serve.js';
import { COMMANDS } from './command-list.js';

export const pageCommandModule: CommandModule = {
  ...COMMANDS.page,
  builder: (y: Argv) =>
    y
      .option('out', { type: 'string', default: 'out/page', describe: `output folder (writes ${PAGE_FILE})` })
      .option('serve', {
        type: 'boolean',
        default: false,
        describe: 'serve the page on localhost instead of writing it',
      })
      .option('port', { type: 'number', default: 8080, describe: 'port for --serve (0: any free port)' }),
  handler: async (raw) => {
    const a = raw as unknown as { out: string; serve: boolean; port: number };
    if (a.serve) {
      const { url } = await servePage(await pageHtml(), a.port);
      process.stdout.write(`regiosim page: serving on ${url} (Ctrl-C stops)\n`);
      return;
    }
    const { file, bytes } = await writePage(a.out);
    process.stdout.write(
      `regiosim page: wrote ${file} (${(bytes / 1024).toFixed(0)} KB); open it in a browser, no network needed\n`,
    );
  },
};
